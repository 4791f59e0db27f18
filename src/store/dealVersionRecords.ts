import type { Kysely } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { getDeal } from './inputRecords.ts';
import type { Database } from './schema.ts';
import type { DealVersion } from './trustStore.ts';

/**
 * The deal versions: which terms apply from which distribution date. Written once, in order,
 * never updated; writers run inside a transaction (the caller's).
 */
type Db = Kysely<Database>;

export async function putDealVersion(db: Db, input: DealVersion): Promise<DealVersion> {
  const where = `${input.dealId} deal version ${input.version}`;
  if (!(await getDeal(db, input.dealId, input.dealHash))) {
    throw new TrusteeError('NOT_FOUND', `${where}: the deal file is not stored`, [
      { field: 'dealHash', message: 'store the deal first', got: input.dealHash },
    ]);
  }
  const next = (await listDealVersions(db, input.dealId)).length + 1;
  if (input.version !== next) {
    throw new TrusteeError('CLOSED_DATE', `${where} cannot be written`, [
      {
        field: 'version',
        message: 'deal versions are added in order',
        expected: String(next),
        got: input.version,
      },
    ]);
  }
  await db
    .insertInto('deal_versions')
    .values({
      deal_id: input.dealId,
      version: input.version,
      deal_hash: input.dealHash,
      effective_from: input.effectiveFrom,
      amended_at: input.amendedAt,
      amended_by: input.amendedBy,
      reason: input.reason,
    })
    .execute();
  return input;
}

export async function listDealVersions(db: Db, dealId: string): Promise<DealVersion[]> {
  const rows = await db
    .selectFrom('deal_versions')
    .selectAll()
    .where('deal_id', '=', dealId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    dealId: r.deal_id,
    version: Number(r.version),
    dealHash: r.deal_hash,
    effectiveFrom: r.effective_from as PlainDate,
    amendedAt: r.amended_at,
    amendedBy: r.amended_by,
    reason: r.reason,
  }));
}
