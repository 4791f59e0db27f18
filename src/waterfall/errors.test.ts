import { describe, expect, it } from 'vitest';
import { TrusteeError } from '../errors/catalogue.ts';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { runDistribution } from './runDistribution.ts';
import { aprilPeriod, aprilState, deal, indexTable } from '../../test/support/april.ts';

function errorOf(run: () => unknown): TrusteeError {
  try {
    run();
  } catch (error) {
    if (error instanceof TrusteeError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('the waterfall refuses bad periods', () => {
  it('whose pool does not roll forward, naming the field and the expected figure', () => {
    const e = errorOf(() =>
      runDistribution(
        deal,
        aprilState,
        { ...aprilPeriod, endingPoolBalance: cents(19797420000) },
        indexTable,
        'april.json',
      ),
    );
    expect(e.code).toBe('UNRECONCILED');
    expect(e.details[0]).toMatchObject({
      file: 'april.json',
      field: 'endingPoolBalance',
      expected: 'the ending pool balance to equal 197974200.82',
    });
  });
  it('whose beginning pool is not the trust pool', () => {
    const e = errorOf(() =>
      runDistribution(deal, { ...aprilState, poolBalance: cents(1) }, aprilPeriod, indexTable),
    );
    expect(e.details.some((d) => d.field === 'beginningPoolBalance')).toBe(true);
  });
  it('with a negative amount', () => {
    const e = errorOf(() =>
      runDistribution(deal, aprilState, { ...aprilPeriod, curtailments: cents(-5) }, indexTable),
    );
    expect(e.details[0]).toMatchObject({
      field: 'curtailments',
      expected: 'a whole number of cents >= 0',
    });
  });
  it('for a date out of order', () => {
    const e = errorOf(() =>
      runDistribution(
        deal,
        aprilState,
        { ...aprilPeriod, distributionDate: plainDate('2002-05-28') },
        indexTable,
      ),
    );
    expect(e.code).toBe('OUT_OF_ORDER');
    expect(e.details[0]?.expected).toBe('2002-04-25');
  });
});
