import type { Kysely, Selectable } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { Distribution } from '../waterfall/types.ts';
import { canonicalJson } from './canonicalJson.ts';
import { hasRemittance } from './inputRecords.ts';
import type { Database, DistributionDraftsTable } from './schema.ts';
import type {
  DistributionDraft,
  DraftDecision,
  DraftFilter,
  DraftInput,
  DraftPublication,
  DraftSummary,
  RemittanceSummary,
} from './trustStore.ts';

/**
 * The monthly cycle's records: remittances waiting for their date, and prepared distributions
 * (drafts) with their status. A draft's figures are written once; only its status and who moved
 * it change, each move a conditional update on the status it leaves.
 */
type Db = Kysely<Database>;

export async function waitingRemittances(
  db: Db,
  dealId: string,
  date?: PlainDate,
): Promise<RemittanceSummary[]> {
  let query = db
    .selectFrom('remittances')
    .select(['remittance_id', 'deal_id', 'distribution_date', 'source', 'row_count', 'stored_at'])
    .where('deal_id', '=', dealId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('distributions')
            .select('distributions.version')
            .whereRef('distributions.remittance_id', '=', 'remittances.remittance_id'),
        ),
      ),
    );
  if (date !== undefined) query = query.where('distribution_date', '=', date);
  const rows = await query.orderBy('stored_at', 'desc').orderBy('remittance_id').execute();
  return rows.map((r) => ({
    remittanceId: r.remittance_id,
    dealId: r.deal_id,
    distributionDate: r.distribution_date as PlainDate,
    source: r.source,
    rowCount: Number(r.row_count),
    storedAt: r.stored_at,
  }));
}

export async function putDraft(db: Db, input: DraftInput): Promise<DistributionDraft> {
  if (!(await hasRemittance(db, input.remittanceId))) {
    throw new TrusteeError('NOT_FOUND', `draft ${input.draftId}: its remittance is not stored`, [
      { field: 'remittanceId', message: 'store the remittance first', got: input.remittanceId },
    ]);
  }
  const row: Selectable<DistributionDraftsTable> = {
    draft_id: input.draftId,
    deal_id: input.dealId,
    distribution_date: input.distributionDate,
    distribution_number: input.distributionNumber,
    version: input.version,
    reason: input.reason,
    remittance_id: input.remittanceId,
    deal_hash: input.dealHash,
    input_hash: input.inputHash,
    result_hash: input.resultHash,
    distribution_json: canonicalJson(input.distribution),
    statement_text: input.statementText,
    status: 'prepared',
    prepared_by: input.preparedBy,
    prepared_at: input.preparedAt,
    prepared_address: input.preparedAddress,
    decided_by: null,
    decided_at: null,
    decided_address: null,
    decision_reason: null,
    published_by: null,
    published_at: null,
    published_address: null,
    published_version: null,
  };
  await db.insertInto('distribution_drafts').values(row).execute();
  return storedDraft(row);
}

export async function getDraft(db: Db, draftId: string): Promise<DistributionDraft | undefined> {
  const row = await db
    .selectFrom('distribution_drafts')
    .selectAll()
    .where('draft_id', '=', draftId)
    .executeTakeFirst();
  return row ? storedDraft(row) : undefined;
}

export async function listDrafts(db: Db, filter: DraftFilter = {}): Promise<DraftSummary[]> {
  let query = db
    .selectFrom('distribution_drafts')
    .select([
      'draft_id',
      'deal_id',
      'distribution_date',
      'distribution_number',
      'version',
      'reason',
      'remittance_id',
      'deal_hash',
      'input_hash',
      'result_hash',
      'status',
      'prepared_by',
      'prepared_at',
      'prepared_address',
      'decided_by',
      'decided_at',
      'decided_address',
      'decision_reason',
      'published_by',
      'published_at',
      'published_address',
      'published_version',
    ]);
  if (filter.dealId !== undefined) query = query.where('deal_id', '=', filter.dealId);
  if (filter.distributionDate !== undefined) {
    query = query.where('distribution_date', '=', filter.distributionDate);
  }
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('prepared_at', 'desc').orderBy('draft_id').execute();
  return rows.map(draftSummary);
}

export async function decideDraft(db: Db, d: DraftDecision): Promise<boolean> {
  const result = await db
    .updateTable('distribution_drafts')
    .set({
      status: d.status,
      decided_by: d.by,
      decided_at: d.at,
      decided_address: d.address,
      decision_reason: d.reason,
    })
    .where('draft_id', '=', d.draftId)
    .where('status', '=', 'prepared')
    .where('prepared_by', '<>', d.by)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markDraftPublished(db: Db, p: DraftPublication): Promise<boolean> {
  const result = await db
    .updateTable('distribution_drafts')
    .set({
      status: 'published',
      published_by: p.by,
      published_at: p.at,
      published_address: p.address,
      published_version: p.version,
    })
    .where('draft_id', '=', p.draftId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

type SummaryRow = Omit<Selectable<DistributionDraftsTable>, 'distribution_json' | 'statement_text'>;

function draftSummary(row: SummaryRow): DraftSummary {
  const version = (n: number | null): number | null => (n === null ? null : Number(n));
  return {
    draftId: row.draft_id,
    dealId: row.deal_id,
    distributionDate: row.distribution_date as PlainDate,
    distributionNumber: Number(row.distribution_number),
    version: Number(row.version),
    reason: row.reason,
    remittanceId: row.remittance_id,
    dealHash: row.deal_hash,
    inputHash: row.input_hash,
    resultHash: row.result_hash,
    status: row.status,
    preparedBy: row.prepared_by,
    preparedAt: row.prepared_at,
    preparedAddress: row.prepared_address,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decidedAddress: row.decided_address,
    decisionReason: row.decision_reason,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
    publishedAddress: row.published_address,
    publishedVersion: version(row.published_version),
  };
}

function storedDraft(row: Selectable<DistributionDraftsTable>): DistributionDraft {
  return {
    ...draftSummary(row),
    distribution: JSON.parse(row.distribution_json) as Distribution,
    statementText: row.statement_text,
  };
}
