import type { Kysely } from 'kysely';
import { GENESIS, chainHash, verifyChain, type AuditVerification } from './auditChain.ts';
import { canonicalJson } from './canonicalJson.ts';
import { auditEntry } from './rowMapping.ts';
import type { Database } from './schema.ts';
import { addDays } from '../money/plainDate.ts';
import type { AuditEntry, AuditFilter, AuditInput } from './trustStore.ts';

/**
 * The audit log: append-only, numbered by `seq`, each entry chained to the one before by its
 * hash (auditChain.ts). The next number and the previous hash are read in the caller's write
 * transaction, which holds the store's write lock, so numbers never collide and the chain
 * never forks.
 */
type Db = Kysely<Database>;

export async function appendAudit(db: Db, entry: AuditInput): Promise<AuditEntry> {
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const previousHash = last?.hash ?? GENESIS;
  const details = entry.details ?? {};
  const row = {
    seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    deal_id: entry.dealId ?? null,
    distribution_date: entry.distributionDate ?? null,
    version: entry.version ?? null,
    reason: entry.reason ?? null,
    details: canonicalJson(details),
    address: entry.address ?? null,
  };
  const hash = chainHash(previousHash, row);
  await db
    .insertInto('audit_log')
    .values({ ...row, previous_hash: previousHash, hash })
    .execute();
  return { ...entry, seq, details, previousHash, hash };
}

/** A deal's entries, oldest first. */
export async function auditLog(db: Db, dealId: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('deal_id', '=', dealId)
    .orderBy('seq')
    .execute();
  return rows.map(auditEntry);
}

/**
 * The entries that match every filter given, oldest first: a deal's, an actor's, from a day,
 * through a day (`at` is ISO-8601 UTC text, so days compare as text: the `to` day's entries are
 * those before the next day).
 */
export async function allAudit(db: Db, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.dealId !== undefined) query = query.where('deal_id', '=', filter.dealId);
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', addDays(filter.to, 1));
  const rows = await query.orderBy('seq').execute();
  return rows.map(auditEntry);
}

/** Reads the whole log in order and checks its chain (auditChain.ts, verifyChain). */
export async function verifyAudit(db: Db): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  return verifyChain(rows);
}
