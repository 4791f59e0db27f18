import { describe, expect, it } from 'vitest';
import { expectProblem, testApp } from './testApp.ts';

describe('GET /api/deals', () => {
  it('lists the built-in deals with their closed dates', async () => {
    const res = await (await testApp()).inject('/api/deals');
    expect(res.statusCode).toBe(200);
    const deals = res.json() as { id: string; distributionDates: string[] }[];
    const nchet = deals.find((d) => d.id === 'nchet-2002-1');
    expect(nchet?.distributionDates).toContain('2002-04-25');
  });
});

describe('GET /api/deals/:dealId (overview)', () => {
  it('gives balances, factors, CE, OC vs target and triggers as of April 2002', async () => {
    const res = await (await testApp()).inject('/api/deals/nchet-2002-1');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.asOf).toBe('2002-04-25');
    expect(o.parties.trustee).toBe('National City Bank');
    expect(o.pool.balance).toBe(197_974_200_82);
    // Seed: CE factor = pool factor 0.996628; Credit Enhancement Percentage 19.065%.
    expect(o.pool.factor.toFixed(6)).toBe('0.996628');
    expect(o.creditEnhancementPercentage.toFixed(5)).toBe('0.19065');
    expect(o.overcollateralization).toMatchObject({ amount: 3_972_995_79, target: 3_972_995_79 });
    const a = o.classes.find((c: { name: string }) => c.name === 'A');
    expect(a).toMatchObject({
      cusip: '64352VCC3',
      balance: 160_231_105_03,
      passThroughRate: 0.0222,
    });
    expect(a.factor.toFixed(6)).toBe('0.995837');
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
  it('gives one point per closed date with the chart figures', async () => {
    const res = await (await testApp()).inject('/api/deals/nchet-2002-1/distributions');
    expect(res.statusCode).toBe(200);
    const [april] = res.json();
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
