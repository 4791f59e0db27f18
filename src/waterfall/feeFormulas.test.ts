import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealsDirectory, indexTableFor } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { aprilPeriod, aprilState, classOf } from '../../test/support/april.ts';
import { runDistribution } from './runDistribution.ts';

/**
 * Fees as formulas, as data only: besides 2002-1's servicing and trustee fees (rates on the
 * pool), a rating agency's fixed 1,000.00 a month and a one-off 25,000.00 on distribution 2,
 * paid in the interest priority after the trustee fee, out of what would have gone to CE.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a deal file as parsed JSON
type Json = Record<string, any>;

function feeDeal(): Json {
  const d = JSON.parse(readFileSync(`${dealsDirectory}nchet-2002-1.json`, 'utf8')) as Json;
  d['id'] = 'fee-formulas-example';
  d['fees']['surveillance'] = { payee: 'Rating Agency', monthly: '1000.00' };
  d['fees']['setup'] = {
    payee: 'Trust Administrator',
    once: { distribution: 2, amount: '25000.00' },
  };
  d['waterfall'].interest.splice(
    2,
    0,
    { kind: 'fee', fee: 'surveillance' },
    { kind: 'fee', fee: 'setup' },
  );
  return d;
}

describe('fees as formulas (data only)', () => {
  it('pays a fixed monthly fee and a one-off fee on its date, from the excess interest', () => {
    const deal = loadDeal(feeDeal(), 'fee-formulas-example.json');
    const state = { ...aprilState, dealId: deal.id };
    const { distribution } = runDistribution(deal, state, aprilPeriod, indexTableFor(deal));
    const fee = (name: string) => distribution.fees.find((f) => f.name === name)!;
    expect(fee('servicing').amount).toBe(82_547_02);
    expect(fee('surveillance')).toMatchObject({ payee: 'Rating Agency', amount: 1_000_00 });
    expect(fee('setup').amount).toBe(25_000_00);
    expect(classOf(distribution.classes, 'A').interestPaid).toBe(306_573_50);
    expect(classOf(distribution.classes, 'CE').interestPaid).toBe(942_980_71 - 26_000_00);
  });

  it('pays the one-off fee on its own date only', () => {
    const d = feeDeal();
    d['fees']['setup'].once.distribution = 3;
    const deal = loadDeal(d, 'fee-formulas-example.json');
    const state = { ...aprilState, dealId: deal.id };
    const { distribution } = runDistribution(deal, state, aprilPeriod, indexTableFor(deal));
    expect(distribution.fees.find((f) => f.name === 'setup')!.amount).toBe(0);
    expect(classOf(distribution.classes, 'CE').interestPaid).toBe(942_980_71 - 1_000_00);
  });

  it('refuses a fixed fee netted from the loans for the Net WAC Rate, and a fee of no form', () => {
    const d = feeDeal();
    d['netWacCap'].netOfFees.push('surveillance');
    expect(() => loadDeal(d, 'bad.json')).toThrow(/netWacCap\.netOfFees\[2\].*not a rate/s);
    const e = feeDeal();
    e['fees']['setup'] = { payee: 'x', amount: '1.00' };
    expect(() => loadDeal(e, 'bad.json')).toThrow(/fees\.setup/);
  });
});
