import { describe, expect, it } from 'vitest';
import { cents, ZERO } from '../money/cents.ts';
import { distribute } from './distribute.ts';
import { plainDate } from '../money/plainDate.ts';
import { distributionDate } from '../deal/schedule.ts';
import type { CollectionPeriod, DealState } from './types.ts';
import { aprilPeriod, aprilState, classOf, deal } from '../../test/support/april.ts';

const fixing = { rate: 0.02, determinationDate: plainDate('2004-01-22') };

/** The trust with 18,000,000.00 left (below the 10% clean-up threshold of 19,864,409.58). */
function smallState(n: number): DealState {
  const classes = { ...aprilState.classes };
  classes['A'] = { ...classes['A']!, balance: ZERO };
  classes['M-1'] = { ...classes['M-1']!, balance: cents(0) };
  classes['M-2'] = { ...classes['M-2']!, balance: cents(400_000_000) };
  classes['M-3'] = { ...classes['M-3']!, balance: cents(943_500_000) };
  classes['M-4'] = { ...classes['M-4']!, balance: cents(49_700_000) };
  classes['CE'] = { ...classes['CE']!, balance: cents(1_800_000_000 - 1_393_200_000 - 10_000) };
  return {
    ...aprilState,
    distributionNumber: n,
    lastDate: distributionDate(deal, n),
    poolBalance: cents(1_800_000_000),
    classes,
    stepdownOccurred: true,
  };
}

function period(n: number, changes: Partial<CollectionPeriod>): CollectionPeriod {
  return {
    ...aprilPeriod,
    distributionDate: distributionDate(deal, n + 1),
    beginningPoolBalance: cents(1_800_000_000),
    scheduledPrincipal: cents(1_000_000),
    curtailments: ZERO,
    endingPoolBalance: cents(1_799_000_000),
    interestCollected: cents(12_990_000),
    ...changes,
  };
}

describe('the clean-up call', () => {
  it('steps the margins up once the pool has been at or below 10% of cut-off', () => {
    const { distribution: d } = distribute(deal, smallState(23), period(23, {}), fixing);
    expect(classOf(d.classes, 'M-3').couponRate).toBeCloseTo(0.02 + 0.03, 15);
    expect(d.optionalTerminationDate).toBe(true);
  });

  it('when exercised pays every class in full and ends the trust', () => {
    const { distribution: d, state } = distribute(
      deal,
      smallState(23),
      period(23, {
        scheduledPrincipal: ZERO,
        repurchasePrincipal: cents(1_800_000_000),
        endingPoolBalance: ZERO,
        cleanUpCall: true,
        endingLoanCount: 0,
      }),
      fixing,
    );
    for (const name of ['M-2', 'M-3', 'M-4', 'P'])
      expect(classOf(d.classes, name).endingBalance).toBe(0);
    expect(classOf(d.classes, 'M-2').principalPaid).toBe(400_000_000);
    expect(classOf(d.classes, 'P').principalPaid).toBe(10_000);
    // The OC (4,067,900.00) is released to the CE with the excess interest.
    expect(d.overcollateralization.reduction).toBe(406_790_000);
    expect(classOf(d.classes, 'CE').interestPaid).toBeGreaterThan(406_790_000);
    expect(state.terminated).toBe(true);
    expect(() => distribute(deal, state, period(24, {}), fixing)).toThrow(/terminated/);
  });

  it('refuses a clean-up call period that leaves loans in the pool', () => {
    expect(() =>
      distribute(deal, smallState(23), period(23, { cleanUpCall: true }), fixing),
    ).toThrow(/whole pool/);
  });
});
