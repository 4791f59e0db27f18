import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from './signedIn.ts';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { createPortal, type Portal } from '../../src/api/service/portal.ts';
import { expectProblem, waitFor, type JobBody } from './testApp.ts';

const PROJECTIONS = '/api/deals/nchet-2002-1/projections';
const GRIDS = '/api/deals/nchet-2002-1/scenario-grids';
const SCENARIO = { prepayment: { cpr: 25 }, default: { cdr: 2 }, severity: 40 };
const GRID = { base: { severity: 40 }, vary: { 'prepayment.cpr': [10, 30] } };

/**
 * The built-in history behind a gate: every projection first reads the latest state, so no job
 * can finish before `open()`. That holds the first job running for as long as the test needs,
 * with no race against its speed.
 */
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

describe('the job queue (maxRunning 1, maxQueued 1)', () => {
  const gate = gatedPortal();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await signedInApp({ portal: gate.portal, jobs: { maxRunning: 1, maxQueued: 1 } });
  });
  // Closing the app stops the worker pool the grid ran on.
  afterAll(() => app.close());

  it('queues a second job (202, queued), refuses a third (503 BUSY), runs them in order', async () => {
    const post = (url: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url, payload });
    const first = await post(PROJECTIONS, { scenario: SCENARIO });
    expect(first.statusCode).toBe(202);
    const a = first.json() as JobBody;
    expect(a).toMatchObject({ status: 'running', position: null });

    const second = await post(GRIDS, { grid: GRID });
    expect(second.statusCode).toBe(202);
    const b = second.json() as JobBody;
    expect(second.headers.location).toBe(`/api/jobs/${b.id}`);
    expect(b).toMatchObject({
      status: 'queued',
      position: 1,
      progress: { done: 0, total: 2 },
      startedAt: null,
      result: null,
    });

    const busy = expectProblem(await post(PROJECTIONS, { scenario: SCENARIO }), 503, 'BUSY');
    expect(busy.message).toBe('too many jobs: 1 waiting (the limit is 1) and 1 running');
    expect(busy.details[0]).toMatchObject({ field: 'jobs', got: 1 });
    const refused = await post(GRIDS, { grid: GRID });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    // Input is still checked first: a bad scenario is 422 however full the queue.
    expectProblem(await post(PROJECTIONS, { scenario: { cdrr: 1 } }), 422, 'INVALID_SCENARIO');

    // The first job cannot end before the gate opens, so the second still waits.
    expect((await app.inject(`/api/jobs/${b.id}`)).json()).toMatchObject({
      status: 'queued',
      position: 1,
    });
    expectProblem(await app.inject(`/api/jobs/${b.id}/download`), 409, 'JOB_NOT_DONE');

    gate.open();
    const seen = await waitFor(app, b.id);
    const gridDone = seen.at(-1)!;
    expect(gridDone.status).toBe('done');
    expect(gridDone.position).toBeNull();
    const projectionDone = (await app.inject(`/api/jobs/${a.id}`)).json() as JobBody;
    expect(projectionDone.status).toBe('done');
    expect(gridDone.startedAt! >= projectionDone.finishedAt!).toBe(true);
    // Once started, it was never seen queued again.
    const firstRunning = seen.findIndex((job) => job.status !== 'queued');
    expect(seen.slice(firstRunning).every((job) => job.status !== 'queued')).toBe(true);

    // With the queue empty again, a new job is taken and starts at once.
    const again = await post(PROJECTIONS, { scenario: SCENARIO });
    expect(again.statusCode).toBe(202);
    expect((again.json() as JobBody).status).toBe('running');
    expect((await waitFor(app, (again.json() as JobBody).id)).at(-1)!.status).toBe('done');
  });
});
