import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../../deal/builtIn.ts';
import { indexRateTable } from '../../deal/indexRates.ts';
import { dealContext } from '../dealContext.ts';
import { expandGrid } from '../grid.ts';
import { closeGridPool, localGrids, runGrid } from '../gridRunner.ts';
import { contextForLoans, type ProjectionContext } from '../projectionContext.ts';
import type { Scenario } from '../scenarioSchema.ts';
import { openGridQueue, type GridQueue } from './gridQueue.ts';
import { pendingOf } from './gridResults.ts';
import {
  awaitGrid,
  describeGrid,
  queuedGrids,
  submitGrid,
  summariesOf,
  withdrawGrid,
} from './queuedGrid.ts';

// Redis runs on every machine of this project and on CI (.ci/run starts it): no skipping.
const REDIS = process.env.TRUSTEE_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const bin = fileURLToPath(new URL('../../../bin/trustee.ts', import.meta.url));
// A queue of its own: parallel runs of the tests never take each other's jobs.
const queueName = `test-${randomUUID()}`;

interface WorkerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

/** A `trustee worker` process (Node 24, as this test runs), resolved once it has started. */
async function startWorker(name: string): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [
      bin,
      'worker',
      ...['--queue', REDIS, '--queue-name', queueName, '--name', name],
      // One thread, two jobs in hand; a lost lock is noticed within a few seconds.
      ...['--threads', '1', '--concurrency', '2'],
      ...['--lock-duration', '2000', '--stalled-interval', '1000'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('trustee worker')) resolve();
    });
    void exited.then(() => reject(new Error(`worker ${name} exited: ${err}`)));
  });
  return { child, exited };
}

let ctx: ProjectionContext;
let q: GridQueue;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  ctx = await dealContext(resolveDeal('nchet-2002-1'));
  q = await openGridQueue(REDIS, queueName);
  workers.push(...(await Promise.all([startWorker('A'), startWorker('B')])));
}, 60_000);

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
  await q.queue.obliterate({ force: true });
  const keys = await q.redis.keys(`trustee-grid:${queueName}:*`);
  if (keys.length > 0) await q.redis.del(...keys);
  await q.close();
  await closeGridPool();
}, 60_000);

