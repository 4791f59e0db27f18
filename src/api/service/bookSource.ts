import { bookTapeLoans } from '../../administration/book/bookTape.ts';
import { dealById, type FoundDeal } from '../../administration/book/dealById.ts';
import type { Loan } from '../../collateral/loan.ts';
import type { BookDeal } from '../../store/book.ts';
import type { TrustStore } from '../../store/trustStore.ts';

/** Where the portal finds the deals of the book (the store's; none without a store). */
export interface BookSource {
  /** The book's deals by id; with `search`, those whose name, CUSIP or servicer has it. */
  list(search?: string): Promise<readonly BookDeal[]>;
  /** A deal of the book with its terms, or undefined. */
  find(dealId: string): Promise<FoundDeal | undefined>;
  /** The closed dates of the book's deals, by id (one read for a list of hundreds). */
  closedDates(): Promise<ReadonlyMap<string, readonly string[]>>;
  /** A deal of the book's tape (the loans where it opens), or undefined. */
  loans(dealId: string): Promise<Loan[] | undefined>;
}

export function storeBook(store: TrustStore): BookSource {
  return {
    list: (search) => store.book.listDeals(search),
    async find(dealId) {
      if (!(await store.book.getDeal(dealId))) return undefined;
      return dealById(store, dealId);
    },
    closedDates: () => store.book.closedDates(),
    async loans(dealId) {
      const book = await store.book.getDeal(dealId);
      return book && bookTapeLoans(store, book);
    },
  };
}

/** No book: the built-in deals only (the portal over the shipped files). */
export const noBook: BookSource = {
  list: async () => [],
  find: async () => undefined,
  closedDates: async () => new Map(),
  loans: async () => undefined,
};
