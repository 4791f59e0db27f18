import { describe, expect, it } from 'vitest';
import { proRata } from '../../test/support/proRata.ts';
import { splitSeniorDeal } from './testDeals.ts';
import { indexTableFor } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { cents, type Cents } from '../money/cents.ts';
import { aprilPeriod, aprilStateWithClassASplit, classOf } from '../../test/support/april.ts';
import { runDistribution } from './runDistribution.ts';
import type { CollectionPeriod } from './types.ts';

/**
 * Senior classes paid pro rata, switching to sequential while a Trigger Event is in effect: the
 * 2002-1 deal with its class A split into A-1 and A-2 (the seniors of one group, sharing one
 * target), written as data only: two principal steps with conditions. The expected figures are
 * computed here from the agreement's formulas (exact rational arithmetic), not read from a run.
 */

const deal = loadDeal(splitSeniorDeal(), 'split-senior-example.json');

/** The trust after March with class A's 160,369,748.35 held as A-1 99,700,000.00 and A-2 the rest. */
const A1 = 99_700_000_00;
const A2 = 160_369_748_35 - A1;
const state = aprilStateWithClassASplit(deal.id, A1);

/** Class interest: balance x (LIBOR 1.90% + 0.32%) x 31 / 360, rounded half up to the cent. */
const interestOf = (balance: number): number => Math.round((balance * 0.0222 * 31) / 360);

function run(period: CollectionPeriod) {
  return runDistribution(deal, state, period, indexTableFor(deal));
}

describe('senior classes pro rata, sequential during a Trigger Event (data only)', () => {
  it('pays the Principal Distribution Amount to A-1 and A-2 pro rata by balance', () => {
    const { distribution } = run(aprilPeriod);
    expect(distribution.triggerEvent).toBe(false);
    const principal = 138_643_32; // April 2002's Principal Distribution Amount (the seed)
    const [toA1, toA2] = proRata(principal, [A1, A2]);
    expect(classOf(distribution.classes, 'A-1').principalPaid).toBe(toA1);
    expect(classOf(distribution.classes, 'A-2').principalPaid).toBe(toA2);
    expect(toA1! + toA2!).toBe(principal);
    expect(classOf(distribution.classes, 'A-1').interestPaid).toBe(interestOf(A1));
    expect(classOf(distribution.classes, 'A-2').interestPaid).toBe(interestOf(A2));
    // The subordinates and CE are paid what the one-senior deal pays them (the seed's figures).
    expect(classOf(distribution.classes, 'M-1').interestPaid).toBe(28_864_88);
    expect(classOf(distribution.classes, 'CE').interestPaid).toBe(
      942_980_71 + 306_573_50 - interestOf(A1) - interestOf(A2),
    );
    const skipped = distribution.trace.filter((t) => t.reason.startsWith('does not apply'));
    expect(skipped.map((t) => t.reason)).toEqual([
      'does not apply: only when a Trigger Event is in effect',
    ]);
  });

  it('pays A-1 first while the delinquency trigger is in effect', () => {
    // 20,000,000.00 in foreclosure: 10.10% of the pool, over 50% of the 19.065% enhancement.
    const serious = {
      count: 60,
      unpaidPrincipal: cents(20_000_000_00),
      statedPrincipal: cents(20_000_000_00),
    };
    const period: CollectionPeriod = {
      ...aprilPeriod,
      delinquency: { ...aprilPeriod.delinquency, foreclosure: serious },
    };
    const { distribution } = run(period);
    expect(distribution.triggerEvent).toBe(true);
    expect(classOf(distribution.classes, 'A-1').principalPaid).toBe(138_643_32);
    expect(classOf(distribution.classes, 'A-2').principalPaid).toBe(0);
    const senior = (name: string): Cents => classOf(distribution.classes, name).endingBalance;
    expect(senior('A-1') + senior('A-2')).toBe(160_369_748_35 - 138_643_32);
    expect(
      distribution.trace.filter((t) => t.reason.startsWith('does not apply')).map((t) => t.reason),
    ).toEqual(['does not apply: only when no Trigger Event is in effect']);
  });

  it('refuses a condition the language does not know, naming it', () => {
    const d = splitSeniorDeal();
    d['waterfall'].principal[0].when = { trigger: false };
    expect(() => loadDeal(d, 'bad.json')).toThrow(/waterfall\.principal\[0\]\.when/);
  });
});
