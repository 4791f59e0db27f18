import type { Kysely, Transaction } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import type { Deal } from '../deal/deal.ts';
import type { PlainDate } from '../money/plainDate.ts';
import * as audit from './auditRecords.ts';
import * as dealVersions from './dealVersionRecords.ts';
import * as drafts from './draftRecords.ts';
import * as versioned from './distributionRecords.ts';
import * as inputs from './inputRecords.ts';
import type { AuditVerification } from './auditChain.ts';
import type { PeopleStore } from './people.ts';
import { KyselyPeopleStore } from './peopleRecords.ts';
import type { BookStore } from './book.ts';
import { KyselyBookStore } from './bookRecords.ts';
import type { InvestorStore } from './investors.ts';
import { KyselyInvestorStore } from './investorRecords.ts';
import type { Database } from './schema.ts';
import type {
  AuditEntry,
  AuditFilter,
  AuditInput,
  DealVersion,
  DistributionDraft,
  DistributionInput,
  DistributionVersion,
  DraftDecision,
  DraftFilter,
  DraftInput,
  DraftPublication,
  DraftSummary,
  LoanTapeInput,
  RemittanceSummary,
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
  validateDealVersion,
  validateDistribution,
  validateLoanTape,
  validateRemittance,
  validateStatement,
} from './validateInputs.ts';

/** What differs between the backends: how to lock and close. The queries are shared. */
export interface Backend {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;
  /** Taken first in every write transaction, so writers are serialized. */
  lockWrites(trx: Transaction<Database>): Promise<void>;
  destroy(): Promise<void>;
  /** Why the store can be read but not written (a read-only SQLite file or folder). */
  readonly readOnly?: string;
}

/**
 * SQLite's result codes of a store that cannot be written now (busy past the timeout, read-only,
 * cannot open, I/O error, disk full): the store is unavailable, not trustee broken.
 */
const UNAVAILABLE_SQLITE_CODES = new Set([5, 8, 10, 13, 14]);

function storeFailure(error: unknown, location: string): unknown {
  const sqlite = error as { code?: unknown; errcode?: unknown; message?: unknown };
  if (
    sqlite.code === 'ERR_SQLITE_ERROR' &&
    typeof sqlite.errcode === 'number' &&
    UNAVAILABLE_SQLITE_CODES.has(sqlite.errcode & 0xff)
  ) {
    return new TrusteeError('STORE_UNAVAILABLE', `${location}: cannot write the store`, [
      { file: location, field: 'db', message: String(sqlite.message) },
    ]);
  }
  return error;
}

/**
 * The TrustStore over kysely: one implementation, run on SQLite or PostgreSQL. Every write
 * is validated first, then runs in a write transaction (the caller's, inside `transaction`).
 */
export class KyselyTrustStore implements TrustStore {
  readonly backend: 'sqlite' | 'postgres';
  readonly location: string;
  readonly #db: Kysely<Database>;
  readonly #engine: Backend;
  readonly #inTransaction: boolean;
  readonly people: PeopleStore;
  readonly book: BookStore;
  readonly investors: InvestorStore;

