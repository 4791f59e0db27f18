import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { TrusteeError } from '../../errors/catalogue.ts';
import { displayUrl } from '../../errors/displayUrl.ts';

/** The queue's name when none is given: every worker and client of one Redis meets on it. */
export const DEFAULT_QUEUE_NAME = 'trustee-grids';

/** A scenario job: one batch of a grid's scenarios, [from, to) of its stored list. */
export interface BatchJob {
  readonly gridId: string;
  readonly contextId: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Where a grid's data lives in Redis, apart from BullMQ's own keys: the context (deal, state,
 * loans) once per content, and per grid its description, scenarios, results, failures, and the
 * counters the tests and the benchmark read.
 */
export interface GridKeys {
  context(contextId: string): string;
  grid(gridId: string): string;
  scenarios(gridId: string): string;
  results(gridId: string): string;
  failures(gridId: string): string;
  stats(gridId: string): string;
}

export function gridKeys(queueName: string): GridKeys {
  const base = `trustee-grid:${queueName}`;
  return {
    context: (id) => `${base}:context:${id}`,
    grid: (id) => `${base}:grid:${id}`,
    scenarios: (id) => `${base}:grid:${id}:scenarios`,
    results: (id) => `${base}:grid:${id}:results`,
    failures: (id) => `${base}:grid:${id}:failures`,
    stats: (id) => `${base}:grid:${id}:stats`,
  };
}

/** How long a grid's data and a context stay in Redis after their last write: a day. */
export const GRID_TTL_SECONDS = 86_400;

/** The refusal when Redis is not there: STORE_UNAVAILABLE naming the flag and the URL. */
function unreachable(url: string, why: string): TrusteeError {
  url = displayUrl(url);
  return new TrusteeError('STORE_UNAVAILABLE', `cannot reach the queue's Redis at ${url}`, [
    { field: '--queue', message: why, expected: 'redis://HOST:PORT of a running Redis', got: url },
  ]);
}

/**
 * A Redis connection for the queue, checked at once (PING within 5 s) so that a wrong URL is an
 * error, not a wait. `maxRetriesPerRequest: null`: once up, commands wait out a restart of
 * Redis instead of failing (BullMQ's workers require it).
 */
export async function connectRedis(url: string): Promise<Redis> {
  if (!/^rediss?:\/\//.test(url)) throw unreachable(url, 'not a redis:// URL');
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  // Errors while connecting reject the PING below; later ones are retried by ioredis.
  redis.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5_000);
      }),
    ]);
  } catch (error) {
    redis.disconnect();
    throw unreachable(url, error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
  return redis;
}

/** A client's side of the queue: Redis, the BullMQ queue that takes batch jobs, the keys. */
export interface GridQueue {
  readonly url: string;
  readonly name: string;
  readonly redis: Redis;
  readonly queue: Queue<BatchJob>;
  readonly keys: GridKeys;
  close(): Promise<void>;
}

export async function openGridQueue(url: string, name = DEFAULT_QUEUE_NAME): Promise<GridQueue> {
  const redis = await connectRedis(url);
  const queue = new Queue<BatchJob>(name, { connection: redis });
  return {
    url,
    name,
    redis,
    queue,
    keys: gridKeys(name),
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}
