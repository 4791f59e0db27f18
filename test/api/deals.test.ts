import { describe, expect, it } from 'vitest';
import { expectProblem, testApp } from './testApp.ts';
import { DISTRIBUTION_DATES_2002 } from '../support/dates2002.ts';

describe('GET /api/deals', () => {
  it('lists the built-in deals with their closed dates', async () => {
    const res = await (await testApp()).inject('/api/deals');
    expect(res.statusCode).toBe(200);
    const deals = res.json() as { id: string; distributionDates: string[] }[];
    const nchet = deals.find((d) => d.id === 'nchet-2002-1');
    expect(nchet?.distributionDates).toHaveLength(10);
    expect(nchet?.distributionDates).toContain('2002-04-25');
  });
});

describe('GET /api/deals/:dealId (overview)', () => {
  it('gives balances, factors, CE, OC vs target and triggers as of the last closed date', async () => {
    const app = await testApp();
    const res = await app.inject('/api/deals/nchet-2002-1');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    const last = (await app.inject('/api/deals/nchet-2002-1/distributions')).json().at(-1);
    expect(o.asOf).toBe('2002-12-26');
    expect(o.parties.trustee).toBe('National City Bank');
    expect(o.pool.balance).toBe(last.poolBalance);
    expect(o.pool.factor).toBeCloseTo(o.pool.balance / 198_644_095_79, 12);
    // The OC stays at its target in 2002, so class A is the pool less M-1..M-4, CE and P.
    expect(o.overcollateralization).toMatchObject({ amount: 3_972_995_79, target: 3_972_995_79 });
    const a = o.classes.find((c: { name: string }) => c.name === 'A');
    expect(a).toMatchObject({
      cusip: '64352VCC3',
      balance: o.pool.balance - 33_770_000_00 - 3_972_995_79 - 100_00,
    });
    expect(a.balance).toBe(last.classBalances.A);
    expect(a.factor).toBeCloseTo(a.balance / 160_901_000_00, 12);
    // Credit Enhancement Percentage: (pool - class A - class P's 100.00) / pool: M-1..M-4 and
    // the OC; December 2002's is the 10-K's 21.91245%.
    expect(o.creditEnhancementPercentage).toBeCloseTo(
      (o.pool.balance - a.balance - 100_00) / o.pool.balance,
      12,
    );
    expect(o.creditEnhancementPercentage).toBeCloseTo(0.2191245, 7);
    expect(o.triggerEvent).toBe(false);
    expect(o.triggerTests[0].breached).toBe(false);
  });

  it('answers an unknown deal with 404 UNKNOWN_DEAL naming the deals there are', async () => {
    const body = expectProblem(
      await (await testApp()).inject('/api/deals/nchet-2099-9'),
      404,
      'UNKNOWN_DEAL',
    );
    expect(body.details[0]).toMatchObject({ field: 'dealId', got: 'nchet-2099-9' });
  });

  it('refuses a deal id that is not an id (a path, capitals) with 422', async () => {
    const app = await testApp();
    expectProblem(await app.inject('/api/deals/NCHET'), 422, 'INVALID_INPUT');
    expectProblem(await app.inject('/api/deals/..%2Fdeals%2Fx.json'), 422, 'INVALID_INPUT');
  });
});

describe('GET /api/deals/:dealId/classes', () => {
  it('lists every class with original and current balance', async () => {
    const res = await (await testApp()).inject('/api/deals/nchet-2002-1/classes');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { name: string; originalBalance: number; balance: number }[];
    expect(rows.map((r) => r.name)).toEqual(['A', 'M-1', 'M-2', 'M-3', 'M-4', 'CE', 'P', 'R']);
    expect(rows.find((r) => r.name === 'M-1')).toMatchObject({
      originalBalance: 12_415_000_00,
      balance: 12_415_000_00,
    });
  });

  it('404 for an unknown deal', async () => {
    expectProblem(await (await testApp()).inject('/api/deals/nope/classes'), 404, 'UNKNOWN_DEAL');
  });
});

describe('GET /api/deals/:dealId/distributions (history)', () => {
  it('gives one point per closed date with the chart figures; April is the seed', async () => {
    const res = await (await testApp()).inject('/api/deals/nchet-2002-1/distributions');
    expect(res.statusCode).toBe(200);
    const points = res.json() as { date: string; poolBalance: number }[];
    expect(points.map((p) => p.date)).toEqual([...DISTRIBUTION_DATES_2002]);
    for (let k = 1; k < points.length; k++) {
      expect(points[k]!.poolBalance).toBeLessThan(points[k - 1]!.poolBalance);
    }
    const [march, april] = res.json();
    expect(march.poolBalance).toBe(198_112_844_14);
    expect(march.classBalances.A).toBe(160_369_748_35);
    expect(april.date).toBe('2002-04-25');
    expect(april.classBalances.A).toBe(160_231_105_03);
    expect(april.classCoupons['M-4']).toBeCloseTo(0.0425, 10);
    // SMM = curtailments 17,428.00 / (beginning 198,112,844.14 - scheduled 121,215.32).
    const smm = 17_428_00 / (198_112_844_14 - 121_215_32);
    expect(april.smm).toBeCloseTo(smm, 12);
    expect(april.cpr).toBeCloseTo(1 - (1 - smm) ** 12, 12);
    expect(april.cdr).toBe(0);
    // Excess spread = CE interest 942,980.71 x 12 / beginning pool.
    expect(april.excessSpread).toBeCloseTo((942_980_71 * 12) / 198_112_844_14, 12);
    expect(april.delinquency.foreclosure).toBeCloseTo(374_572_00 / 197_974_200_82, 12);
  });

  it('404 for an unknown deal', async () => {
    expectProblem(
      await (await testApp()).inject('/api/deals/zzz/distributions'),
      404,
      'UNKNOWN_DEAL',
    );
  });
});
