import type { ProjectionContext } from '../projection/projectionContext.ts';
import { runScenario, type ScenarioRun } from '../projection/runScenario.ts';
import type { Distribution } from '../waterfall/types.ts';
import { poolGone } from './scenarioSummary.ts';
import type { Scenario } from '../projection/scenarioSchema.ts';
import type { Workspace } from '../projection/workspace.ts';
import { bisectBoundary } from './rootFinding.ts';

/** Breakeven CDRs are found to within this many CDR percentage points (1 bp of CDR). */
export const BREAKEVEN_TOLERANCE = 0.01;

export interface Breakeven {
  readonly className: string;
  /**
   * The lowest CDR (percent, to within the tolerance) at which the class loses principal for
   * good (writedowns not reimbursed); undefined if it loses none even at `maxCdr`; 0 if it loses
   * principal with no defaults at all.
   */
  readonly cdr: number | undefined;
  /** The last CDR found with no loss (undefined when the class loses at 0). */
  readonly noLossCdr: number | undefined;
  readonly evaluations: number;
}

/** Principal lost for good by each class in a run (cents): writedowns less reimbursements. */
export type ClassLosses = ReadonlyMap<string, number>;

/**
 * The breakeven CDR of a class: bisection on "does the class take a principal loss at this CDR"
 * between 0 and `maxCdr`, the scenario's other assumptions (severity, lag, prepayment, index,
 * call) held. The loss is a step function of the CDR, so bisection (not Brent) is the method;
 * it stops when the bracket is narrower than `tolerance` (ceil(log2(maxCdr / tolerance))
 * runs, 14 for 100% and 0.01).
 */
export async function breakevenCdr(
  lossesAt: (cdr: number) => ClassLosses | Promise<ClassLosses>,
  className: string,
  tolerance = BREAKEVEN_TOLERANCE,
  maxCdr = 100,
): Promise<Breakeven> {
  const loses = async (cdr: number): Promise<boolean> =>
    ((await lossesAt(cdr)).get(className) ?? 0) > 0;
  let evaluations = 2;
  if (await loses(0)) return { className, cdr: 0, noLossCdr: undefined, evaluations: 1 };
  if (!(await loses(maxCdr))) return { className, cdr: undefined, noLossCdr: maxCdr, evaluations };
  const result = await bisectBoundary(loses, 0, maxCdr, tolerance);
  evaluations += result.evaluations;
  return { className, cdr: result.yes, noLossCdr: result.no, evaluations };
}

/**
 * Class losses at a CDR, in this process: the scenario with its default assumption replaced by
 * a constant CDR (for both loan kinds), projected from the context. Results are remembered by
 * CDR so solving several classes reuses the runs they share.
 */
export function lossesAtCdr(
  ctx: ProjectionContext,
  scenario: Scenario,
): (cdr: number) => ClassLosses {
  const memo = new Map<number, ClassLosses>();
  let workspace: Workspace | undefined;
  return (cdr) => {
    const known = memo.get(cdr);
    if (known) return known;
    const withCdr: Scenario = {
      ...scenario,
      default: { cdr },
      ...(scenario.fixed ? { fixed: { ...scenario.fixed, default: { cdr } } } : {}),
      ...(scenario.arm ? { arm: { ...scenario.arm, default: { cdr } } } : {}),
    };
    const losses = new Map<string, number>();
    const run = runScenario(ctx, withCdr, {
      untilRetired: true,
      keep: false,
      onDistribution: (d) => addWritedowns(losses, d),
      ...(workspace ? { workspace } : {}),
    });
    workspace = run.workspace;
    addUnpaidBalances(losses, run);
    memo.set(cdr, losses);
    return losses;
  };
}

/** Adds a distribution's writedowns less reimbursements to each class's loss. */
function addWritedowns(losses: Map<string, number>, d: Distribution): void {
  for (const c of d.classes) {
    losses.set(c.name, (losses.get(c.name) ?? 0) + c.realizedLoss - c.realizedLossReimbursed);
  }
}

/** When the pool is gone, what a class still has unpaid is lost too (class A's only way). */
function addUnpaidBalances(losses: Map<string, number>, run: ScenarioRun): void {
  if (!poolGone(run)) return;
  for (const [name, c] of Object.entries(run.finalState.classes)) {
    losses.set(name, (losses.get(name) ?? 0) + c.balance);
  }
}

/**
 * Principal each class lost for good in a run whose distributions were kept (cents):
 * writedowns less reimbursements, plus the balance left unpaid when the pool is gone.
 */
export function classLosses(run: ScenarioRun): ClassLosses {
  const losses = new Map<string, number>();
  for (const d of run.distributions) addWritedowns(losses, d);
  addUnpaidBalances(losses, run);
  return losses;
}
