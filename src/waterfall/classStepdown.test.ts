import { describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { plainDate } from '../money/plainDate.ts';
import { classOf } from '../../test/support/april.ts';
import { afterStepdown } from '../../test/support/afterStepdown.ts';
import { syntheticPeriod } from '../../test/support/periods.ts';
import { distribute } from './distribute.ts';

/**
 * A class's own stepdown test: 2002-1 with M-1 stepping down only while its Credit
 * Enhancement Percentage (M-2..M-4 and the OC over the pool) is at least a threshold. On a date
 * after the Stepdown Date, class A is paid down to its target either way; M-1 to its target
 * when it passes, and, when it fails, as before the Stepdown Date: the rest of the principal,
 * M-2..M-4 nothing. Expected figures from the rule.
 */
function withM1Test(threshold: number) {
  const file = structuredClone(resolveDeal('nchet-2002-1').file) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  file['classes']['M-1'].stepdownEnhancement = threshold;
  return loadDeal(file, 'class-stepdown.json');
}

// Distribution 38, after the Stepdown Date: a 90,000,000.00 pool, A at 62% of it and each M
// class at its target.
const pool = 90_000_000_00;
const balances: Record<string, number> = {
  A: 55_800_000_00,
  'M-1': 11_250_000_00,
  'M-2': 10_350_000_00,
  'M-3': 8_550_000_00,
  'M-4': 450_000_00,
  P: 100_00,
};

function run(threshold: number) {
  const deal = withM1Test(threshold);
  const state = afterStepdown(deal, pool, balances);
  const period = syntheticPeriod(deal, state, { smm: 0.01 });
  return distribute(deal, state, period, { rate: 0.02, determinationDate: plainDate('2005-05-23') })
    .distribution;
}

describe("a class's own stepdown test (data only)", () => {
  const ending = (d: ReturnType<typeof run>) => d.period.endingPoolBalance;

  it('pays the class down to its target while it passes', () => {
    const d = run(0.1);
    expect(d.stepdownDate).toBe(true);
    const e = ending(d);
    // M-1's enhancement: the pool less A and M-1 (before principal) and P, over the pool.
    const enhancement = (e - balances['A']! - balances['M-1']! - balances['P']!) / e;
    expect(d.classStepdownTests).toEqual([
      { className: 'M-1', enhancement, threshold: 0.1, passed: true },
    ]);
    const aDue = balances['A']! - Math.round(e * 0.62);
    expect(classOf(d.classes, 'A').principalPaid).toBe(aDue);
    const m1Due = balances['A']! - aDue + balances['M-1']! - Math.round(e * 0.745);
    expect(m1Due).toBeGreaterThan(0);
    expect(classOf(d.classes, 'M-1').principalPaid).toBe(m1Due);
  });

  it('pays it as before the Stepdown Date when it fails: the rest of the principal', () => {
    const d = run(0.5);
    expect(d.classStepdownTests![0]!.passed).toBe(false);
    const e = ending(d);
    const aDue = balances['A']! - Math.round(e * 0.62);
    expect(classOf(d.classes, 'A').principalPaid).toBe(aDue);
    // The Principal Distribution Amount less A's: all to M-1, nothing to M-2..M-4.
    const m1 = classOf(d.classes, 'M-1').principalPaid;
    expect(m1).toBe(d.principalDistributionAmount - aDue);
    expect(m1).toBeGreaterThan(0);
    for (const name of ['M-2', 'M-3', 'M-4'])
      expect(classOf(d.classes, name).principalPaid).toBe(0);
  });
});
