import type { Kysely, Transaction } from 'kysely';
import type { Deal } from '../deal/deal.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { canonicalJson, contentHash } from './canonicalJson.ts';
import {
  auditEntry,
  distributionRow,
  distributionVersion,
  rawRows,
  statementRow,
  storedDistribution,
  storedRemittance,
  storedStatement,
} from './rowMapping.ts';
import type { Database } from './schema.ts';
import type {
  AuditEntry,
  AuditInput,
  DistributionInput,
  DistributionVersion,
  LoanTapeInput,
  RawRow,
  RemittanceInput,
  StatementInput,
  StoredDeal,
  StoredDistribution,
  StoredLoanTape,
  StoredRemittance,
  StoredStatement,
  TrustStore,
} from './trustStore.ts';
import {
  validateAudit,
  validateDistribution,
  validateLoanTape,
  validateRemittance,
  validateStatement,
} from './validateInputs.ts';

/** What differs between the backends: how to open, lock and close. The queries are shared. */
export interface Backend {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;
  /** Taken first in every write transaction, so writers are serialized. */
  lockWrites(trx: Transaction<Database>): Promise<void>;
  destroy(): Promise<void>;
}

/** Raw rows go in batches: both backends limit the parameters of one statement. */
const BATCH = 500;

/** The TrustStore over kysely: one implementation, run on SQLite or PostgreSQL. */
export class KyselyTrustStore implements TrustStore {
  readonly backend: 'sqlite' | 'postgres';
  readonly location: string;
  readonly #db: Kysely<Database>;
  readonly #engine: Backend;
  readonly #inTransaction: boolean;

  constructor(db: Kysely<Database>, engine: Backend, inTransaction = false) {
    this.#db = db;
    this.#engine = engine;
    this.#inTransaction = inTransaction;
    this.backend = engine.kind;
    this.location = engine.location;
  }

  async transaction<T>(work: (tx: TrustStore) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return work(this);
    return this.#db.transaction().execute(async (trx) => {
      await this.#engine.lockWrites(trx);
      return work(new KyselyTrustStore(trx, this.#engine, true));
    });
  }

  async putDeal(deal: Deal, storedAt: string): Promise<StoredDeal> {
    const hash = contentHash(deal.file);
    const existing = await this.getDeal(deal.id, hash);
    if (existing) return existing;
    const row = {
      deal_id: deal.id,
      deal_hash: hash,
      name: deal.name,
      deal_json: canonicalJson(deal.file),
      stored_at: storedAt,
    };
    await this.#db.insertInto('deals').values(row).execute();
    return { dealId: deal.id, hash, name: deal.name, file: deal.file, storedAt };
  }

