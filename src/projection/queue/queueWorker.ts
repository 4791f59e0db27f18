import { errorRecord } from '../../errors/catalogue.ts';
import { availableParallelism, hostname } from 'node:os';
import { Worker, type Job } from 'bullmq';
import { closeGridPool, gridPool, runIsolatedBatch } from '../gridRunner.ts';
import type { ScenarioOutcome } from '../gridOutcome.ts';
import { parseScenario } from '../scenarioFile.ts';
import type { Scenario } from '../scenarioSchema.ts';
import { connectRedis, DEFAULT_QUEUE_NAME, gridKeys, type BatchJob } from './gridQueue.ts';
import { pendingOf, storeOutcomes } from './gridResults.ts';
import { contextCache } from './storedContext.ts';

export interface QueueWorkerOptions {
  readonly url: string;
  readonly queueName?: string;
  /** Threads of the worker pool (default: the machine's cores). */
  readonly threads?: number;
  /**
   * Jobs held at a time (default threads + 1: the pool always has the next batch while one is
   * being stored).
   */
  readonly concurrency?: number;
  /**
   * How long a job's lock lasts without renewal (ms, default 30 s) and how often held jobs are
   * checked for a lost lock (default 30 s): a worker that dies (kill -9) loses its jobs to
   * another after about lockDuration + stalledInterval.
   */
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
  /** Shown on each job it takes (BullMQ's processedBy); default host:pid. */
  readonly name?: string;
  /** Told of errors the worker goes on after (Redis lost, a job failed). */
  readonly onError?: (error: Error) => void;
}

export interface QueueWorker {
  readonly name: string;
  readonly threads: number;
  /** Finishes the jobs in hand, then stops taking jobs and stops the threads. */
  close(): Promise<void>;
}

/**
 * A worker process's side of the queue: takes batch jobs, runs their scenarios that have no
 * outcome yet on the worker pool (each scenario's error caught apart) and stores each outcome
 * once. A job retried after a worker died runs only what the dead worker had not stored.
 */
export async function startQueueWorker(o: QueueWorkerOptions): Promise<QueueWorker> {
  const queueName = o.queueName ?? DEFAULT_QUEUE_NAME;
  const threads = o.threads ?? availableParallelism();
  const name = o.name ?? `${hostname()}:${process.pid}`;
  const keys = gridKeys(queueName);
  const redis = await connectRedis(o.url);
  const contextOf = contextCache(redis, keys);

  const run = async (job: Job<BatchJob>): Promise<{ stored: number; ran: number }> => {
    const { gridId, contextId, from, to } = job.data;
    const all = Array.from({ length: to - from }, (_, i) => from + i);
    const pending = await pendingOf(redis, keys, gridId, all);
    if (pending.length === 0) return { stored: 0, ran: 0 };
    const raw = await redis.lrange(keys.scenarios(gridId), from, to - 1);
    // The job's scenarios are checked again here: a queue is an edge any client may write to.
    const outcomes = new Map<number, ScenarioOutcome>();
    const valid: { index: number; scenario: Scenario }[] = [];
    for (const index of pending) {
      try {
        const json: unknown = JSON.parse(raw[index - from] ?? 'null');
        valid.push({ index, scenario: parseScenario(json, `grid ${gridId}`, [index]) });
      } catch (error) {
        outcomes.set(index, { error: errorRecord(error) });
      }
    }
    let cpuMicros = 0;
    if (valid.length > 0) {
      const ctx = await contextOf(contextId);
      const batch = await runIsolatedBatch(
        ctx,
        valid.map((v) => v.scenario),
        threads,
      );
      cpuMicros = batch.cpuMicros;
      batch.outcomes.forEach((outcome, i) => outcomes.set(valid[i]!.index, outcome));
    }
    const indices = [...outcomes.keys()];
    const stored = await storeOutcomes(
      redis,
      keys,
      gridId,
      indices,
      indices.map((i) => outcomes.get(i)!),
      cpuMicros,
    );
    return { stored, ran: indices.length };
  };

  // Threads start before the first job: their start-up is not a job's time.
  gridPool(threads);
  const blocking = redis.duplicate();
  const worker = new Worker<BatchJob>(queueName, run, {
    connection: blocking,
    name,
    concurrency: o.concurrency ?? threads + 1,
    lockDuration: o.lockDuration ?? 30_000,
    stalledInterval: o.stalledInterval ?? 30_000,
    // A job may lose its worker twice (each time another takes it); the third time it fails.
    maxStalledCount: 2,
  });
  // A job that fails (its context gone from Redis) is retried by BullMQ and then reported to
  // the grid's client; a lost connection is retried by ioredis. The worker keeps running and
  // says what happened.
  worker.on('error', (error) => o.onError?.(error));
  worker.on('failed', (job, error) => o.onError?.(new Error(`job ${job?.id}: ${error.message}`)));
  await worker.waitUntilReady();
  return {
    name,
    threads,
    async close() {
      await worker.close();
      await closeGridPool();
      blocking.disconnect();
      redis.disconnect();
    },
  };
}
