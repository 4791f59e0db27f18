import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signedInApp } from './signedIn.ts';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { createPortal, type Portal } from '../../src/api/service/portal.ts';
import { expectProblem, waitFor, type JobBody } from './testApp.ts';

const PROJECTIONS = '/api/deals/nchet-2002-1/projections';
const GRIDS = '/api/deals/nchet-2002-1/scenario-grids';
const SCENARIO = { prepayment: { cpr: 25 }, default: { cdr: 2 }, severity: 40 };
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** 1,000 scenarios: five chunks of the grid runner's 200, so a cancel lands mid-grid. */
const BIG_GRID = {
  vary: { 'prepayment.cpr': range(10), 'default.cdr': range(10), severity: range(10) },
};

/** The built-in history behind a gate, as in jobQueue.test.ts: no job ends before `open()`. */
function gatedPortal(): { portal: Portal; open: () => void } {
  const base = createPortal(builtInHistory());
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const latestState: Portal['latestState'] = async (dealId) => {
    await opened;
    return base.latestState(dealId);
  };
  return { portal: { ...base, latestState }, open };
}

describe('DELETE /api/jobs/:jobId (one job at a time)', () => {
  const gate = gatedPortal();
  const results = mkdtempSync(join(tmpdir(), 'trustee-results-'));
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await signedInApp({
      portal: gate.portal,
      jobs: { maxRunning: 1, maxQueued: 5 },
      resultsDir: results,
    });
  });
  afterAll(() => app.close());
  const post = async (url: string, payload: Record<string, unknown>) =>
    (await app.inject({ method: 'POST', url, payload })).json() as JobBody;
  const cancel = async (id: string) => {
    const res = await app.inject({ method: 'DELETE', url: `/api/jobs/${id}` });
    expect(res.statusCode).toBe(200);
    return res.json() as JobBody;
  };

  it('a queued job leaves the queue; a running grid stops; their results answer JOB_NOT_DONE', async () => {
    const first = await post(PROJECTIONS, { scenario: SCENARIO });
    const second = await post(GRIDS, { grid: BIG_GRID });
    const third = await post(PROJECTIONS, { scenario: SCENARIO });
    expect([first.status, second.status, third.status]).toEqual(['running', 'queued', 'queued']);

    // The queued grid: cancelled at once, the job behind it moves up.
    expect(await cancel(second.id)).toMatchObject({ status: 'cancelled', position: null });
    expect((await app.inject(`/api/jobs/${third.id}`)).json()).toMatchObject({ position: 1 });
    const notDone = expectProblem(
      await app.inject(`/api/jobs/${second.id}/result`),
      409,
      'JOB_NOT_DONE',
    );
    expect(notDone.message).toBe(`job ${second.id} is cancelled`);
    expectProblem(await app.inject(`/api/jobs/${second.id}/download`), 409, 'JOB_NOT_DONE');

    gate.open();
    expect((await waitFor(app, third.id)).at(-1)!.status).toBe('done');
    // It never ran: no progress, never started.
    expect((await app.inject(`/api/jobs/${second.id}`)).json()).toMatchObject({
      status: 'cancelled',
      startedAt: null,
      progress: { done: 0 },
    });

    // A running grid: cancelled once it has begun; it dispatches no more chunks, and what its
    // workers were doing is discarded (no result file), then its slot serves the next job.
    const grid = await post(GRIDS, { grid: BIG_GRID });
    expect(grid.status).toBe('running');
    await vi.waitFor(
      async () => {
        const now = (await app.inject(`/api/jobs/${grid.id}`)).json() as JobBody;
        expect(now.progress.done).toBeGreaterThan(0);
      },
      { timeout: 30_000, interval: 20 },
    );
    const cancelled = await cancel(grid.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.progress.done).toBeLessThan(1000);
    expect(cancelled.finishedAt).not.toBeNull();
    expect(await cancel(grid.id)).toMatchObject({ status: 'cancelled' }); // again: as it is
    const next = await post(PROJECTIONS, { scenario: SCENARIO });
    expect((await waitFor(app, next.id)).at(-1)!.status).toBe('done');
    expect((await app.inject(`/api/jobs/${grid.id}`)).json()).toMatchObject({
      status: 'cancelled',
      result: null,
    });
    expectProblem(await app.inject(`/api/jobs/${grid.id}/result`), 409, 'JOB_NOT_DONE');
    // The finished projections' files are there, the cancelled grid's is not.
    const files = readdirSync(results);
    expect(files).toEqual(expect.arrayContaining([`${first.id}.ndjson`, `${next.id}.ndjson`]));
    expect(files).not.toContain(`${grid.id}.ndjson`);

    // A finished job is answered as it is; an unknown one is 404.
    expect(await cancel(first.id)).toMatchObject({ status: 'done' });
    expectProblem(
      await app.inject({ method: 'DELETE', url: '/api/jobs/00000000-0000-0000-0000-000000000000' }),
      404,
      'NOT_FOUND',
    );
  });
});
