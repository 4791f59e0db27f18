import type { Deal } from '../deal/deal.ts';
import type { Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { CollectionPeriod, DealState, Distribution } from '../waterfall/types.ts';
import type { AuditVerification } from './auditChain.ts';
import type { PeopleStore } from './people.ts';
import type { BookStore } from './book.ts';
import type { InvestorStore } from './investors.ts';

/** A raw input row (a loan tape line, a remittance line): opaque JSON to the store. */
export type RawRow = Readonly<Record<string, unknown>>;

export interface StoredDeal {
  readonly dealId: string;
  /** SHA-256 of the canonical JSON of the validated deal file. */
  readonly hash: string;
  readonly name: string;
  /** The deal file's content (validated), from which `loadDeal` rebuilds the deal. */
  readonly file: unknown;
  readonly storedAt: string;
}

/**
 * The deal terms in force from a distribution date: version 1 binds the store's history to the
 * deal file of the first closing; each amendment is the next version (who, when, why, from when).
 */
export interface DealVersion {
  readonly dealId: string;
  readonly version: number;
  readonly dealHash: string;
  /** The first distribution date the terms apply to. */
  readonly effectiveFrom: PlainDate;
  readonly amendedAt: string;
  readonly amendedBy: string;
  /** Why the terms changed; null for version 1. */
  readonly reason: string | null;
}

export interface LoanTapeInput {
  readonly dealId: string;
  readonly asOf: PlainDate;
  readonly source: string;
  readonly rows: readonly RawRow[];
}
export interface StoredLoanTape extends LoanTapeInput {
  /** Content hash of deal, date and rows: importing the same tape twice stores it once. */
  readonly tapeId: string;
  readonly storedAt: string;
}

export interface RemittanceInput {
  readonly dealId: string;
  /** Where the rows came from: a remittance file name, or a totals file. */
  readonly source: string;
  /** The servicer's raw rows; empty when only period totals were given. */
  readonly rows: readonly RawRow[];
  /** The CollectionPeriod derived from the rows: the waterfall's input. */
  readonly period: CollectionPeriod;
}
export interface StoredRemittance extends RemittanceInput {
  readonly remittanceId: string;
  readonly distributionDate: PlainDate;
  readonly storedAt: string;
}

/** One version of a closed distribution date: its inputs, every figure, and who wrote it. */
export interface DistributionInput {
  readonly dealId: string;
  readonly distributionDate: PlainDate;
  readonly distributionNumber: number;
  /** 1 for the closing; each correction is the next number. */
  readonly version: number;
  readonly dealHash: string;
  readonly remittanceId: string;
  readonly inputHash: string;
  readonly indexFixing: { readonly rate: number; readonly determinationDate: PlainDate };
  readonly distribution: Distribution;
  readonly stateBefore: DealState;
  readonly stateAfter: DealState;
  readonly closedAt: string;
  readonly closedBy: string;
  /** Why the version was written; null for version 1. */
  readonly reason: string | null;
}
export interface StoredDistribution extends DistributionInput {
  readonly resultHash: string;
}

/** A version without its documents: what history lists. */
export interface DistributionVersion {
  readonly dealId: string;
  readonly distributionDate: PlainDate;
  readonly distributionNumber: number;
  readonly version: number;
  readonly inputHash: string;
  readonly resultHash: string;
  readonly endingPoolBalance: Cents;
  readonly closedAt: string;
  readonly closedBy: string;
  readonly reason: string | null;
}

export interface StatementInput {
  readonly dealId: string;
  readonly distributionDate: PlainDate;
  readonly version: number;
  /** "txt", "html", "pdf", "csv", "json"... */
  readonly format: string;
  /** Text, or bytes for binary formats. */
  readonly content: string | Uint8Array;
  readonly renderedAt: string;
  readonly renderedBy: string;
}
export type StoredStatement = StatementInput;

export interface AuditInput {
  readonly at: string;
  readonly actor: string;
  /** "close", "correct", "follow-on", "amend-deal", "import-loan-tape", "render-statement"... */
  readonly action: string;
  /** The deal the entry is about; none for a sign-in or a change to a user. */
  readonly dealId?: string;
  readonly distributionDate?: PlainDate;
  readonly version?: number;
  readonly reason?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  /** Where the change came from: the client's IP address, or "cli on HOST". */
  readonly address?: string;
}
export interface AuditEntry extends AuditInput {
  readonly seq: number;
  readonly details: Readonly<Record<string, unknown>>;
  /** The hash of the entry before (auditChain.ts GENESIS for the first) and this entry's. */
  readonly previousHash: string;
  readonly hash: string;
}

/** A stored remittance without its rows and period: what the list of waiting ones shows. */
export interface RemittanceSummary {
  readonly remittanceId: string;
  readonly dealId: string;
  readonly distributionDate: PlainDate;
  readonly source: string;
  readonly rowCount: number;
  readonly storedAt: string;
}

export type DraftStatus = 'prepared' | 'approved' | 'rejected' | 'published';

/**
 * A prepared distribution (the monthly cycle in the portal): the figures, trace and statement
 * the close (version 1) or a correction (version N + 1, with its reason) would write from a
 * stored remittance, waiting for a second person's approval and then publication.
 */
export interface DraftInput {
  readonly draftId: string;
  readonly dealId: string;
  readonly distributionDate: PlainDate;
  readonly distributionNumber: number;
  readonly version: number;
  readonly reason: string | null;
  readonly remittanceId: string;
  readonly dealHash: string;
  readonly inputHash: string;
  readonly resultHash: string;
  readonly distribution: Distribution;
  readonly statementText: string;
  readonly preparedBy: string;
  readonly preparedAt: string;
  readonly preparedAddress: string | null;
}
export interface DistributionDraft extends DraftInput {
  readonly status: DraftStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decidedAddress: string | null;
  /** Why it was rejected (or a note with the approval). */
  readonly decisionReason: string | null;
  readonly publishedBy: string | null;
  readonly publishedAt: string | null;
  readonly publishedAddress: string | null;
  readonly publishedVersion: number | null;
}
/** A draft without its figures and statement: what lists show. */
export type DraftSummary = Omit<DistributionDraft, 'distribution' | 'statementText'>;

export interface DraftFilter {
  readonly dealId?: string;
  readonly distributionDate?: PlainDate;
  readonly status?: DraftStatus;
}

/** A second person's decision on a prepared draft. */
export interface DraftDecision {
  readonly draftId: string;
  readonly status: 'approved' | 'rejected';
  readonly by: string;
  readonly at: string;
  readonly address: string | null;
  readonly reason: string | null;
}

/** An approved draft written as the date's version `version`. */
export interface DraftPublication {
  readonly draftId: string;
  readonly version: number;
  readonly by: string;
  readonly at: string;
  readonly address: string | null;
}

/** Which audit entries to read: each field given narrows the list. */
export interface AuditFilter {
  readonly dealId?: string;
  readonly actor?: string;
  /** The first day (UTC) of entries. */
  readonly from?: PlainDate;
  /** The last day (UTC) of entries, included. */
  readonly to?: PlainDate;
}

/**
 * The one repository trustee persists through. Two backends implement it with the same code and
 * schema: SQLite (embedded, one file) and PostgreSQL. Puts are idempotent where the record is
 * content-addressed (deal, loan tape, remittance) and refuse to overwrite where it is not
 * (a distribution version, a statement). `transaction` runs a unit of work atomically.
 */
export interface TrustStore {
  readonly backend: 'sqlite' | 'postgres';
  /** The file path or the URL (password hidden). */
  readonly location: string;

  /**
   * Runs `work` in one write transaction: every write in it lands, or none does. Writers are
   * serialized (SQLite BEGIN IMMEDIATE; a PostgreSQL advisory lock). Inside, `tx` is the store.
   */
  transaction<T>(work: (tx: TrustStore) => Promise<T>): Promise<T>;

  putDeal(deal: Deal, storedAt: string): Promise<StoredDeal>;
  /** A stored deal by hash, or the most recently stored one of that id. */
  getDeal(dealId: string, hash?: string): Promise<StoredDeal | undefined>;
  /** Adds the next deal version (its deal stored first); refuses any other number. */
  putDealVersion(version: DealVersion): Promise<DealVersion>;
  /** The deal's versions, version 1 first (none before its first closing). */
  listDealVersions(dealId: string): Promise<DealVersion[]>;

  putLoanTape(input: LoanTapeInput, storedAt: string): Promise<StoredLoanTape>;
  getLoanTape(tapeId: string): Promise<StoredLoanTape | undefined>;

  putRemittance(input: RemittanceInput, storedAt: string): Promise<StoredRemittance>;
  getRemittance(remittanceId: string): Promise<StoredRemittance | undefined>;

  /**
   * The deal's stored remittances that no version of their date was written from (uploaded and
   * waiting to be prepared and published), of one date or all, the latest stored first.
   */
  waitingRemittances(dealId: string, date?: PlainDate): Promise<RemittanceSummary[]>;

  /** Stores a new draft, status "prepared" (its remittance stored first). */
  putDraft(input: DraftInput): Promise<DistributionDraft>;
  getDraft(draftId: string): Promise<DistributionDraft | undefined>;
  /** The drafts that match the filter, the latest prepared first. */
  listDrafts(filter?: DraftFilter): Promise<DraftSummary[]>;
  /**
   * Approves or rejects a draft only while it is "prepared" and not by its preparer, in one
   * conditional update: of two decisions at once exactly one lands. False when none did.
   */
  decideDraft(decision: DraftDecision): Promise<boolean>;
  /** Marks an approved draft published (conditional on "approved"); false when it was not. */
  markDraftPublished(publication: DraftPublication): Promise<boolean>;

  /** Adds one version; refuses (CLOSED_DATE) a version that exists or skips a number. */
  putDistribution(input: DistributionInput): Promise<StoredDistribution>;
  /** A version of a date; without `version`, the current (highest) one. */
  getDistribution(
    dealId: string,
    date: PlainDate,
    version?: number,
  ): Promise<StoredDistribution | undefined>;
  /** Every version of every closed date of the deal, by date then version. */
  listDistributions(dealId: string): Promise<DistributionVersion[]>;

  /** Stores a rendered statement; refuses to replace one (a new version gets its own). */
  putStatement(input: StatementInput): Promise<StoredStatement>;
  getStatement(
    dealId: string,
    date: PlainDate,
    format: string,
    version?: number,
  ): Promise<StoredStatement | undefined>;

  /** Appends an entry chained to the one before it (auditChain.ts). */
  appendAudit(entry: AuditInput): Promise<AuditEntry>;
  /** A deal's entries, oldest first. */
  auditLog(dealId: string): Promise<AuditEntry[]>;
  /** Every entry that matches the filter (all of them without one), oldest first. */
  allAudit(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Checks the whole log's hash chain: every entry changed or deleted afterwards is a break. */
  verifyAudit(): Promise<AuditVerification>;

  /** Users, roles, entitlements, API tokens, sessions and sign-in links (people.ts). */
  readonly people: PeopleStore;

  /** The book of deals the store holds itself (book.ts). */
  readonly book: BookStore;
  /** Watch lists, webhooks and their deliveries, positions (investors.ts). */
  readonly investors: InvestorStore;

  close(): Promise<void>;
}
