import type { Redis } from 'ioredis';
import type { ScenarioSummary } from '../../analytics/scenarioSummary.ts';
import type { ScenarioFailure, ScenarioOutcome } from '../gridOutcome.ts';
import { GRID_TTL_SECONDS, type GridKeys } from './gridQueue.ts';

/**
 * A grid's results in Redis: one hash field a scenario (its index in the grid), the summary in
 * `results` or the error in `failures`. Written with HSETNX, so a scenario run twice (its job
 * retried after a worker died) is stored once, the first time; `stats` counts what was stored
 * and what was run.
 */
export interface GridStats {
  /** Scenarios stored (each once) and scenarios run (more when jobs were retried). */
  readonly stored: number;
  readonly runs: number;
  /** CPU time the workers' threads spent on the grid (microseconds). */
  readonly cpuMicros: number;
}

/** Stores the outcomes of scenarios `indices` (each the first time only) and counts them. */
export async function storeOutcomes(
  redis: Redis,
  keys: GridKeys,
  gridId: string,
  indices: readonly number[],
  outcomes: readonly ScenarioOutcome[],
  cpuMicros = 0,
): Promise<number> {
  const tx = redis.multi();
  outcomes.forEach((o, i) => {
    const field = String(indices[i]);
    if (o.summary) {
      tx.hsetnx(keys.results(gridId), field, JSON.stringify(o.summary));
    } else tx.hsetnx(keys.failures(gridId), field, JSON.stringify(o.error));
  });
  const replies = (await tx.exec()) ?? [];
  const stored = replies.filter(([error, reply]) => !error && reply === 1).length;
  const stats = keys.stats(gridId);
  await redis
    .multi()
    .hincrby(stats, 'stored', stored)
    .hincrby(stats, 'runs', outcomes.length)
    .hincrby(stats, 'cpuMicros', Math.round(cpuMicros))
    .expire(stats, GRID_TTL_SECONDS)
    .expire(keys.results(gridId), GRID_TTL_SECONDS)
    .expire(keys.failures(gridId), GRID_TTL_SECONDS)
    .exec();
  return stored;
}

/** Which of `indices` have neither a result nor a failure yet. */
export async function pendingOf(
  redis: Redis,
  keys: GridKeys,
  gridId: string,
  indices: readonly number[],
): Promise<number[]> {
  if (indices.length === 0) return [];
  const fields = indices.map(String);
  const [results, failures] = await Promise.all([
    redis.hmget(keys.results(gridId), ...fields),
    redis.hmget(keys.failures(gridId), ...fields),
  ]);
  return indices.filter((_, i) => results[i] === null && failures[i] === null);
}

/** Scenarios with an outcome (results and failures). */
export async function outcomesStored(redis: Redis, keys: GridKeys, gridId: string) {
  const [results, failures] = await Promise.all([
    redis.hlen(keys.results(gridId)),
    redis.hlen(keys.failures(gridId)),
  ]);
  return results + failures;
}

/** Every scenario's outcome in the grid's order; undefined where none is stored yet. */
export async function readOutcomes(
  redis: Redis,
  keys: GridKeys,
  gridId: string,
  total: number,
): Promise<(ScenarioOutcome | undefined)[]> {
  const [results, failures] = await Promise.all([
    redis.hgetall(keys.results(gridId)),
    redis.hgetall(keys.failures(gridId)),
  ]);
  return Array.from({ length: total }, (_, i): ScenarioOutcome | undefined => {
    const summary = results[i];
    if (summary !== undefined) return { summary: JSON.parse(summary) as ScenarioSummary };
    const error = failures[i];
    return error === undefined ? undefined : { error: JSON.parse(error) as ScenarioFailure };
  });
}

export async function readStats(redis: Redis, keys: GridKeys, gridId: string): Promise<GridStats> {
  const s = await redis.hgetall(keys.stats(gridId));
  const n = (field: string) => Number(s[field] ?? 0);
  return { stored: n('stored'), runs: n('runs'), cpuMicros: n('cpuMicros') };
}
