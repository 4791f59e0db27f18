import type { Kysely } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { contentHash } from './canonicalJson.ts';
import { getDeal, hasRemittance } from './inputRecords.ts';
import {
  distributionRow,
  distributionVersion,
  statementRow,
  storedDistribution,
  storedStatement,
} from './rowMapping.ts';
import type { Database } from './schema.ts';
import type {
  DistributionInput,
  DistributionVersion,
  StatementInput,
  StoredDistribution,
  StoredStatement,
} from './trustStore.ts';

/**
 * The versioned records: distribution versions with their per-class figures, and the rendered
 * statements of each version. A version is written once and never updated. Writers run inside
 * a transaction (the caller's).
 */
type Db = Kysely<Database>;

export async function putDistribution(
  db: Db,
  input: DistributionInput,
): Promise<StoredDistribution> {
  const where = `${input.dealId} ${input.distributionDate}`;
  const missing: ('dealHash' | 'remittanceId')[] = [];
  if (!(await getDeal(db, input.dealId, input.dealHash))) missing.push('dealHash');
  if (!(await hasRemittance(db, input.remittanceId))) missing.push('remittanceId');
  if (missing.length > 0) {
    throw new TrusteeError(
      'NOT_FOUND',
      `${where}: inputs not stored`,
      missing.map((field) => ({
        field,
        message: 'store the deal and the remittance first',
        got: input[field],
      })),
    );
  }
  const current = await getDistribution(db, input.dealId, input.distributionDate);
  const next = (current?.version ?? 0) + 1;
  if (input.version !== next) {
    throw new TrusteeError('CLOSED_DATE', `${where}: version ${input.version} cannot be written`, [
      {
        field: 'version',
        message: 'versions are added in order',
        expected: String(next),
        got: input.version,
      },
    ]);
  }
  const resultHash = contentHash({
    distribution: input.distribution,
    stateAfter: input.stateAfter,
  });
  await db.insertInto('distributions').values(distributionRow(input, resultHash)).execute();
  const classes = input.distribution.classes.map((c, position) => ({
    deal_id: input.dealId,
    distribution_date: input.distributionDate,
    version: input.version,
    position,
    class_name: c.name,
    beginning_balance: c.beginningBalance,
    interest_paid: c.interestPaid,
    principal_paid: c.principalPaid,
    realized_loss: c.realizedLoss,
    ending_balance: c.endingBalance,
  }));
  if (classes.length > 0) await db.insertInto('distribution_classes').values(classes).execute();
  return { ...input, resultHash };
}

export async function getDistribution(
  db: Db,
  dealId: string,
  date: PlainDate,
  version?: number,
): Promise<StoredDistribution | undefined> {
  let query = db
    .selectFrom('distributions')
    .selectAll()
    .where('deal_id', '=', dealId)
    .where('distribution_date', '=', date);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? storedDistribution(row) : undefined;
}

export async function listDistributions(db: Db, dealId: string): Promise<DistributionVersion[]> {
  const rows = await db
    .selectFrom('distributions')
    .select([
      'deal_id',
      'distribution_date',
      'distribution_number',
      'version',
      'input_hash',
      'result_hash',
      'ending_pool_balance',
      'closed_at',
      'closed_by',
      'reason',
    ])
    .where('deal_id', '=', dealId)
    .orderBy('distribution_date')
    .orderBy('version')
    .execute();
  return rows.map(distributionVersion);
}

export async function putStatement(db: Db, input: StatementInput): Promise<StoredStatement> {
  const where = `${input.dealId} ${input.distributionDate} version ${input.version}`;
  if (!(await getDistribution(db, input.dealId, input.distributionDate, input.version))) {
    throw new TrusteeError('NO_DISTRIBUTION', `${where} is not closed`, [
      {
        field: 'version',
        message: 'no such closed version',
        expected: 'a closed date and version',
      },
    ]);
  }
  const row = statementRow(input);
  const existing = await getStatement(
    db,
    input.dealId,
    input.distributionDate,
    input.format,
    input.version,
  );
  if (existing) {
    if (statementRow(existing).content === row.content) return existing;
    throw new TrusteeError('CLOSED_DATE', `${where}: the ${input.format} statement is stored`, [
      {
        field: 'content',
        message: 'a stored statement is not replaced',
        expected: 'the stored content',
      },
    ]);
  }
  await db.insertInto('statements').values(row).execute();
  return input;
}

export async function getStatement(
  db: Db,
  dealId: string,
  date: PlainDate,
  format: string,
  version?: number,
): Promise<StoredStatement | undefined> {
  let query = db
    .selectFrom('statements')
    .selectAll()
    .where('deal_id', '=', dealId)
    .where('distribution_date', '=', date)
    .where('format', '=', format);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? storedStatement(row) : undefined;
}
