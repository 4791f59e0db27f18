import type { Selectable } from 'kysely';
import { cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { CollectionPeriod, DealState, Distribution } from '../waterfall/types.ts';
import { canonicalJson } from './canonicalJson.ts';
import type {
  AuditLogTable,
  DistributionsTable,
  RemittancesTable,
  StatementsTable,
} from './schema.ts';
import type {
  AuditEntry,
  DistributionInput,
  DistributionVersion,
  RawRow,
  StatementInput,
  StoredDistribution,
  StoredRemittance,
  StoredStatement,
} from './trustStore.ts';

/** Rows of the tables <-> the records of the TrustStore interface. */

export function distributionRow(
  input: DistributionInput,
  resultHash: string,
): Selectable<DistributionsTable> {
  return {
    deal_id: input.dealId,
    distribution_date: input.distributionDate,
    version: input.version,
    distribution_number: input.distributionNumber,
    deal_hash: input.dealHash,
    remittance_id: input.remittanceId,
    input_hash: input.inputHash,
    result_hash: resultHash,
    index_rate: input.indexFixing.rate,
    index_determination_date: input.indexFixing.determinationDate,
    distribution_json: canonicalJson(input.distribution),
    state_before_json: canonicalJson(input.stateBefore),
    state_after_json: canonicalJson(input.stateAfter),
    ending_pool_balance: input.stateAfter.poolBalance,
    closed_at: input.closedAt,
    closed_by: input.closedBy,
    reason: input.reason,
  };
}

export function storedDistribution(row: Selectable<DistributionsTable>): StoredDistribution {
  const v = distributionVersion(row);
  return {
    dealId: v.dealId,
    distributionDate: v.distributionDate,
    distributionNumber: v.distributionNumber,
    version: v.version,
    inputHash: v.inputHash,
    resultHash: v.resultHash,
    closedAt: v.closedAt,
    closedBy: v.closedBy,
    reason: v.reason,
    dealHash: row.deal_hash,
    remittanceId: row.remittance_id,
    indexFixing: {
      rate: row.index_rate,
      determinationDate: row.index_determination_date as PlainDate,
    },
    distribution: JSON.parse(row.distribution_json) as Distribution,
    stateBefore: JSON.parse(row.state_before_json) as DealState,
    stateAfter: JSON.parse(row.state_after_json) as DealState,
  };
}

export function distributionVersion(
  row: Pick<
    Selectable<DistributionsTable>,
    | 'deal_id'
    | 'distribution_date'
    | 'distribution_number'
    | 'version'
    | 'input_hash'
    | 'result_hash'
    | 'ending_pool_balance'
    | 'closed_at'
    | 'closed_by'
    | 'reason'
  >,
): DistributionVersion {
  return {
    dealId: row.deal_id,
    distributionDate: row.distribution_date as PlainDate,
    distributionNumber: Number(row.distribution_number),
    version: Number(row.version),
    inputHash: row.input_hash,
    resultHash: row.result_hash,
    endingPoolBalance: cents(Number(row.ending_pool_balance)),
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    reason: row.reason,
  };
}

export function storedRemittance(
  row: Selectable<RemittancesTable>,
  rows: readonly RawRow[],
): StoredRemittance {
  return {
    remittanceId: row.remittance_id,
    dealId: row.deal_id,
    distributionDate: row.distribution_date as PlainDate,
    source: row.source,
    rows,
    period: JSON.parse(row.period_json) as CollectionPeriod,
    storedAt: row.stored_at,
  };
}

export function statementRow(input: StatementInput): Selectable<StatementsTable> {
  const binary = typeof input.content !== 'string';
  return {
    deal_id: input.dealId,
    distribution_date: input.distributionDate,
    version: input.version,
    format: input.format,
    encoding: binary ? 'base64' : 'utf8',
    content: binary
      ? Buffer.from(input.content as Uint8Array).toString('base64')
      : (input.content as string),
    rendered_at: input.renderedAt,
    rendered_by: input.renderedBy,
  };
}

export function storedStatement(row: Selectable<StatementsTable>): StoredStatement {
  return {
    dealId: row.deal_id,
    distributionDate: row.distribution_date as PlainDate,
    version: Number(row.version),
    format: row.format,
    content:
      row.encoding === 'base64' ? new Uint8Array(Buffer.from(row.content, 'base64')) : row.content,
    renderedAt: row.rendered_at,
    renderedBy: row.rendered_by,
  };
}

export function auditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    ...(row.deal_id !== null ? { dealId: row.deal_id } : {}),
    ...(row.distribution_date !== null
      ? { distributionDate: row.distribution_date as PlainDate }
      : {}),
    ...(row.version !== null ? { version: Number(row.version) } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    details: JSON.parse(row.details) as Record<string, unknown>,
    ...(row.address !== null ? { address: row.address } : {}),
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** Parses stored raw rows (TEXT JSON) back to objects, in row order. */
export function rawRows(rows: readonly { data: string }[]): RawRow[] {
  return rows.map((r) => JSON.parse(r.data) as RawRow);
}
