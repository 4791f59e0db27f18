import { investorTableNames, type InvestorTables } from './investorSchema.ts';

/**
 * The store's tables: one definition of every row, used by the queries of both backends
 * (SQLite and PostgreSQL). The migrations in `migrations.ts` create exactly these columns.
 *
 * Conventions, the same on both backends:
 * - money is integer cents in BIGINT columns (SQLite stores them as INTEGER);
 * - calendar dates are TEXT "YYYY-MM-DD" and instants TEXT ISO-8601 UTC, so they sort as text;
 * - documents (the deal, a distribution, a state, raw input rows) are canonical JSON in TEXT.
 */

/** Integer cents (BIGINT). Read back as a JS number; amounts stay below 2^53. */
type Money = number;

/** A deal definition as it was when a date was closed: content-addressed by its hash. */
export interface DealsTable {
  deal_id: string;
  deal_hash: string;
  name: string;
  deal_json: string;
  stored_at: string;
}

/**
 * The deal terms in force from a distribution date: version 1 is the deal file of the first
 * closing (the store's history is bound to it); each amendment adds the next version, with who,
 * when, why and the first date it applies to. Closed dates keep the terms they were closed with.
 */
export interface DealVersionsTable {
  deal_id: string;
  version: number;
  deal_hash: string;
  /** The first distribution date the terms apply to. */
  effective_from: string;
  amended_at: string;
  amended_by: string;
  /** Why the terms changed: null for version 1. */
  reason: string | null;
}

/** A loan tape: one import of loan-level rows for a deal, as of a date. */
export interface LoanTapesTable {
  tape_id: string;
  deal_id: string;
  as_of: string;
  source: string;
  row_count: number;
  stored_at: string;
}

/** The rows of a loan tape, opaque JSON objects in file order (row_number from 1). */
export interface LoanTapeRowsTable {
  tape_id: string;
  row_number: number;
  data: string;
}

/** A servicer remittance: raw rows (possibly none) and the CollectionPeriod derived from them. */
export interface RemittancesTable {
  remittance_id: string;
  deal_id: string;
  distribution_date: string;
  source: string;
  row_count: number;
  period_json: string;
  beginning_pool_balance: Money;
  ending_pool_balance: Money;
  interest_collected: Money;
  stored_at: string;
}

export interface RemittanceRowsTable {
  remittance_id: string;
  row_number: number;
  data: string;
}

/**
 * One version of a closed distribution date. Version 1 is the closing; each correction adds
 * the next version and keeps the earlier ones. The highest version is the current one.
 */
export interface DistributionsTable {
  deal_id: string;
  distribution_date: string;
  version: number;
  distribution_number: number;
  deal_hash: string;
  remittance_id: string;
  /** Hash of the inputs: deal, state before, period, index fixing. */
  input_hash: string;
  /** Hash of the outputs: distribution and state after. */
  result_hash: string;
  index_rate: number;
  index_determination_date: string;
  distribution_json: string;
  state_before_json: string;
  state_after_json: string;
  ending_pool_balance: Money;
  closed_at: string;
  closed_by: string;
  /** Why this version was written: null for the first closing. */
  reason: string | null;
}

/** Per-class figures of a version, as columns so reports can sum them in SQL. */
export interface DistributionClassesTable {
  deal_id: string;
  distribution_date: string;
  version: number;
  position: number;
  class_name: string;
  beginning_balance: Money;
  interest_paid: Money;
  principal_paid: Money;
  realized_loss: Money;
  ending_balance: Money;
}

/** A rendered statement of a version, in one format ("txt", "html", "pdf", ...). */
export interface StatementsTable {
  deal_id: string;
  distribution_date: string;
  version: number;
  format: string;
  /** "utf8" for text, "base64" for binary content such as PDF. */
  encoding: string;
  content: string;
  rendered_at: string;
  rendered_by: string;
}

/**
 * Who did what, when, why and from where. `seq` orders the entries; writers are serialized.
 * Append-only and chained: `hash` is SHA-256 of the previous entry's hash and this entry's
 * canonical content (auditChain.ts), so an entry changed or deleted afterwards breaks the chain.
 */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  /** The deal the entry is about; null for entries about no deal (a sign-in, a user). */
  deal_id: string | null;
  distribution_date: string | null;
  version: number | null;
  reason: string | null;
  details: string;
  /** Where the change came from: the client's address, or "cli" with the host. */
  address: string | null;
  previous_hash: string;
  hash: string;
}