/** The summaries as they come out of Redis (JSON: undefined fields are absent). */
const asJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('grids on the queue (BullMQ over Redis)', () => {
  it('loses nothing and stores nothing twice when a worker is killed holding jobs', async () => {
    const scenarios = expandGrid({
      base: { severity: 45, recoveryLag: 6 },
      vary: {
        'prepayment.cpr': [6, 12, 18, 24, 30, 36],
        'default.cdr': [0, 3, 6, 9, 12, 15, 18, 21],
      },
    });
    const gridId = await submitGrid(q, ctx, scenarios, { batchSize: 3 });

    // Wait until worker A holds jobs, then kill it without warning.
    let held: number[] = [];
    for (let tries = 0; held.length === 0 && tries < 400; tries++) {
      const active = await q.queue.getActive();
      held = active.filter((j) => j.processedBy === 'A').map((j) => j.data.from);
      if (held.length === 0) await new Promise((r) => setTimeout(r, 25));
    }
    expect(held.length).toBeGreaterThan(0);
    workers[0]!.child.kill('SIGKILL');
    await workers[0]!.exited;
    const heldIndices = held.flatMap((from) => [from, from + 1, from + 2]);
    const unfinished = await pendingOf(q.redis, q.keys, gridId, heldIndices);
    // A died before storing at least one of the scenarios it held: another worker must run it.
    expect(unfinished.length).toBeGreaterThan(0);

    // The client that sent the grid goes away; another picks the grid up by its id.
    await q.close();
    q = await openGridQueue(REDIS, queueName);
    const progress: number[] = [];
    const result = await awaitGrid(q, gridId, { onProgress: (done) => progress.push(done) });

    expect(progress.at(-1)).toBe(scenarios.length);
    expect(result.stats.stored).toBe(scenarios.length);
    const fields = await q.redis.hkeys(q.keys.results(gridId));
    expect(fields.map(Number).sort((a, b) => a - b)).toEqual(scenarios.map((_, i) => i));
    expect(await q.redis.hlen(q.keys.failures(gridId))).toBe(0);
    for (const i of unfinished) expect(result.outcomes[i]?.summary).toBeDefined();

    const inProcess = await runGrid(ctx, scenarios, { threads: 0 });
    expect(summariesOf(result.outcomes)).toEqual(asJson(inProcess.summaries));
  }, 120_000);

  it('fails a bad scenario alone, with its error', async () => {
    const good = expandGrid({ base: { severity: 40 }, vary: { 'prepayment.cpr': [10, 20, 30] } });
    // A scenario the client did not check (any client may write to the queue).
    const bad = { name: 'too fast', prepayment: { cpr: 500 } } as unknown as Scenario;
    const scenarios = [good[0]!, bad, good[1]!, good[2]!];
    const gridId = await submitGrid(q, ctx, scenarios, { batchSize: 2 });
    const { outcomes } = await awaitGrid(q, gridId);
    expect(outcomes[1]?.error?.code).toBe('INVALID_SCENARIO');
    expect(outcomes[1]?.error?.details[0]?.field).toContain('prepayment.cpr');
    const inProcess = await runGrid(ctx, good, { threads: 0 });
    expect([0, 2, 3].map((i) => outcomes[i]?.summary)).toEqual(asJson(inProcess.summaries));
  }, 60_000);

  it("projects with the client's index fixings, not those of the worker's own data/", async () => {
    // The client's LIBOR one point higher than data/'s: a worker on a machine with another
    // data/ (or none) still projects what the client would.
    const data = ctx.table.data;
    const higher = indexRateTable(
      data.name,
      new Map(data.fixings.map(([date, rate]) => [date, rate + 0.01] as const)),
      data.holidays,
    );
    const shifted = contextForLoans(ctx.deal, higher, ctx.state, ctx.loans);
    const scenarios = expandGrid({ base: { severity: 40 }, vary: { 'default.cdr': [3, 6] } });
    const { outcomes } = await awaitGrid(q, await submitGrid(q, shifted, scenarios));
    const inProcess = await runGrid(shifted, scenarios, { threads: 0 });
    expect(summariesOf(outcomes)).toEqual(asJson(inProcess.summaries));
    const usual = await runGrid(ctx, scenarios, { threads: 0 });
    expect(asJson(inProcess.summaries)).not.toEqual(asJson(usual.summaries));
  }, 60_000);

  it('refuses an id it does not know, and an id already in use', async () => {
    await expect(describeGrid(q, 'no-such-grid')).rejects.toThrow(/no grid no-such-grid/);
    const scenarios = expandGrid({ base: { severity: 40 } });
    const gridId = `named-${randomUUID()}`;
    await submitGrid(q, ctx, scenarios, { gridId });
    await expect(submitGrid(q, ctx, scenarios, { gridId })).rejects.toThrow(/already on the queue/);
    expect((await awaitGrid(q, gridId)).outcomes).toHaveLength(1);
  }, 60_000);

  it("gives a server's grids the same summaries as this machine's pool (serve --queue)", async () => {
    const scenarios = expandGrid({ base: { severity: 35 }, vary: { 'default.cdr': [2, 8] } });
    const done: number[] = [];
    const queued = await queuedGrids(q)(ctx, scenarios, (n) => done.push(n));
    expect(queued).toEqual(asJson(await localGrids(ctx, scenarios, () => undefined)));
    expect(done.at(-1)).toBe(2);
  }, 60_000);

  it("takes a stopped grid's batches that no worker has started off the queue", async () => {
    // A queue no worker serves: every batch waits until it is taken off.
    const idle = await openGridQueue(REDIS, `${queueName}-idle`);
    try {
      const scenarios = expandGrid({ base: { severity: 40 }, vary: { 'default.cdr': [1, 2, 3] } });
      const stop = new AbortController();
      const run = queuedGrids(idle)(ctx, scenarios, () => stop.abort(), stop.signal);
      await expect(run).rejects.toThrow(/stopped waiting/);
      expect((await idle.queue.getJobCounts('waiting')).waiting).toBe(0);
      const gridId = await submitGrid(idle, ctx, scenarios, { batchSize: 2 });
      expect((await idle.queue.getJobCounts('waiting')).waiting).toBe(2);
      expect(await withdrawGrid(idle, gridId)).toBe(2);
      expect((await idle.queue.getJobCounts('waiting')).waiting).toBe(0);
    } finally {
      await idle.queue.obliterate({ force: true });
      const keys = await idle.redis.keys(`trustee-grid:${queueName}-idle:*`);
      if (keys.length > 0) await idle.redis.del(...keys);
      await idle.close();
    }
  }, 60_000);
});
