import { builtInDealIds, resolveDeal } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { loadDeal } from '../../deal/loadDeal.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import type { BookDeal } from '../../store/book.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import type { DealState } from '../../trust/types.ts';

/** A deal found by id: its terms, and for a deal of the book its record and opening state. */
export interface FoundDeal {
  readonly deal: Deal;
  /** The state its first distribution runs from; undefined: the deal's state at closing. */
  readonly openingState: DealState | undefined;
  /** The book's record; undefined for a built-in deal. */
  readonly book: BookDeal | undefined;
}

/** Deals of the book by their stored file's hash: a stored file never changes. */
const loaded = new Map<string, Deal>();

/**
 * The one lookup of a deal by id, for every way in: a built-in deal (deals/<id>.json), else a
 * deal of the store's book (its stored deal file). UNKNOWN_DEAL names both when neither has it.
 */
export async function dealById(store: TrustStore, dealId: string): Promise<FoundDeal> {
  if (builtInDealIds().includes(dealId)) {
    return { deal: resolveDeal(dealId), openingState: undefined, book: undefined };
  }
  const book = await store.book.getDeal(dealId);
  if (!book) throw unknownDeal(dealId);
  let deal = loaded.get(book.dealHash);
  if (!deal) {
    const stored = await store.getDeal(dealId, book.dealHash);
    if (!stored) throw unknownDeal(dealId);
    deal = loadDeal(stored.file, `the book's deal ${dealId}`);
    loaded.set(book.dealHash, deal);
  }
  return { deal, openingState: book.openingState ?? undefined, book };
}

/**
 * A --deal option's deal: a deal file by path (anything ending in .json), else dealById (a
 * built-in deal or one of the store's book).
 */
export async function dealByIdOrFile(store: TrustStore, idOrPath: string): Promise<Deal> {
  return idOrPath.endsWith('.json')
    ? resolveDeal(idOrPath)
    : (await dealById(store, idOrPath)).deal;
}

export function unknownDeal(dealId: string): TrusteeError {
  return new TrusteeError('UNKNOWN_DEAL', `no deal "${dealId}"`, [
    {
      field: 'dealId',
      message: `no deal "${dealId}"`,
      expected: `a built-in deal (${builtInDealIds().join(', ')}) or a deal of the book (trustee deal add)`,
      got: dealId,
    },
  ]);
}
