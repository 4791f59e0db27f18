import { cents, ZERO } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { noCollections, sumCollections } from '../trust/sumCollections.ts';
import type { GroupCollections } from '../trust/types.ts';
import type { CollectionPeriod } from '../waterfall/types.ts';
import { projectCollateral } from './collateralLoop.ts';
import type { CompiledScenario } from './compileScenario.ts';
import { groupRows, type LoanArrays } from './loanArrays.ts';
import { collectionPeriods } from './periodTotals.ts';
import type { ProjectionContext } from './projectionContext.ts';
import { workspaceFor, type Workspace } from './workspace.ts';

/** Each loan group's rows and the workspace its projection reuses, kept per context's loans. */
interface GroupProjection {
  readonly rows: LoanArrays;
  /** Its share of the loans the projection's rows stand for (to split the trust's count). */
  readonly loans: number;
  workspace: Workspace | undefined;
}
const byLoans = new WeakMap<LoanArrays, readonly GroupProjection[]>();

function groupProjections(ctx: ProjectionContext): readonly GroupProjection[] {
  const cached = byLoans.get(ctx.loans);
  if (cached) return cached;
  const made = ctx.deal.groups.map((_, g) => {
    const rows = groupRows(ctx.loans, g);
    let loans = 0;
    for (let i = 0; i < rows.count; i++) loans += rows.loans[i]!;
    return { rows, loans, workspace: undefined };
  });
  byLoans.set(ctx.loans, made);
  return made;
}

export interface GroupedPeriodsOptions {
  readonly dateOf: (t: number) => PlainDate;
  /** The clean-up call: exercised on the first date the whole pool is at or below it. */
  readonly cleanUpCallBalance?: number;
  readonly source: string;
}

/**
 * A deal with loan groups: each group's loans projected on their own (the same loop, one
 * workspace a group), each group's months rounded to its collection periods from its own
 * balance in the state, and the periods the waterfall takes: the groups' figures and their
 * sums. The clean-up call is tested on the whole pool and buys every group's loans. Returns the
 * periods (made as they are read) and the loan-months the loop worked.
 */
export function groupedCollectionPeriods(
  ctx: ProjectionContext,
  compiled: CompiledScenario,
  loanIndex: Float64Array,
  o: GroupedPeriodsOptions,
): { periods: Generator<CollectionPeriod>; loanMonths: number } {
  const groups = groupProjections(ctx);
  const allLoans = groups.reduce((acc, g) => acc + g.loans, 0);
  let countLeft = ctx.state.loanCount;
  let loanMonths = 0;
  const streams = groups.map((group, g) => {
    const name = ctx.deal.groups[g]!.name;
    group.workspace = workspaceFor(group.workspace, group.rows.count, compiled.horizon);
    projectCollateral(group.workspace, group.rows, compiled, loanIndex, -1);
    loanMonths += group.workspace.totals.loanMonths;
    // The state keeps the trust's loan count only: each group's by its share of the rows' loans.
    const startLoanCount =
      g === groups.length - 1
        ? countLeft
        : Math.round((ctx.state.loanCount * group.loans) / Math.max(1, allLoans));
    countLeft -= startLoanCount;
    return collectionPeriods(group.workspace.totals, {
      startPool: ctx.state.groupPoolBalances?.[name] ?? cents(0),
      startLoanCount,
      projectedLoans: group.loans,
      dateOf: o.dateOf,
      source: o.source,
    });
  });
  return { periods: zipGroups(ctx, streams, o), loanMonths };
}

function* zipGroups(
  ctx: ProjectionContext,
  streams: readonly Generator<CollectionPeriod>[],
  o: GroupedPeriodsOptions,
): Generator<CollectionPeriod> {
  const done = streams.map(() => false);
  const lastRate = streams.map(() => 0);
  for (let t = 1; ; t++) {
    const months: GroupCollections[] = streams.map((stream, g) => {
      const next = done[g] ? undefined : stream.next();
      if (next === undefined || next.done) {
        done[g] = true;
        return noCollections(lastRate[g]!); // its loans are all gone
      }
      const {
        distributionDate: _date,
        source: _source,
        cleanUpCall: _call,
        ...figures
      } = next.value;
      lastRate[g] = figures.weightedAverageRate;
      return figures;
    });
    if (done.every(Boolean)) return;
    let total = sumCollections(months);
    const call =
      o.cleanUpCallBalance !== undefined && total.endingPoolBalance <= o.cleanUpCallBalance;
    const groups = call
      ? months.map((m) => ({
          ...m,
          repurchasePrincipal: cents(m.repurchasePrincipal + m.endingPoolBalance),
          endingPoolBalance: ZERO,
          endingLoanCount: 0,
        }))
      : months;
    if (call) total = sumCollections(groups);
    yield {
      ...total,
      distributionDate: o.dateOf(t),
      source: o.source,
      ...(call ? { cleanUpCall: true } : {}),
      groups: Object.fromEntries(ctx.deal.groups.map((g, i) => [g.name, groups[i]!])),
    };
    if (call || total.endingPoolBalance === 0) return;
  }
}
