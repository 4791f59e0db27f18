import type { DealState } from '../trust/types.ts';

/** A deal of the book: held by the store (deal file, tape, opening state), not a built-in file. */
export interface BookDeal {
  readonly dealId: string;
  readonly name: string;
  readonly series: string;
  /** The master servicer and any other servicer the deal file names. */
  readonly servicers: readonly string[];
  /** Every class's CUSIP, in the deal file's order. */
  readonly cusips: readonly string[];
  /** The stored deal file (`deals` table) the deal was added with. */
  readonly dealHash: string;
  /** The cut-off loan tape (`loan_tapes`). */
  readonly tapeId: string;
  /** The state the first distribution runs from; null: the deal's state at closing. */
  readonly openingState: DealState | null;
  readonly addedAt: string;
  readonly addedBy: string;
}

/**
 * The book of deals. Adding stores the record only: the deal file and tape are stored first
 * (putDeal, putLoanTape) in the same transaction, and the caller appends the audit entry.
 */
export interface BookStore {
  /** Adds a deal; refuses (DEAL_EXISTS) an id the book holds already. */
  addDeal(deal: BookDeal): Promise<BookDeal>;
  getDeal(dealId: string): Promise<BookDeal | undefined>;
  /**
   * The book's deals by id; with `search`, those whose id, name, series, servicer or CUSIP
   * contains it (case-insensitive).
   */
  listDeals(search?: string): Promise<BookDeal[]>;
  /** The closed distribution dates of every deal of the book, oldest first (one query). */
  closedDates(): Promise<ReadonlyMap<string, readonly string[]>>;
}
