import type { Deal } from './deal.ts';
import type { DealFile, Step } from './schema.ts';

/**
 * The priorities of payment as the engine runs them: each step with every field a step may
 * have, undefined where its kind has none. Steps of a dozen kinds otherwise come in a dozen
 * shapes, and V8 slows down a property read (`step.kind`, `step.when`, `step.classes`) that
 * meets more than four; with one shape the interpreter's reads stay fast (every projected month
 * runs each step). The deal file keeps its steps as written.
 */
export function uniformSteps(waterfall: DealFile['waterfall']): Deal['waterfall'] {
  return {
    interest: waterfall.interest.map(uniformStep),
    principal: waterfall.principal.map(uniformStep),
    excess: waterfall.excess.map(uniformStep),
    supplemental: (waterfall.supplemental ?? []).map(uniformStep),
  };
}

function uniformStep(step: Step): Step {
  const fields: Readonly<Record<string, unknown>> = step;
  return {
    kind: step.kind,
    when: step.when,
    fee: fields.fee,
    from: fields.from,
    classes: fields.classes,
    part: fields.part,
    allocation: fields.allocation,
    class: fields.class,
    causedBy: fields.causedBy,
    covers: fields.covers,
  } as Step;
}
