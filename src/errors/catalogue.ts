/**
 * Every error trustee reports has a stable code listed here, with its HTTP status and what it
 * means. docs/errors.md documents each code (a test checks that it does).
 */
export const errorCatalogue = {
  INVALID_DEAL: { status: 422, title: 'The deal file does not match the deal schema' },
  UNKNOWN_DEAL: { status: 404, title: 'No deal with that id' },
  INVALID_INPUT: { status: 422, title: 'An input file or request does not match its schema' },
  UNRECONCILED: { status: 422, title: 'Input totals do not reconcile' },
  UNKNOWN_CLASS: { status: 422, title: 'A class named in a deal or request is not in the deal' },
  NO_INDEX_RATE: { status: 422, title: 'No index fixing for a determination date' },
  NO_DISTRIBUTION: { status: 404, title: 'No distribution for that date' },
  OUT_OF_ORDER: { status: 409, title: 'A distribution date was run out of order' },
  CLOSED_DATE: { status: 409, title: 'A closed distribution date cannot be changed' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  UNKNOWN_CUSIP: { status: 404, title: 'No class of a deal the caller may see has that CUSIP' },
  INVALID_SCENARIO: { status: 422, title: 'A scenario does not match the scenario schema' },
  STORE_UNAVAILABLE: { status: 503, title: 'The database cannot be opened, reached or migrated' },
  JOB_NOT_DONE: {
    status: 409,
    title: 'The job is queued, still running, has failed or was cancelled',
  },
  BUSY: { status: 503, title: 'Too many jobs are waiting to run; try again later' },
  DEAL_CHANGED: {
    status: 409,
    title: "The deal's terms differ from those the store's history was closed with",
  },
  NOT_A_DISTRIBUTION_DATE: {
    status: 422,
    title: 'The date is not a distribution date of the deal',
  },
  LIMIT_EXCEEDED: { status: 413, title: 'A request is larger than a configured limit allows' },
  FORBIDDEN: { status: 403, title: 'The request is not allowed' },
  UNAUTHENTICATED: { status: 401, title: 'Sign in first: no valid session or API token' },
  RATE_LIMITED: { status: 429, title: 'Too many attempts; try again later' },
  UNKNOWN_USER: { status: 404, title: 'No user with that name' },
  USER_EXISTS: { status: 409, title: 'A user with that name exists already' },
  DEAL_EXISTS: { status: 409, title: 'The book holds a deal with that id already' },
  NO_REMITTANCE: {
    status: 409,
    title: 'No uploaded remittance waits for that deal and distribution date',
  },
  SECOND_PERSON_REQUIRED: {
    status: 403,
    title: 'A distribution is approved or rejected by someone other than its preparer',
  },
  DRAFT_DECIDED: {
    status: 409,
    title: 'The prepared distribution was approved, rejected or published already',
  },
  DRAFT_NOT_APPROVED: { status: 409, title: 'Only an approved distribution is published' },
  DRAFT_STALE: {
    status: 409,
    title: 'The store changed since the distribution was prepared; prepare it again',
  },
  AUDIT_CHAIN_BROKEN: {
    status: 409,
    title: "The audit log's hash chain is broken: an entry was changed or deleted",
  },
  MALFORMED_REQUEST: {
    status: 400,
    title: 'The request cannot be read (not JSON, wrong media type)',
  },
  USAGE: { status: 400, title: 'The command line is not valid (unknown option, missing argument)' },
  INTERNAL: { status: 500, title: 'A fault of trustee itself, not of the request' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/**
 * Where in an input the problem is: file, row (1-based, a CSV's header = row 1) or line (of a
 * JSON document), field, expected.
 */
export interface ErrorContext {
  file?: string;
  row?: number;
  line?: number;
  field?: string;
  expected?: string;
  got?: unknown;
}

export interface ErrorDetail extends ErrorContext {
  message: string;
}

export class TrusteeError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: readonly ErrorDetail[] = []) {
    super(details.length > 0 ? `${message}\n${details.map(formatDetail).join('\n')}` : message);
    this.name = 'TrusteeError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details: readonly ErrorDetail[] } {
    return { code: this.code, message: this.message.split('\n')[0] ?? '', details: this.details };
  }
}

/** An error as plain data, as the API answers any error (it crosses threads, Redis and files). */
export interface ErrorRecord {
  readonly code: string;
  readonly message: string;
  readonly details: readonly ErrorDetail[];
}

/** Any error as a record: a TrusteeError's code, first line and details; else INTERNAL. */
export function errorRecord(error: unknown): ErrorRecord {
  if (error instanceof TrusteeError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message, details: [] };
}

/** "deals/x.json, row 4, field classes.M-5: expected a class of the deal (got "M-5")". */
export function formatDetail(detail: ErrorDetail): string {
  const where = [
    detail.file,
    detail.row !== undefined ? `row ${detail.row}` : undefined,
    detail.line !== undefined ? `line ${detail.line}` : undefined,
    detail.field !== undefined ? `field ${detail.field}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const expected = detail.expected ? `: expected ${detail.expected}` : '';
  const got = detail.got !== undefined ? ` (got ${JSON.stringify(detail.got)})` : '';
  return `  - ${where ? `${where}: ` : ''}${detail.message}${expected}${got}`;
}