  constructor(db: Kysely<Database>, engine: Backend, inTransaction = false) {
    this.#db = db;
    this.#engine = engine;
    this.#inTransaction = inTransaction;
    this.backend = engine.kind;
    this.location = engine.location;
    this.people = new KyselyPeopleStore(db, (write) => this.#write(write));
    this.book = new KyselyBookStore(db, (write) => this.#write(write));
    this.investors = new KyselyInvestorStore(db, (write) => this.#write(write));
  }

  /** Runs `write` in the current transaction, or in a new one holding the write lock. */
  #write<T>(write: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return write(this.#db);
    const { readOnly } = this.#engine;
    if (readOnly) {
      return Promise.reject(
        new TrusteeError('STORE_UNAVAILABLE', `${this.location}: the store is read-only`, [
          { file: this.location, field: 'db', message: readOnly, expected: 'a writable store' },
        ]),
      );
    }
    return this.#db
      .transaction()
      .execute(async (trx) => {
        await this.#engine.lockWrites(trx);
        return write(trx);
      })
      .catch((error: unknown) => {
        throw storeFailure(error, this.location);
      });
  }

  transaction<T>(work: (tx: TrustStore) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return work(this);
    return this.#write((db) => work(new KyselyTrustStore(db, this.#engine, true)));
  }

  putDeal(deal: Deal, storedAt: string): Promise<StoredDeal> {
    return this.#write((db) => inputs.putDeal(db, deal, storedAt));
  }
  getDeal(dealId: string, hash?: string): Promise<StoredDeal | undefined> {
    return inputs.getDeal(this.#db, dealId, hash);
  }

  async putDealVersion(version: DealVersion): Promise<DealVersion> {
    validateDealVersion(version);
    return this.#write((db) => dealVersions.putDealVersion(db, version));
  }
  listDealVersions(dealId: string): Promise<DealVersion[]> {
    return dealVersions.listDealVersions(this.#db, dealId);
  }

  async putLoanTape(input: LoanTapeInput, storedAt: string): Promise<StoredLoanTape> {
    validateLoanTape(input);
    return this.#write((db) => inputs.putLoanTape(db, input, storedAt));
  }
  getLoanTape(tapeId: string): Promise<StoredLoanTape | undefined> {
    return inputs.getLoanTape(this.#db, tapeId);
  }

  async putRemittance(input: RemittanceInput, storedAt: string): Promise<StoredRemittance> {
    validateRemittance(input);
    return this.#write((db) => inputs.putRemittance(db, input, storedAt));
  }
  getRemittance(remittanceId: string): Promise<StoredRemittance | undefined> {
    return inputs.getRemittance(this.#db, remittanceId);
  }

  waitingRemittances(dealId: string, date?: PlainDate): Promise<RemittanceSummary[]> {
    return drafts.waitingRemittances(this.#db, dealId, date);
  }

  putDraft(input: DraftInput): Promise<DistributionDraft> {
    return this.#write((db) => drafts.putDraft(db, input));
  }
  getDraft(draftId: string): Promise<DistributionDraft | undefined> {
    return drafts.getDraft(this.#db, draftId);
  }
  listDrafts(filter?: DraftFilter): Promise<DraftSummary[]> {
    return drafts.listDrafts(this.#db, filter);
  }
  decideDraft(decision: DraftDecision): Promise<boolean> {
    return this.#write((db) => drafts.decideDraft(db, decision));
  }
  markDraftPublished(publication: DraftPublication): Promise<boolean> {
    return this.#write((db) => drafts.markDraftPublished(db, publication));
  }

  async putDistribution(input: DistributionInput): Promise<StoredDistribution> {
    validateDistribution(input);
    return this.#write((db) => versioned.putDistribution(db, input));
  }
  getDistribution(
    dealId: string,
    date: PlainDate,
    version?: number,
  ): Promise<StoredDistribution | undefined> {
    return versioned.getDistribution(this.#db, dealId, date, version);
  }
  listDistributions(dealId: string): Promise<DistributionVersion[]> {
    return versioned.listDistributions(this.#db, dealId);
  }

  async putStatement(input: StatementInput): Promise<StoredStatement> {
    validateStatement(input);
    return this.#write((db) => versioned.putStatement(db, input));
  }
  getStatement(
    dealId: string,
    date: PlainDate,
    format: string,
    version?: number,
  ): Promise<StoredStatement | undefined> {
    return versioned.getStatement(this.#db, dealId, date, format, version);
  }

  async appendAudit(entry: AuditInput): Promise<AuditEntry> {
    validateAudit(entry);
    return this.#write((db) => audit.appendAudit(db, entry));
  }
  auditLog(dealId: string): Promise<AuditEntry[]> {
    return audit.auditLog(this.#db, dealId);
  }
  allAudit(filter?: AuditFilter): Promise<AuditEntry[]> {
    return audit.allAudit(this.#db, filter);
  }
  verifyAudit(): Promise<AuditVerification> {
    return audit.verifyAudit(this.#db);
  }

  async close(): Promise<void> {
    if (this.#inTransaction) throw new Error('close() inside a transaction');
    await this.#engine.destroy();
  }
}
