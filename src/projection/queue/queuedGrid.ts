import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ScenarioSummary } from '../../analytics/scenarioSummary.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import type { ScenarioOutcome } from '../gridOutcome.ts';
import type { ProjectionContext } from '../projectionContext.ts';
import type { GridBackend } from '../gridRunner.ts';
import type { Scenario } from '../scenarioSchema.ts';
import { GRID_TTL_SECONDS, type BatchJob, type GridQueue } from './gridQueue.ts';
import {
  outcomesStored,
  pendingOf,
  readOutcomes,
  readStats,
  storeOutcomes,
  type GridStats,
} from './gridResults.ts';
import { storeContext } from './storedContext.ts';

/** What Redis keeps of a grid besides its scenarios and results: enough to pick it up again. */
export interface GridDescription {
  readonly contextId: string;
  readonly dealId: string;
  readonly total: number;
  /** Scenarios a job carries: job k holds [k * batch, (k + 1) * batch). */
  readonly batch: number;
  readonly createdAt: string;
  /** What the client that sent it wants to show again (the CLI's header lines). */
  readonly head: Record<string, string | number>;
}

export interface SubmitOptions {
  /** The grid's id (default: a new UUID); an id already in Redis is refused. */
  readonly gridId?: string;
  /** Scenarios a job (default: about 100 jobs a grid, 1 to 20 scenarios each). */
  readonly batchSize?: number;
  readonly head?: Record<string, string | number>;
}

export interface AwaitOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** Stop waiting (the grid goes on in the workers; it can be picked up again by its id). */
  readonly signal?: AbortSignal;
  /** How often the results are counted (ms, default 50). */
  readonly pollMs?: number;
  /** After this long without progress (ms, default 2,000), the grid's jobs are looked at. */
  readonly stallMs?: number;
}

export interface QueuedGridResult {
  readonly gridId: string;
  readonly grid: GridDescription;
  /** One outcome per scenario in the grid's order: a summary, or the scenario's error. */
  readonly outcomes: readonly ScenarioOutcome[];
  readonly stats: GridStats;
  readonly wallMs: number;
}

const jobId = (gridId: string, from: number) => `${gridId}-${from}`;

