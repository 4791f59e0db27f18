import { beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { distributionDate } from '../deal/schedule.ts';
import { epochDay } from '../money/plainDate.ts';
import { dealContext } from '../projection/dealContext.ts';
import type { ProjectionContext } from '../projection/projectionContext.ts';
import { runScenario } from '../projection/runScenario.ts';
import { parseScenario } from '../projection/scenarioFile.ts';
import { summarizeRun } from './scenarioSummary.ts';

/**
 * An interest-only class in the projection's summary (example-2002-groups' A-IO: 6.00% 30/360
 * on a notional of 48,272,000.00 for distributions 1-12, 30,000,000.00 for 13-24,
 * 15,000,000.00 for 25-30, nothing after): its average life is its notional's, its yield is
 * quoted at a price of its own (percent of the notional), and it has no principal to lose.
 */
const deal = resolveDeal('example-2002-groups');
let ctx: ProjectionContext;
beforeAll(async () => {
  ctx = await dealContext(deal);
});

const summary = (prices?: Record<string, number>) =>
  summarizeRun(
    deal,
    runScenario(ctx, parseScenario({ prepayment: { cpr: 20 }, ...(prices ? { prices } : {}) })),
  ).classes.find((c) => c.name === 'A-IO')!;

describe('an interest-only class in the summary', () => {
  it('has the average life of its notional', () => {
    const io = summary({ 'A-IO': 5 });
    // The notional falls after distributions 12, 24 and 30 (each date ends at the next one's).
    const settlement = epochDay(distributionDate(deal, 1));
    const falls = [
      [12, 48_272_000 - 30_000_000],
      [24, 15_000_000],
      [30, 15_000_000],
    ] as const;
    const wal =
      falls.reduce(
        (acc, [n, fall]) => acc + (fall * (epochDay(distributionDate(deal, n)) - settlement)) / 365,
        0,
      ) / 48_272_000;
    expect(io.wal).toBeCloseTo(wal, 10);
    expect(io.windowEnd).toBe(distributionDate(deal, 30));
    expect(io.principal).toBe(0);
    expect(io.principalLoss).toBe(0);
    // 6.00% 30/360 a month on the notional in force: 11 dates at 48,272,000.00 (2-12), 12 at
    // 30,000,000.00, 6 at 15,000,000.00.
    expect(io.interest).toBe(11 * 241_360_00 + 12 * 150_000_00 + 6 * 75_000_00);
  });

  it('is quoted at its own price only: a higher price, a lower yield', () => {
    const cheap = summary({ 'A-IO': 5 });
    const dear = summary({ 'A-IO': 8 });
    expect(cheap.yield).toBeGreaterThan(dear.yield!);
    expect(dear.yield).toBeGreaterThan(0);
    expect(summary().yield).toBeUndefined();
    expect(summary().price).toBeUndefined();
  });
});
