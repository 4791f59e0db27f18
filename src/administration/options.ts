import type { IndexRateTable } from '../deal/indexRates.ts';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import type { RawRow, StoredDistribution } from '../store/trustStore.ts';
import type { DealState } from '../waterfall/types.ts';

/** What closing a date needs besides the deal and the period. */
export interface CloseOptions {
  /** Who closes the date: recorded in the version and the audit log. */
  readonly actor: string;
  /** Where from: the client's address, or "cli on HOST" (the audit log's "from where"). */
  readonly address?: string;
  /**
   * The state before the first date trustee closes, when earlier dates were distributed
   * elsewhere (e.g. deals/nchet-2002-1/state-2002-03-25.json to start at April 2002).
   * Without it the first date starts from `initialState(deal)` (the closing).
   */
  readonly openingState?: DealState;
  /** The servicer's raw remittance rows the period was derived from (stored as given). */
  readonly remittanceRows?: readonly RawRow[];
  /** The input's name for messages and the remittance record (default: the period's source). */
  readonly source?: string;
  /** The index fixings (default: the deal's table in data/). */
  readonly indexTable?: IndexRateTable;
  /** The clock for the audit's "when" (ISO-8601 UTC); tests fix it. */
  readonly now?: () => string;
}

export interface CorrectOptions extends CloseOptions {
  /** Why the date is corrected: recorded in the new version and the audit log. */
  readonly reason: string;
}

export interface CloseResult {
  /** closed: a new date; unchanged: already closed with these inputs; corrected: a new version. */
  readonly outcome: 'closed' | 'unchanged' | 'corrected';
  /** The date's current version after the call. */
  readonly record: StoredDistribution;
  /** Later closed dates re-run (each a new version) because the correction changed their start. */
  readonly followOn: readonly StoredDistribution[];
  /**
   * For "unchanged": whether this engine, run again, gives the stored figures. The stored
   * figures stand either way; false means the engine changed since the date was closed.
   */
  readonly reproduced?: boolean;
}

export const isoNow = (): string => new Date().toISOString();

/**
 * The problem with a who or a why that is missing or blank, naming `field`; none when it is
 * given. Every step that changes the store (close, correct, amend, the monthly cycle's) checks
 * its who and why with it.
 */
export function blankText(
  field: string,
  value: unknown,
  message: string,
  expected: string,
): ErrorDetail[] {
  return typeof value === 'string' && value.trim() !== ''
    ? []
    : [{ field, message, expected, got: value }];
}

/** Refuses a missing actor (or reason) before anything is read or written. */
export function checkWho(
  options: { actor?: unknown; reason?: unknown },
  needReason: boolean,
): void {
  const problems = [
    ...blankText('actor', options.actor, 'who closes the date', 'a non-empty name'),
    ...(needReason
      ? blankText('reason', options.reason, 'a correction says why', 'a non-empty reason')
      : []),
  ];
  if (problems.length > 0)
    throw new TrusteeError('INVALID_INPUT', 'who and why are required', problems);
}
