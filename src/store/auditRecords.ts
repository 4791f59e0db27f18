import type { Kysely } from 'kysely';
import { canonicalJson } from './canonicalJson.ts';
import { auditEntry } from './rowMapping.ts';
import type { Database } from './schema.ts';
import type { AuditEntry, AuditInput } from './trustStore.ts';

/**
 * The audit log: append-only, numbered by `seq`. The next number is read and written in the
 * caller's write transaction, which holds the store's write lock, so numbers never collide.
 */
type Db = Kysely<Database>;

export async function appendAudit(db: Db, entry: AuditInput): Promise<AuditEntry> {
  const last = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const details = entry.details ?? {};
  await db
    .insertInto('audit_log')
    .values({
      seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      deal_id: entry.dealId,
      distribution_date: entry.distributionDate ?? null,
      version: entry.version ?? null,
      reason: entry.reason ?? null,
      details: canonicalJson(details),
    })
    .execute();
  return { ...entry, seq, details };
}

export async function auditLog(db: Db, dealId: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('deal_id', '=', dealId)
    .orderBy('seq')
    .execute();
  return rows.map(auditEntry);
}
