import { beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { projectCollateral } from './collateralLoop.ts';
import { compileScenario } from './compileScenario.ts';
import { dealContext } from './dealContext.ts';
import { scenarioIndexPaths } from './indexPath.ts';
import { groupRows } from './loanArrays.ts';
import { collectionPeriods } from './periodTotals.ts';
import type { ProjectionContext } from './projectionContext.ts';
import { runScenario } from './runScenario.ts';
import { parseScenario } from './scenarioFile.ts';
import { createWorkspace } from './workspace.ts';

/**
 * A deal with loan groups projects each group's loans on their own: the built-in
 * example-2002-groups from its tape (3,300 loans, a `group` column), through the same loop and
 * the same waterfall, each period carrying each group's figures.
 */

const deal = resolveDeal('example-2002-groups');
let ctx: ProjectionContext;
beforeAll(async () => {
  ctx = await dealContext(deal);
});

const scenario = parseScenario({
  prepayment: { cpr: 25 },
  default: { cdr: 4 },
  severity: 45,
  recoveryLag: 6,
  cleanUpCall: true,
});

describe('projections by loan group', () => {
  it('scales each group of the tape to its own pool in the state', () => {
    for (const [g, group] of deal.groups.entries()) {
      const rows = groupRows(ctx.loans, g);
      let balance = 0;
      for (let i = 0; i < rows.count; i++) balance += rows.balance[i]!;
      expect(Math.round(balance)).toBe(ctx.state.groupPoolBalances![group.name]);
    }
  });

  it("runs every month with each group's figures, each what its own loans make", () => {
    const run = runScenario(ctx, scenario, { keep: true });
    expect(run.months).toBeGreaterThan(24);
    // The waterfall took every period: it refuses groups that do not add up to the pool or do
    // not roll forward from the group's balance after the date before.
    for (const p of run.periods) expect(Object.keys(p.groups!)).toEqual(['I', 'II']);
    // Group I's figures are those of the loop run on group I's loans alone.
    const rows = groupRows(ctx.loans, 0);
    const compiled = compileScenario(scenario, ctx.loanMonths, ctx.maxAge);
    const { loanIndex } = scenarioIndexPaths(ctx.calendar, scenario);
    const ws = createWorkspace(rows.count, compiled.horizon);
    projectCollateral(ws, rows, compiled, loanIndex, -1);
    let loans = 0;
    for (let i = 0; i < rows.count; i++) loans += rows.loans[i]!;
    const alone = [
      ...collectionPeriods(ws.totals, {
        startPool: ctx.state.groupPoolBalances!['I']!,
        startLoanCount: 0,
        projectedLoans: loans,
        dateOf: (t) => ctx.calendar.dates[t]!,
        source: 'group I alone',
      }),
    ];
    run.periods.slice(0, -1).forEach((p, t) => {
      const groupI = p.groups!['I']!;
      expect(groupI.endingPoolBalance).toBe(alone[t]!.endingPoolBalance);
      expect(groupI.paymentsInFull).toBe(alone[t]!.paymentsInFull);
      expect(groupI.interestCollected).toBe(alone[t]!.interestCollected);
      expect(groupI.realizedLosses).toBe(alone[t]!.realizedLosses);
    });
    // The groups run off at their own speeds: their shares of the pool change.
    const last = run.periods[run.periods.length - 2]!;
    const shareI = last.groups!['I']!.endingPoolBalance / last.endingPoolBalance;
    expect(Math.abs(shareI - 356_690_000 / 478_995_000)).toBeGreaterThan(1e-4);
    // The clean-up call buys every group's loans on the same date.
    const called = run.periods[run.periods.length - 1]!;
    expect(called.cleanUpCall).toBe(true);
    for (const g of Object.values(called.groups!)) expect(g.endingPoolBalance).toBe(0);
  });

  it('pays each senior from its own group before the other (cash in = cash out)', () => {
    const run = runScenario(ctx, scenario, { keep: true, trace: true });
    for (const d of run.distributions) {
      const fees = d.fees.reduce((a, f) => a + f.amount, 0);
      const paid = d.classes.reduce(
        (a, c) =>
          a + c.interestPaid + c.principalPaid + c.netWacCarryoverPaid + c.realizedLossReimbursed,
        0,
      );
      expect(fees + paid).toBe(
        d.period.interestCollected +
          d.principalRemittanceAmount +
          d.period.prepaymentCharges +
          d.period.compensatingInterest,
      );
    }
    const first = run.distributions[0]!;
    const fromOwn = first.trace.filter(
      (t) => t.to === 'A-1' && t.from === 'Principal Distribution Amount (Group I)',
    );
    expect(fromOwn.length).toBe(1);
    expect(fromOwn[0]!.amount).toBeGreaterThan(0);
  });
});
