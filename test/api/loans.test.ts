import { describe, expect, it } from 'vitest';
import { expectProblem, testApp } from './testApp.ts';

describe('GET /api/deals/:dealId/loans', () => {
  it('a page of the loan tape with the pool totals', async () => {
    const res = await (await testApp()).inject('/api/deals/nchet-2002-1/loans?offset=10&limit=5');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(588); // seed: 588 loans at cut-off
    expect(page.offset).toBe(10);
    expect(page.loans).toHaveLength(5);
    expect(page.totals.balance).toBe(198_644_095_79); // seed: cut-off pool 198,644,095.79
    expect(page.loans[0]).toHaveProperty('noteRate');
  });

  it('422 for a bad page, 404 for a deal without a tape or unknown', async () => {
    const app = await testApp();
    for (const query of ['limit=0', 'limit=5000', 'offset=-1', 'limit=ten', 'sort=rate']) {
      expectProblem(
        await app.inject(`/api/deals/nchet-2002-1/loans?${query}`),
        422,
        'INVALID_INPUT',
      );
    }
    expectProblem(await app.inject('/api/deals/nope/loans'), 404, 'UNKNOWN_DEAL');
    const body = expectProblem(
      await app.inject('/api/deals/example-2003-6m/loans'),
      404,
      'NOT_FOUND',
    );
    expect(body.details[0]).toMatchObject({ expected: 'deals/<id>/tape.csv' });
  });
});

describe('GET /api/deals/:dealId/loans/stratifications/:by', () => {
  it.each(['product', 'rate', 'remainingTerm', 'state', 'fico', 'ltv'])(
    'by %s: strata that add up to the pool',
    async (by) => {
      const res = await (
        await testApp()
      ).inject(`/api/deals/nchet-2002-1/loans/stratifications/${by}`);
      expect(res.statusCode).toBe(200);
      const s = res.json() as {
        by: string;
        totals: { count: number; balance: number };
        strata: { count: number; balance: number; share: number }[];
      };
      expect(s.by).toBe(by);
      expect(s.strata.reduce((n, r) => n + r.count, 0)).toBe(s.totals.count);
      expect(s.strata.reduce((n, r) => n + r.balance, 0)).toBe(s.totals.balance);
      expect(s.strata.reduce((n, r) => n + r.share, 0)).toBeCloseTo(1, 12);
    },
  );

  it('422 for an unknown attribute', async () => {
    const body = expectProblem(
      await (await testApp()).inject('/api/deals/nchet-2002-1/loans/stratifications/zip'),
      422,
      'INVALID_INPUT',
    );
    expect(body.details[0]).toMatchObject({ field: 'params.by' });
  });
});
