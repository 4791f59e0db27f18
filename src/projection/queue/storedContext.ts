import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { indexTableFromData, type IndexFixings } from '../../deal/indexRates.ts';
import { loadDeal } from '../../deal/loadDeal.ts';
import type { DealFile } from '../../deal/schema.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import type { DealState } from '../../waterfall/types.ts';
import { LOAN_FIELDS, loanArraysOnBuffer, loanBuffer } from '../loanArrays.ts';
import { contextForLoans, type ProjectionContext } from '../projectionContext.ts';
import { GRID_TTL_SECONDS, type GridKeys } from './gridQueue.ts';

/**
 * The context as stored: everything but the loans as JSON (the index table's fixings with it);
 * the loans as their raw bytes.
 */
interface StoredMeta {
  readonly dealFile: DealFile;
  readonly dealSource: string;
  readonly state: DealState;
  readonly count: number;
  readonly fixedCount: number;
  /** The client's index fixings: a worker on another machine need not have the same data/. */
  readonly indexTable: IndexFixings;
}

const ids = new WeakMap<ProjectionContext, { id: string; meta: string; loans: Buffer }>();

/** The context's id is a hash of its content: the same start from any client is stored once. */
function serialized(ctx: ProjectionContext): { id: string; meta: string; loans: Buffer } {
  const known = ids.get(ctx);
  if (known) return known;
  const stored: StoredMeta = {
    dealFile: ctx.deal.file,
    dealSource: ctx.deal.id,
    state: ctx.state,
    count: ctx.loans.count,
    fixedCount: ctx.loans.fixedCount,
    indexTable: ctx.table.data,
  };
  const meta = JSON.stringify(stored);
  const loans = Buffer.from(new Uint8Array(loanBuffer(ctx.loans)));
  const id = createHash('sha256').update(meta).update(loans).digest('hex').slice(0, 32);
  const entry = { id, meta, loans };
  ids.set(ctx, entry);
  return entry;
}

/**
 * Puts the context in Redis unless it is there already (the deal, the state and the loans travel
 * once, however many grids and scenarios use them) and keeps it a day. Returns its id.
 */
export async function storeContext(
  redis: Redis,
  keys: GridKeys,
  ctx: ProjectionContext,
): Promise<string> {
  const { id, meta, loans } = serialized(ctx);
  const key = keys.context(id);
  if ((await redis.expire(key, GRID_TTL_SECONDS)) === 0) {
    await redis
      .multi()
      .hset(key, 'meta', meta, 'loans', loans)
      .expire(key, GRID_TTL_SECONDS)
      .exec();
  }
  return id;
}

/** The context a worker rebuilds from Redis: the loans in shared memory for its threads. */
async function loadContext(redis: Redis, keys: GridKeys, id: string): Promise<ProjectionContext> {
  const key = keys.context(id);
  const [meta, loans] = await Promise.all([
    redis.hget(key, 'meta'),
    redis.hgetBuffer(key, 'loans'),
  ]);
  if (meta === null || loans === null) {
    throw new TrusteeError('NOT_FOUND', `the grid's context ${id} is not in Redis (expired?)`);
  }
  const m = JSON.parse(meta) as StoredMeta;
  if (loans.length !== LOAN_FIELDS.length * m.count * 8) {
    throw new TrusteeError('INTERNAL', `context ${id}: ${loans.length} bytes of loans`);
  }
  const buffer = new SharedArrayBuffer(loans.length);
  new Uint8Array(buffer).set(loans);
  const deal = loadDeal(m.dealFile, m.dealSource);
  return contextForLoans(
    deal,
    indexTableFromData(m.indexTable),
    m.state,
    loanArraysOnBuffer(buffer, m.count, m.fixedCount),
  );
}

/**
 * A worker's contexts by id: each read from Redis once and kept (the last `size` used), so a
 * grid's jobs after its first cost no transfer and no rebuilding.
 */
export function contextCache(redis: Redis, keys: GridKeys, size = 4) {
  const cache = new Map<string, Promise<ProjectionContext>>();
  return (id: string): Promise<ProjectionContext> => {
    let entry = cache.get(id);
    if (entry) cache.delete(id);
    else {
      entry = loadContext(redis, keys, id);
      // A failed read is not kept: the next job tries again.
      entry.catch(() => cache.delete(id));
    }
    cache.set(id, entry);
    while (cache.size > size) cache.delete(cache.keys().next().value!);
    return entry;
  };
}
