import { beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { cents } from '../money/cents.ts';
import { summarizeRun } from '../analytics/scenarioSummary.ts';
import { aprilState } from '../../test/support/april.ts';
import { AF, AF_NAMES, fixedRateDeal, ioDeal } from '../waterfall/testDeals.ts';
import type { DealState } from '../waterfall/types.ts';
import { dealContext, tapeArrays } from './dealContext.ts';
import type { LoanArrays } from './loanArrays.ts';
import { runScenario } from './runScenario.ts';
import { parseScenario } from './scenarioFile.ts';

/**
 * Projections run the other structures with the same collateral loop and the same waterfall:
 * a fixed-rate deal with a NAS class and a deal with an interest-only class, each from the
 * trust after March 2002 (its classes holding 2002-1's balances), on 2002-1's loans.
 */

let tape: LoanArrays;
beforeAll(async () => {
  tape = await tapeArrays(resolveDeal('nchet-2002-1'));
});

// To the call: every class is retired at the Optional Termination Date, before any step-up.
const noLosses = parseScenario({ prepayment: { cpr: 15 }, price: 100, cleanUpCall: true });
const withLosses = parseScenario({
  prepayment: { cpr: 25 },
  default: { cdr: 4 },
  severity: 40,
  recoveryLag: 6,
});

describe('projections of other structures', () => {
  const fixed = loadDeal(fixedRateDeal(), 'fixed-rate-example.json');
  const afterMarch = [
    39_468_748_35, 30_000_000_00, 30_000_000_00, 20_000_000_00, 24_801_000_00, 16_100_000_00,
  ];
  const fixedState = (): DealState => {
    const { A: _a, ...others } = aprilState.classes;
    const af = Object.fromEntries(
      AF_NAMES.map((name, i) => [
        name,
        { ...aprilState.classes['A']!, balance: cents(afterMarch[i]!) },
      ]),
    );
    return { ...aprilState, dealId: fixed.id, classes: { ...af, ...others } };
  };

  it('a fixed-rate deal: AF-6 locked out for 36 months, yields at the coupons when nothing is lost', async () => {
    const ctx = await dealContext(fixed, { tape, state: fixedState() });
    const run = runScenario(ctx, noLosses);
    const af6 = run.distributions.map((d) => d.classes.find((c) => c.name === 'AF-6')!);
    expect(af6.slice(0, 34).every((c) => c.principalPaid === 0)).toBe(true); // distributions 2-35
    expect(af6.some((c) => c.principalPaid > 0)).toBe(true);
    for (const d of run.distributions) {
      for (const c of d.classes) expect(c.endingBalance).toBeGreaterThanOrEqual(0);
    }
    const summary = summarizeRun(fixed, run);
    AF.forEach(([name, , coupon]) => {
      const s = summary.classes.find((c) => c.name === name)!;
      expect(s.principalLoss).toBe(0);
      // Paid at par: the yield is the coupon, to a few hundredths of a basis point of rounding.
      expect(Math.abs(s.yield! - coupon)).toBeLessThan(0.0002);
    });
  });

  it('a fixed-rate deal under losses: the same waterfall, balances never negative', async () => {
    const ctx = await dealContext(fixed, { tape, state: fixedState() });
    const run = runScenario(ctx, withLosses);
    const summary = summarizeRun(fixed, run);
    expect(summary.classes.map((c) => c.name)).toEqual([...AF_NAMES, 'M-1', 'M-2', 'M-3', 'M-4']);
    for (const d of run.distributions) {
      for (const c of d.classes) expect(c.endingBalance).toBeGreaterThanOrEqual(0);
    }
  });

  it('an interest-only class: 6.00% on its notional, nothing after month 30', async () => {
    const io = loadDeal(ioDeal(), 'interest-only-example.json');
    const state: DealState = {
      ...aprilState,
      dealId: io.id,
      classes: {
        ...aprilState.classes,
        'A-IO': { ...aprilState.classes['A']!, balance: cents(48_272_000_00) },
      },
    };
    const ctx = await dealContext(io, { tape, state });
    const run = runScenario(ctx, noLosses);
    const paid = run.distributions.map((d) => ({
      n: d.distributionNumber,
      io: d.classes.find((c) => c.name === 'A-IO')!,
      pool: d.period.beginningPoolBalance,
    }));
    for (const { n, io: c, pool } of paid) {
      const notional = n <= 12 ? 48_272_000_00 : n <= 30 ? 30_000_000_00 : 0;
      expect(c.interestPaid).toBe(Math.round((Math.min(notional, pool) * 0.06) / 12));
    }
  });
});
