import { TrusteeError } from '../../errors/catalogue.ts';
import { parseScenario } from '../../projection/scenarioFile.ts';
import type { Scenario } from '../../projection/scenarioSchema.ts';

/**
 * The scenarios a position is projected under, by name. "pricing" is the deal's pricing speed:
 * 100% of the prospectus prepayment curve (PPC, compileScenario.ts's ramps for fixed and ARM
 * loans), no defaults, as the prospectus supplement's decrement tables assume.
 */
const definitions = {
  pricing: { name: 'pricing speed (100% PPC)', prepayment: { ppc: 100 } },
  slow: { name: '50% PPC', prepayment: { ppc: 50 } },
  fast: { name: '150% PPC', prepayment: { ppc: 150 } },
  stress: {
    name: '100% PPC, 6% CDR, 45% severity',
    prepayment: { ppc: 100 },
    default: { cdr: 6 },
    severity: 45,
  },
} as const;

export type ScenarioName = keyof typeof definitions;
export const scenarioNames = Object.keys(definitions) as ScenarioName[];

export function namedScenario(name: string): Scenario {
  if (!(name in definitions)) {
    throw new TrusteeError('INVALID_SCENARIO', `no scenario named "${name}"`, [
      {
        field: 'scenario',
        message: 'no such scenario',
        expected: scenarioNames.join(', '),
        got: name,
      },
    ]);
  }
  return parseScenario(definitions[name as ScenarioName], `scenario ${name}`);
}
