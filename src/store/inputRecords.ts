import type { Kysely } from 'kysely';
import type { Deal } from '../deal/deal.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { canonicalJson, contentHash } from './canonicalJson.ts';
import { rawRows, storedRemittance } from './rowMapping.ts';
import type { Database } from './schema.ts';
import type {
  LoanTapeInput,
  RawRow,
  RemittanceInput,
  StoredDeal,
  StoredLoanTape,
  StoredRemittance,
} from './trustStore.ts';

/**
 * The content-addressed records: deals, loan tapes, remittances. Each is stored under the hash
 * of its content, so storing the same thing twice keeps the first copy. Writers run inside a
 * transaction (the caller's).
 */
type Db = Kysely<Database>;

/** Raw rows go in batches: both backends limit the parameters of one statement. */
const BATCH = 500;

export async function putDeal(db: Db, deal: Deal, storedAt: string): Promise<StoredDeal> {
  const hash = contentHash(deal.file);
  const existing = await getDeal(db, deal.id, hash);
  if (existing) return existing;
  await db
    .insertInto('deals')
    .values({
      deal_id: deal.id,
      deal_hash: hash,
      name: deal.name,
      deal_json: canonicalJson(deal.file),
      stored_at: storedAt,
    })
    .execute();
  return { dealId: deal.id, hash, name: deal.name, file: deal.file, storedAt };
}

export async function getDeal(
  db: Db,
  dealId: string,
  hash?: string,
): Promise<StoredDeal | undefined> {
  let query = db.selectFrom('deals').selectAll().where('deal_id', '=', dealId);
  if (hash !== undefined) query = query.where('deal_hash', '=', hash);
  const row = await query.orderBy('stored_at', 'desc').orderBy('deal_hash').executeTakeFirst();
  if (!row) return undefined;
  return {
    dealId: row.deal_id,
    hash: row.deal_hash,
    name: row.name,
    file: JSON.parse(row.deal_json) as unknown,
    storedAt: row.stored_at,
  };
}

export async function putLoanTape(
  db: Db,
  input: LoanTapeInput,
  storedAt: string,
): Promise<StoredLoanTape> {
  const tapeId = contentHash({ dealId: input.dealId, asOf: input.asOf, rows: input.rows });
  const existing = await getLoanTape(db, tapeId);
  if (existing) return existing;
  await db
    .insertInto('loan_tapes')
    .values({
      tape_id: tapeId,
      deal_id: input.dealId,
      as_of: input.asOf,
      source: input.source,
      row_count: input.rows.length,
      stored_at: storedAt,
    })
    .execute();
  for (const batch of batches(input.rows)) {
    const values = batch.rows.map((row, i) => ({
      tape_id: tapeId,
      row_number: batch.start + i + 1,
      data: canonicalJson(row),
    }));
    await db.insertInto('loan_tape_rows').values(values).execute();
  }
  return { ...input, tapeId, storedAt };
}

export async function getLoanTape(db: Db, tapeId: string): Promise<StoredLoanTape | undefined> {
  const row = await db
    .selectFrom('loan_tapes')
    .selectAll()
    .where('tape_id', '=', tapeId)
    .executeTakeFirst();
  if (!row) return undefined;
  const rows = await db
    .selectFrom('loan_tape_rows')
    .select('data')
    .where('tape_id', '=', tapeId)
    .orderBy('row_number')
    .execute();
  return {
    tapeId,
    dealId: row.deal_id,
    asOf: row.as_of as PlainDate,
    source: row.source,
    rows: rawRows(rows),
    storedAt: row.stored_at,
  };
}

export async function putRemittance(
  db: Db,
  input: RemittanceInput,
  storedAt: string,
): Promise<StoredRemittance> {
  const remittanceId = contentHash(input);
  const existing = await getRemittance(db, remittanceId);
  if (existing) return existing;
  const { period } = input;
  await db
    .insertInto('remittances')
    .values({
      remittance_id: remittanceId,
      deal_id: input.dealId,
      distribution_date: period.distributionDate,
      source: input.source,
      row_count: input.rows.length,
      period_json: canonicalJson(period),
      beginning_pool_balance: period.beginningPoolBalance,
      ending_pool_balance: period.endingPoolBalance,
      interest_collected: period.interestCollected,
      stored_at: storedAt,
    })
    .execute();
  for (const batch of batches(input.rows)) {
    const values = batch.rows.map((row, i) => ({
      remittance_id: remittanceId,
      row_number: batch.start + i + 1,
      data: canonicalJson(row),
    }));
    await db.insertInto('remittance_rows').values(values).execute();
  }
  return { ...input, remittanceId, distributionDate: period.distributionDate, storedAt };
}

export async function getRemittance(
  db: Db,
  remittanceId: string,
): Promise<StoredRemittance | undefined> {
  const row = await db
    .selectFrom('remittances')
    .selectAll()
    .where('remittance_id', '=', remittanceId)
    .executeTakeFirst();
  if (!row) return undefined;
  const rows = await db
    .selectFrom('remittance_rows')
    .select('data')
    .where('remittance_id', '=', remittanceId)
    .orderBy('row_number')
    .execute();
  return storedRemittance(row, rawRows(rows));
}

export async function hasRemittance(db: Db, remittanceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('remittances')
    .select('remittance_id')
    .where('remittance_id', '=', remittanceId)
    .executeTakeFirst();
  return row !== undefined;
}

function* batches(rows: readonly RawRow[]): Generator<{ start: number; rows: readonly RawRow[] }> {
  for (let start = 0; start < rows.length; start += BATCH) {
    yield { start, rows: rows.slice(start, start + BATCH) };
  }
}