function batchJobs(gridId: string, grid: GridDescription, froms?: readonly number[]) {
  const starts =
    froms ?? Array.from({ length: Math.ceil(grid.total / grid.batch) }, (_, k) => k * grid.batch);
  return starts.map((from) => {
    const data: BatchJob = {
      gridId,
      contextId: grid.contextId,
      from,
      to: Math.min(grid.total, from + grid.batch),
    };
    return {
      name: 'scenarios',
      data,
      opts: {
        // One job id a batch: adding the same batch twice adds it once.
        jobId: jobId(gridId, from),
        // A job fails only when its batch cannot start at all (context gone, Redis down):
        // tried three times, then its scenarios get the error (checkJobs).
        attempts: 3,
        backoff: { type: 'fixed', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: { age: GRID_TTL_SECONDS },
      },
    };
  });
}

/**
 * Sends a grid to the queue: the context (once per content), the grid's description and its
 * scenarios, then one job a batch. Returns the grid's id, by which it can be awaited from
 * anywhere (awaitGrid), also after the client that sent it has gone.
 */
export async function submitGrid(
  q: GridQueue,
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  o: SubmitOptions = {},
): Promise<string> {
  const gridId = o.gridId ?? randomUUID();
  if (!/^[\w.-]{1,100}$/.test(gridId)) {
    throw new TrusteeError('INVALID_INPUT', `bad grid id ${gridId}`, [
      {
        field: '--grid-id',
        message: 'not a grid id',
        expected: 'letters, digits, . _ -',
        got: gridId,
      },
    ]);
  }
  const contextId = await storeContext(q.redis, q.keys, ctx);
  const grid: GridDescription = {
    contextId,
    dealId: ctx.deal.id,
    total: scenarios.length,
    batch: o.batchSize ?? Math.max(1, Math.min(20, Math.ceil(scenarios.length / 100))),
    createdAt: new Date().toISOString(),
    head: o.head ?? {},
  };
  const key = q.keys.grid(gridId);
  if ((await q.redis.hsetnx(key, 'description', JSON.stringify(grid))) === 0) {
    throw new TrusteeError('INVALID_INPUT', `grid ${gridId} is already on the queue`, [
      { field: '--grid-id', message: 'in use', expected: 'a new id (or omit it)', got: gridId },
    ]);
  }
  const list = q.keys.scenarios(gridId);
  const tx = q.redis.multi().del(list);
  for (let from = 0; from < scenarios.length; from += 1_000) {
    tx.rpush(list, ...scenarios.slice(from, from + 1_000).map((s) => JSON.stringify(s)));
  }
  await tx.expire(list, GRID_TTL_SECONDS).expire(key, GRID_TTL_SECONDS).exec();
  await q.queue.addBulk(batchJobs(gridId, grid));
  return gridId;
}

/** The grid's description, or NOT_FOUND naming the id. */
export async function describeGrid(q: GridQueue, gridId: string): Promise<GridDescription> {
  const text = await q.redis.hget(q.keys.grid(gridId), 'description');
  if (text === null) {
    throw new TrusteeError('NOT_FOUND', `no grid ${gridId} on the queue ${q.name}`, [
      {
        field: '--grid-id',
        message: 'no such grid (grids are kept a day)',
        expected: 'the id printed when the grid was sent',
        got: gridId,
      },
    ]);
  }
  return JSON.parse(text) as GridDescription;
}

/**
 * Looks at the jobs of the batches with scenarios still pending: a job that failed for good
 * gives its error to those scenarios; a job that is gone (removed by hand) is added again.
 */
async function checkJobs(q: GridQueue, gridId: string, grid: GridDescription): Promise<void> {
  const lost: number[] = [];
  for (let from = 0; from < grid.total; from += grid.batch) {
    const indices = Array.from(
      { length: Math.min(grid.batch, grid.total - from) },
      (_, i) => from + i,
    );
    const pending = await pendingOf(q.redis, q.keys, gridId, indices);
    if (pending.length === 0) continue;
    const state = await q.queue.getJobState(jobId(gridId, from));
    if (state === 'unknown') lost.push(from);
    if (state !== 'failed') continue;
    const job = await q.queue.getJob(jobId(gridId, from));
    const error = {
      code: 'INTERNAL',
      message: `the job of scenarios ${from + 1}-${from + indices.length} failed: ${job?.failedReason ?? 'unknown reason'}`,
      details: [],
    };
    await storeOutcomes(
      q.redis,
      q.keys,
      gridId,
      pending,
      pending.map(() => ({ error })),
    );
  }
  if (lost.length > 0) await q.queue.addBulk(batchJobs(gridId, grid, lost));
}

/**
 * Waits for every scenario of a grid to have its outcome, reporting progress, and reads them.
 * Any client may wait for any grid by its id: the one that sent it, or another after it left.
 */
export async function awaitGrid(
  q: GridQueue,
  gridId: string,
  o: AwaitOptions = {},
): Promise<QueuedGridResult> {
  const start = performance.now();
  const grid = await describeGrid(q, gridId);
  const pollMs = o.pollMs ?? 50;
  const stallMs = o.stallMs ?? 2_000;
  let done = -1;
  let changed = performance.now();
  for (;;) {
    const now = await outcomesStored(q.redis, q.keys, gridId);
    if (now !== done) {
      done = now;
      changed = performance.now();
      o.onProgress?.(Math.min(done, grid.total), grid.total);
    }
    if (done >= grid.total) break;
    if (o.signal?.aborted) throw new Error(`stopped waiting for grid ${gridId}`);
    if (performance.now() - changed > stallMs) {
      await checkJobs(q, gridId, grid);
      changed = performance.now();
    }
    await sleep(pollMs);
  }
  const outcomes = await readOutcomes(q.redis, q.keys, gridId, grid.total);
  return {
    gridId,
    grid,
    outcomes: outcomes.map((x) => x!),
    stats: await readStats(q.redis, q.keys, gridId),
    wallMs: performance.now() - start,
  };
}

/** Sends a grid and waits for it: what `trustee project --queue` and the portal do. */
export async function runQueuedGrid(
  q: GridQueue,
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  o: SubmitOptions & AwaitOptions & { onSubmitted?: (gridId: string) => void } = {},
): Promise<QueuedGridResult> {
  const start = performance.now();
  const gridId = await submitGrid(q, ctx, scenarios, o);
  o.onSubmitted?.(gridId);
  const result = await awaitGrid(q, gridId, o);
  return { ...result, wallMs: performance.now() - start };
}

/** The summaries of a grid whose scenarios all succeeded, in order; else the first failure. */
export function summariesOf(outcomes: readonly ScenarioOutcome[]): ScenarioSummary[] {
  return outcomes.map((o, i) => {
    if (o.summary) return o.summary;
    throw new TrusteeError(
      o.error.code === 'INVALID_SCENARIO' ? 'INVALID_SCENARIO' : 'INTERNAL',
      `scenario ${i + 1} of the grid failed: ${o.error.message}`,
      o.error.details,
    );
  });
}

/**
 * Takes the grid's batches that no worker has started off the queue (a cancelled portal job:
 * its workers need not run what nobody will read). Returns how many were removed.
 */
export async function withdrawGrid(q: GridQueue, gridId: string): Promise<number> {
  const grid = await describeGrid(q, gridId);
  let removed = 0;
  for (let from = 0; from < grid.total; from += grid.batch) {
    const id = jobId(gridId, from);
    if ((await q.queue.getJobState(id)) === 'waiting') removed += await q.queue.remove(id);
  }
  return removed;
}

/** Grids on a queue's workers, for a server (`trustee serve --queue`). */
export function queuedGrids(q: GridQueue): GridBackend {
  return async (ctx, scenarios, onProgress, signal) => {
    let gridId: string | undefined;
    try {
      const result = await runQueuedGrid(q, ctx, scenarios, {
        onProgress,
        onSubmitted: (id) => (gridId = id),
        ...(signal ? { signal } : {}),
      });
      return [...result.outcomes];
    } catch (error) {
      if (signal?.aborted && gridId !== undefined) await withdrawGrid(q, gridId);
      throw error;
    }
  };
}
