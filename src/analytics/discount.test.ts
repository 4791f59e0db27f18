import { beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { dealContext } from '../projection/dealContext.ts';
import type { ProjectionContext } from '../projection/projectionContext.ts';
import { runScenario } from '../projection/runScenario.ts';
import { parseScenario } from '../projection/scenarioFile.ts';
import { classCashFlows, type ClassCashFlows } from './cashFlows.ts';
import { averageLife } from './classSummary.ts';
import {
  discountMargin,
  modifiedDuration,
  presentValue,
  priceFromYield,
  throughLastPayment,
  yieldFromPrice,
} from './discount.ts';
import { brent } from './rootFinding.ts';
import { summarizeRun } from './scenarioSummary.ts';

const deal = resolveDeal('nchet-2002-1');
let ctx: ProjectionContext;
beforeAll(async () => {
  ctx = await dealContext(deal);
});

/** A bond of 1,000,000.00 paying 6% actual/360 on 30-day periods, half its principal twice. */
function bond(): ClassCashFlows {
  const B = 100_000_000;
  const i = (b: number) => (b * 0.06 * 30) / 360;
  return {
    name: 'X',
    settlement: '2002-01-01' as PlainDate,
    startBalance: B,
    dates: ['2002-01-31', '2002-03-02'] as PlainDate[],
    accrualDays: [30, 30],
    indexRates: [0.05, 0.05],
    interest: [i(B), i(B / 2)],
    principal: [B / 2, B / 2],
    other: [0, 0],
    reimbursed: [0, 0],
    writedown: [0, 0],
    endingBalance: [B / 2, 0],
    total: [i(B) + B / 2, i(B / 2) + B / 2],
  };
}

describe('price and yield (actual/360, discounted on the distribution dates)', () => {
  it('prices a bond at par at its coupon, and solves the coupon back from par', () => {
    const b = bond();
    expect(priceFromYield(b, 0.06)).toBeCloseTo(100, 12);
    expect(yieldFromPrice(b, 100)).toBeCloseTo(0.06, 10);
    expect(discountMargin(b, 100)).toBeCloseTo(0.01, 10);
  });
  it('inverts: yield from the price at a yield is that yield', () => {
    const b = bond();
    for (const y of [-0.01, 0.02, 0.09, 0.25]) {
      expect(yieldFromPrice(b, priceFromYield(b, y)!)).toBeCloseTo(y, 9);
    }
    expect(yieldFromPrice(b, 99)!).toBeGreaterThan(0.06);
  });
  it('has a modified duration near the time to the cash flows', () => {
    const d = modifiedDuration(bond(), 0.06)!;
    expect(d).toBeGreaterThan(0.1);
    expect(d).toBeLessThan(60 / 360);
    const p = presentValue(bond(), 0.06);
    expect((presentValue(bond(), 0.0601) - p) / p).toBeCloseTo(-d * 0.0001, 7);
  });
  it('finds roots with Brent to the tolerance', () => {
    expect(brent((x) => x * x - 2, 0, 2, 1e-14)).toBeCloseTo(Math.SQRT2, 13);
    expect(brent((x) => x - 5, 0, 2)).toBeUndefined();
  });
  it('prices the flows through their last payment to the same doubles', () => {
    const b = bond();
    const retired: ClassCashFlows = {
      ...b,
      accrualDays: [...b.accrualDays, 31, 30],
      indexRates: [...b.indexRates, 0.05, 0.05],
      total: [...b.total, 0, 0],
    };
    const priced = throughLastPayment(retired);
    expect(priced.total).toEqual(b.total);
    expect(yieldFromPrice(priced, 99.5)).toBe(yieldFromPrice(retired, 99.5));
    expect(discountMargin(priced, 99.5)).toBe(discountMargin(retired, 99.5));
    expect(modifiedDuration(priced, 0.06)).toBe(modifiedDuration(retired, 0.06));
    // A fixing that is not a number after the last payment keeps the flows whole.
    const unknown = { ...retired, indexRates: [0.05, 0.05, Number.NaN, 0.05] };
    expect(throughLastPayment(unknown)).toBe(unknown);
  });
  it('weights principal by years from settlement for the WAL', () => {
    const { wal, windowStart, windowEnd } = averageLife(bond());
    expect(wal).toBeCloseTo((0.5 * 30 + 0.5 * 60) / 365, 12);
    expect([windowStart, windowEnd]).toEqual(['2002-01-31', '2002-03-02']);
  });
});

describe("the deal's classes at par with no losses", () => {
  it('yield their coupon (index + margin) within a basis point', () => {
    const scenario = parseScenario({
      prepayment: { cpr: 20 },
      index: { flat: 1.9, history: false },
      cleanUpCall: true,
    });
    const run = runScenario(ctx, scenario);
    const summary = summarizeRun(deal, run);
    expect(summary.classes.map((c) => c.name)).toEqual(['A', 'M-1', 'M-2', 'M-3', 'M-4']);
    for (const c of summary.classes) {
      const found = deal.interestBearingClasses.find((f) => f.name === c.name)!;
      const margin = found.kind === 'floating' ? found.margin : Number.NaN;
      expect(c.principalLoss).toBe(0);
      expect(Math.abs(c.yield! - (0.019 + margin))).toBeLessThan(0.0001);
      expect(Math.abs(c.discountMargin! - margin)).toBeLessThan(0.0001);
      expect(c.wal!).toBeGreaterThan(0);
    }
    const a = classCashFlows(
      run.distributions,
      'A',
      ctx.state.lastDate,
      ctx.state.classes.A!.balance,
    );
    expect(a.accrualDays[0]).toBe(33); // 2002-04-25 to 2002-05-28
  });
});
