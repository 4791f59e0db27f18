import type { Deal } from '../../deal/deal.ts';
import type { CollectionPeriod, DealState, Distribution } from '../../waterfall/types.ts';

/** The servicer's remittance of one period: its collection-period totals and its raw rows. */
export interface Remittance {
  distributionDate: string;
  /** The remittance file or totals file it came from. */
  source: string;
  /** The totals the waterfall took (money in cents). */
  period: CollectionPeriod;
  /** The servicer's loan-level rows as given (empty when only totals were given). */
  rows: readonly Readonly<Record<string, unknown>>[];
}

/**
 * Where the portal reads a deal's closed distribution dates from. The store (SQLite by
 * default) implements it; so does the built-in files reader used when no store is given.
 */
export interface HistorySource {
  /** Every closed distribution of the deal, oldest first. Empty when none is closed. */
  distributions(deal: Deal): Promise<readonly Distribution[]>;
  /** The remittance a closed date was run from; undefined when the date is not closed. */
  remittance(deal: Deal, date: string): Promise<Remittance | undefined>;
  /** The stored version of a closed date ("Version 2 (corrected ...)"), where versions are kept. */
  version?(deal: Deal, date: string): Promise<string | undefined>;
  /** The trust's state after the latest closed date (projections start there); undefined if none. */
  latestState(deal: Deal): Promise<DealState | undefined>;
}
