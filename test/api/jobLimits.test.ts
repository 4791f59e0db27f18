import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from './signedIn.ts';
import { DEFAULT_LIMITS } from '../../src/api/jobs/jobLimits.ts';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { expectProblem, waitFor, type JobBody } from './testApp.ts';

const PROJECTIONS = '/api/deals/nchet-2002-1/projections';
const GRIDS = '/api/deals/nchet-2002-1/scenario-grids';
const range = (n: number) => Array.from({ length: n }, (_, i) => i % 100);

describe('job limits (maxScenarios 50, maxMonths 120, maxBodyBytes 4096; one job at a time)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await signedInApp({
      portal: createPortal(builtInHistory()),
      jobs: { maxRunning: 1, maxQueued: 0 },
      limits: { maxScenarios: 50, maxMonths: 120, maxBodyBytes: 4096 },
    });
  });
  afterAll(() => app.close());
  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });

  it('413 LIMIT_EXCEEDED naming the field, the limit and the value, and nothing queued', async () => {
    const vary = expectProblem(
      await post(GRIDS, { grid: { vary: { 'prepayment.cpr': range(8), severity: range(7) } } }),
      413,
      'LIMIT_EXCEEDED',
    );
    expect(vary.message).toBe('grid.vary: 56 scenarios, more than the limit of 50 (maxScenarios)');
    expect(vary.details[0]).toMatchObject({
      field: 'grid.vary',
      expected: 'at most 50 scenarios (maxScenarios)',
      got: 56,
    });
    // A list of scenarios times the values to vary.
    const list = expectProblem(
      await post(GRIDS, { grid: { scenarios: [{}, {}, {}], vary: { severity: range(17) } } }),
      413,
      'LIMIT_EXCEEDED',
    );
    expect(list.details[0]).toMatchObject({ field: 'grid.vary', got: 51 });
    const horizon = expectProblem(
      await post(PROJECTIONS, { scenario: { horizon: 121 } }),
      413,
      'LIMIT_EXCEEDED',
    );
    expect(horizon.details[0]).toMatchObject({
      field: 'scenario.horizon',
      expected: 'at most 120 months (maxMonths)',
      got: 121,
    });
    const gridHorizon = expectProblem(
      await post(GRIDS, { grid: { base: { horizon: 200 }, vary: { severity: [30, 40] } } }),
      413,
      'LIMIT_EXCEEDED',
    );
    expect(gridHorizon.details[0]).toMatchObject({ field: 'grid[0].horizon', got: 200 });
    const body = expectProblem(
      await post(GRIDS, {
        grid: { scenarios: Array.from({ length: 40 }, () => ({ name: 'x'.repeat(100) })) },
      }),
      413,
      'LIMIT_EXCEEDED',
    );
    expect(body.details[0]).toMatchObject({
      field: 'body',
      expected: 'a body of at most 4096 bytes (maxBodyBytes)',
    });
    // None of them took the only slot (a queue of 0): the next job starts at once.
    const ok = await post(PROJECTIONS, { scenario: { horizon: 120 } });
    expect(ok.statusCode).toBe(202);
    expect((ok.json() as JobBody).status).toBe('running');
    expect((await waitFor(app, (ok.json() as JobBody).id)).at(-1)!.status).toBe('done');
    // At the limit is allowed.
    const atLimit = await post(GRIDS, {
      grid: { vary: { 'prepayment.cpr': range(5), severity: range(10) } },
    });
    expect(atLimit.statusCode).toBe(202);
    expect((atLimit.json() as JobBody).progress.total).toBe(50);
    expect((await waitFor(app, (atLimit.json() as JobBody).id)).at(-1)!.status).toBe('done');
  });
});

describe('the default limits', () => {
  it("take the 1,000-scenario grid of the benchmark and refuse the issue's 100,000", async () => {
    expect(DEFAULT_LIMITS).toEqual({ maxScenarios: 2000, maxMonths: 480, maxBodyBytes: 1048576 });
    const app = await signedInApp({ portal: createPortal(builtInHistory()) });
    try {
      const thousand = {
        vary: { 'prepayment.cpr': range(10), 'default.cdr': range(10), severity: range(10) },
      };
      const res = await app.inject({ method: 'POST', url: GRIDS, payload: { grid: thousand } });
      expect(res.statusCode).toBe(202);
      const job = res.json() as JobBody;
      expect(job.progress.total).toBe(1000);
      expect((await app.inject({ method: 'DELETE', url: `/api/jobs/${job.id}` })).statusCode).toBe(
        200,
      );
      const huge = {
        vary: { 'prepayment.cpr': range(100), 'default.cdr': range(100), severity: range(10) },
      };
      const refused = expectProblem(
        await app.inject({ method: 'POST', url: GRIDS, payload: { grid: huge } }),
        413,
        'LIMIT_EXCEEDED',
      );
      expect(refused.details[0]).toMatchObject({
        got: 100_000,
        expected: 'at most 2000 scenarios (maxScenarios)',
      });
    } finally {
      await app.close();
    }
  });
});