  async getDeal(dealId: string, hash?: string): Promise<StoredDeal | undefined> {
    let query = this.#db.selectFrom('deals').selectAll().where('deal_id', '=', dealId);
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

  async putLoanTape(input: LoanTapeInput, storedAt: string): Promise<StoredLoanTape> {
    validateLoanTape(input);
    const tapeId = contentHash({ dealId: input.dealId, asOf: input.asOf, rows: input.rows });
    return this.transaction(async (tx) => {
      const existing = await tx.getLoanTape(tapeId);
      if (existing) return existing;
      const db = (tx as KyselyTrustStore).#db;
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
    });
  }

  async getLoanTape(tapeId: string): Promise<StoredLoanTape | undefined> {
    const row = await this.#db
      .selectFrom('loan_tapes')
      .selectAll()
      .where('tape_id', '=', tapeId)
      .executeTakeFirst();
    if (!row) return undefined;
    const rows = await this.#db
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

  async putRemittance(input: RemittanceInput, storedAt: string): Promise<StoredRemittance> {
    validateRemittance(input);
    const remittanceId = contentHash(input);
    return this.transaction(async (tx) => {
      const existing = await tx.getRemittance(remittanceId);
      if (existing) return existing;
      const db = (tx as KyselyTrustStore).#db;
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
    });
  }

  async getRemittance(remittanceId: string): Promise<StoredRemittance | undefined> {
    const row = await this.#db
      .selectFrom('remittances')
      .selectAll()
      .where('remittance_id', '=', remittanceId)
      .executeTakeFirst();
    if (!row) return undefined;
    const rows = await this.#db
      .selectFrom('remittance_rows')
      .select('data')
      .where('remittance_id', '=', remittanceId)
      .orderBy('row_number')
      .execute();
    return storedRemittance(row, rawRows(rows));
  }

  async putDistribution(input: DistributionInput): Promise<StoredDistribution> {
    validateDistribution(input);
    return this.transaction(async (tx) => {
      const db = (tx as KyselyTrustStore).#db;
      const missing = [
        (await tx.getDeal(input.dealId, input.dealHash)) ? undefined : 'dealHash',
        (await db
          .selectFrom('remittances')
          .select('remittance_id')
          .where('remittance_id', '=', input.remittanceId)
          .executeTakeFirst())
          ? undefined
          : 'remittanceId',
      ].filter((field): field is 'dealHash' | 'remittanceId' => field !== undefined);
      if (missing.length > 0) {
        throw new TrusteeError(
          'NOT_FOUND',
          `${input.dealId} ${input.distributionDate}: inputs not stored`,
          missing.map((field) => ({
            field,
            message: 'store the deal and the remittance first',
            got: input[field],
          })),
        );
      }
      const current = await tx.getDistribution(input.dealId, input.distributionDate);
      const next = (current?.version ?? 0) + 1;
      if (input.version !== next) {
        throw new TrusteeError(
          'CLOSED_DATE',
          `${input.dealId} ${input.distributionDate}: version ${input.version} cannot be written`,
          [
            {
              field: 'version',
              message: 'versions are added in order',
              expected: String(next),
              got: input.version,
            },
          ],
        );
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
    });
  }

  async getDistribution(
    dealId: string,
    date: PlainDate,
    version?: number,
  ): Promise<StoredDistribution | undefined> {
    let query = this.#db
      .selectFrom('distributions')
      .selectAll()
      .where('deal_id', '=', dealId)
      .where('distribution_date', '=', date);
    if (version !== undefined) query = query.where('version', '=', version);
    const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? storedDistribution(row) : undefined;
  }

  async listDistributions(dealId: string): Promise<DistributionVersion[]> {
    const rows = await this.#db
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

  async putStatement(input: StatementInput): Promise<StoredStatement> {
    validateStatement(input);
    return this.transaction(async (tx) => {
      const db = (tx as KyselyTrustStore).#db;
      const where = `${input.dealId} ${input.distributionDate} version ${input.version}`;
      if (!(await tx.getDistribution(input.dealId, input.distributionDate, input.version))) {
        throw new TrusteeError('NO_DISTRIBUTION', `${where} is not closed`, [
          {
            field: 'version',
            message: 'no such closed version',
            expected: 'a closed date and version',
          },
        ]);
      }
      const row = statementRow(input);
      const existing = await tx.getStatement(
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
    });
  }

  async getStatement(
    dealId: string,
    date: PlainDate,
    format: string,
    version?: number,
  ): Promise<StoredStatement | undefined> {
    let query = this.#db
      .selectFrom('statements')
      .selectAll()
      .where('deal_id', '=', dealId)
      .where('distribution_date', '=', date)
      .where('format', '=', format);
    if (version !== undefined) query = query.where('version', '=', version);
    const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? storedStatement(row) : undefined;
  }

  async appendAudit(entry: AuditInput): Promise<AuditEntry> {
    validateAudit(entry);
    return this.transaction(async (tx) => {
      const db = (tx as KyselyTrustStore).#db;
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
    });
  }

  async auditLog(dealId: string): Promise<AuditEntry[]> {
    const rows = await this.#db
      .selectFrom('audit_log')
      .selectAll()
      .where('deal_id', '=', dealId)
      .orderBy('seq')
      .execute();
    return rows.map(auditEntry);
  }

  async close(): Promise<void> {
    if (this.#inTransaction) throw new Error('close() inside a transaction');
    await this.#engine.destroy();
  }
}

function* batches(rows: readonly RawRow[]): Generator<{ start: number; rows: readonly RawRow[] }> {
  for (let start = 0; start < rows.length; start += BATCH) {
    yield { start, rows: rows.slice(start, start + BATCH) };
  }
}
