import { describe, expect, it } from 'vitest';
import { distributionDate } from '../deal/schedule.ts';
import { cents, ZERO } from '../money/cents.ts';
import { distribute } from './distribute.ts';
import { plainDate } from '../money/plainDate.ts';
import type { CollectionPeriod, DealState } from './types.ts';
import { aprilPeriod, aprilState, classOf, deal } from '../../test/support/april.ts';

// The LIBOR table ends 2005-02-18: these dates use a given fixing.
const fixing = { rate: 0.0259, determinationDate: plainDate('2005-02-23') };

/** The trust after distribution 36 (February 2005): pool 100,000,000.00, A 61,000,000.00. */
function stateAt36(required = cents(397299579)): DealState {
  const classes = { ...aprilState.classes };
  classes['A'] = { ...classes['A']!, balance: cents(6_100_000_000) };
  classes['CE'] = {
    ...classes['CE']!,
    balance: cents(10_000_000_000 - 6_100_000_000 - 3_377_000_000 - 10_000),
  };
  return {
    ...aprilState,
    distributionNumber: 36,
    lastDate: distributionDate(deal, 36),
    poolBalance: cents(10_000_000_000),
    classes,
    requiredOvercollateralization: required,
  };
}

/** Distribution 37: 1,000,000.00 of scheduled principal and nothing else. */
function period37(seriousDelinquency = ZERO): CollectionPeriod {
  const none = { count: 0, unpaidPrincipal: ZERO, statedPrincipal: ZERO };
  return {
    ...aprilPeriod,
    distributionDate: distributionDate(deal, 37),
    beginningPoolBalance: cents(10_000_000_000),
    endingPoolBalance: cents(9_900_000_000),
    scheduledPrincipal: cents(100_000_000),
    curtailments: ZERO,
    interestCollected: cents(72_166_667),
    delinquency: {
      ...aprilPeriod.delinquency,
      days30to59: none,
      foreclosure: none,
      days90plus: {
        count: 50,
        unpaidPrincipal: seriousDelinquency,
        statedPrincipal: seriousDelinquency,
      },
    },
  };
}

describe('the Stepdown Date and the Trigger Event', () => {
  it('is not reached before the 37th distribution date however high the enhancement', () => {
    const state = { ...stateAt36(), distributionNumber: 35, lastDate: distributionDate(deal, 35) };
    const period = { ...period37(), distributionDate: distributionDate(deal, 36) };
    const { distribution: d } = distribute(deal, state, period, fixing);
    expect(d.stepdownDate).toBe(false);
    // Before stepdown the OC above the 3,972,995.79 target is still released: 1,000,000 of principal.
    expect(d.overcollateralization.reduction).toBe(100_000_000);
  });

  it('occurs on the 37th date with senior enhancement (99M - 61M - P 100) / 99M = 38.38% >= 38%', () => {
    const { distribution: d, state } = distribute(deal, stateAt36(), period37(), fixing);
    expect(d.stepdownDate).toBe(true);
    // Class P's nominal 100.00 is neither senior nor subordinate.
    expect(d.seniorEnhancementPercentage).toBeCloseTo((38_000_000 - 100) / 99_000_000, 12);
    expect(d.triggerEvent).toBe(false);
    // Required OC = max(4% x 99,000,000, floor 993,220.48) = 3,960,000.00; the OC after the
    // principal remittance is 5,229,900.00, so all 1,000,000 of principal is released to CE.
    expect(d.overcollateralization.required).toBe(396_000_000);
    expect(d.overcollateralization.reduction).toBe(100_000_000);
    expect(classOf(d.classes, 'A').principalPaid).toBe(0);
    expect(d.principalDistributionAmount).toBe(0);
    expect(state.stepdownOccurred).toBe(true);
  });

  it('with a Trigger Event keeps the previous OC target and pays principal sequentially', () => {
    // 20,000,000 of 90+ day loans: 20.2% > 50% x 38.38% = 19.19%.
    const required = cents(522_990_000);
    const { distribution: d } = distribute(
      deal,
      stateAt36(required),
      period37(cents(2_000_000_000)),
      fixing,
    );
    expect(d.triggerEvent).toBe(true);
    expect(d.triggerTests[0]?.threshold).toBeCloseTo(0.5 * ((38_000_000 - 100) / 99_000_000), 12);
    expect(d.overcollateralization.required).toBe(required);
    expect(d.overcollateralization.reduction).toBe(0);
    expect(classOf(d.classes, 'A').principalPaid).toBe(100_000_000);
  });

  it('after the Stepdown Date pays the mezzanine classes down to their targets', () => {
    // Pool 99M after collections, A 55,000,000 (below 62%), so A gets nothing; M-1 target:
    // A + M-1 down to 74.50% x pool.
    const state = stateAt36();
    const classes = {
      ...state.classes,
      A: { ...state.classes['A']!, balance: cents(5_500_000_000) },
      CE: { ...state.classes['CE']!, balance: cents(112_299_000_0) },
    };
    const s: DealState = { ...state, classes, stepdownOccurred: true };
    const period = {
      ...period37(),
      scheduledPrincipal: cents(800_000_000),
      endingPoolBalance: cents(9_200_000_000),
    };
    const { distribution: d } = distribute(deal, s, period, fixing);
    // Pool 92,000,000: required OC 3,680,000; OC after remittance 92,000,000 - (88,770,100 - 8,000,000) = 11,229,900:
    // reduction = min(8,000,000, 7,549,900) = 7,549,900; PDA = 450,100.
    expect(d.overcollateralization.required).toBe(368_000_000);
    expect(d.overcollateralization.reduction).toBe(754_990_000);
    // A 55,000,000 < 62% x 92M = 57,040,000: nothing. A + M-1 = 67,415,000 vs 74.5% x 92M = 68,540,000: nothing.
    // A..M-2 = 78,838,000 vs 86% = 79,120,000: nothing. A..M-3 = 88,273,000 vs 95.5% = 87,860,000: M-3 gets 413,000.
    // A..M-4 = 88,770,000 - 413,000 = 88,357,000 vs 96% = 88,320,000: M-4 gets 37,000. P is not paid.
    expect(classOf(d.classes, 'A').principalPaid).toBe(0);
    expect(classOf(d.classes, 'M-1').principalPaid).toBe(0);
    expect(classOf(d.classes, 'M-2').principalPaid).toBe(0);
    expect(classOf(d.classes, 'M-3').principalPaid).toBe(41_300_000);
    expect(classOf(d.classes, 'M-4').principalPaid).toBe(3_700_000);
    expect(classOf(d.classes, 'P').principalPaid).toBe(0);
    // The 100.00 of principal no class could take flows to the excess cashflow.
    expect(d.principalDistributionAmount).toBe(45_000_000);
  });
});