/**
 * A deal of the book: one the store holds (deal file by hash, cut-off tape, opening state), not a
 * built-in file. Lists (servicers, CUSIPs) are one item a line; `search_text` is the id, name,
 * series, servicers and CUSIPs in lower case, for search.
 */
export interface BookDealsTable {
  deal_id: string;
  name: string;
  series: string;
  servicers: string;
  cusips: string;
  search_text: string;
  deal_hash: string;
  tape_id: string;
  /** The DealState the first distribution runs from, canonical JSON; null: the closing state. */
  opening_state_json: string | null;
  added_at: string;
  added_by: string;
}

/**
 * A prepared distribution of the monthly cycle (draftsMigration.ts): the date's figures, trace
 * and statement as the close or correction would write them, from a stored remittance; status
 * prepared -> approved | rejected, approved -> published (as `published_version`).
 */
export interface DistributionDraftsTable {
  draft_id: string;
  deal_id: string;
  distribution_date: string;
  distribution_number: number;
  /** The version publishing writes: 1 closes the date, N + 1 corrects version N. */
  version: number;
  /** A correction's reason; null for a closing. */
  reason: string | null;
  remittance_id: string;
  deal_hash: string;
  input_hash: string;
  result_hash: string;
  distribution_json: string;
  statement_text: string;
  status: 'prepared' | 'approved' | 'rejected' | 'published';
  prepared_by: string;
  prepared_at: string;
  prepared_address: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decided_address: string | null;
  decision_reason: string | null;
  published_by: string | null;
  published_at: string | null;
  published_address: string | null;
  published_version: number | null;
}

/** The roles of issue 13; what each may do is the API's permission table. */
export const roles = ['administrator', 'preparer', 'approver', 'investor', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** A person who signs in. The name is the key; a user is disabled, never deleted. */
export interface UsersTable {
  name: string;
  role: Role;
  /** argon2id (PHC string); null until a password is set (a one-time sign-in link instead). */
  password_hash: string | null;
  created_at: string;
  created_by: string;
  disabled_at: string | null;
}

/** The deals an investor is entitled to see (other roles see every deal). */
export interface UserDealsTable {
  name: string;
  deal_id: string;
}

/** An API token for scripts: only its SHA-256 is kept, the token is shown once. */
export interface ApiTokensTable {
  token_id: string;
  name: string;
  token_hash: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

/** A signed-in browser: the SHA-256 of the cookie's value, and the CSRF token it must send. */
export interface SessionsTable {
  session_hash: string;
  name: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  address: string | null;
}

/** A one-time sign-in link (the first administrator's, or a new user's): SHA-256 of its token. */
export interface SignInLinksTable {
  link_hash: string;
  name: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** The store's tables; the investor portal's are in investorSchema.ts (migration 0006). */
export interface Database extends InvestorTables {
  deals: DealsTable;
  deal_versions: DealVersionsTable;
  loan_tapes: LoanTapesTable;
  loan_tape_rows: LoanTapeRowsTable;
  remittances: RemittancesTable;
  remittance_rows: RemittanceRowsTable;
  distributions: DistributionsTable;
  distribution_classes: DistributionClassesTable;
  statements: StatementsTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  user_deals: UserDealsTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  sign_in_links: SignInLinksTable;
  distribution_drafts: DistributionDraftsTable;
  book_deals: BookDealsTable;
}

/** Every table, parents before children (the order to create them and to dump them in). */
export const tableNames = [
  'deals',
  'deal_versions',
  'loan_tapes',
  'loan_tape_rows',
  'remittances',
  'remittance_rows',
  'distributions',
  'distribution_classes',
  'statements',
  'audit_log',
  'users',
  'user_deals',
  'api_tokens',
  'sessions',
  'sign_in_links',
  'distribution_drafts',
  'book_deals',
  ...investorTableNames,
] as const satisfies readonly (keyof Database)[];
