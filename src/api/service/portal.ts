import type { FoundDeal } from '../../administration/book/dealById.ts';
import { unknownDeal } from '../../administration/book/dealById.ts';
import { dealCusips, dealServicers } from '../../administration/book/bookRecord.ts';
import { builtInDealIds, resolveDeal } from '../../deal/builtIn.ts';
import type { Loan } from '../../collateral/loan.ts';
import type { Deal } from '../../deal/deal.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { noBook, type BookSource } from './bookSource.ts';
import { initialState } from '../../waterfall/initialState.ts';
import type { DealState, Distribution } from '../../waterfall/types.ts';
import { dealOverview, classRows, type ClassRow, type DealOverview } from './dealOverview.ts';
import { historyPoint, type HistoryPoint } from './historyPoint.ts';
import type { HistorySource, Remittance } from './historySource.ts';

export interface DealSummary {
  id: string;
  name: string;
  series: string;
  /** Closed distribution dates, oldest first. */
  distributionDates: string[];
  /** Where the deal comes from: a built-in deal file, or the store's book of deals. */
  origin: 'built-in' | 'book';
  servicers: string[];
  cusips: string[];
}

/**
 * The portal's reads over the deals and their closed distribution dates: what the API routes
 * and the dashboard show. Everything comes from the deal files and the history source; this
 * module only looks things up and answers "not found" with the catalogue's errors.
 */
export interface Portal {
  /** The built-in deals, then the book's; with `search`, those whose name, CUSIP or servicer has it. */
  deals(search?: string): Promise<DealSummary[]>;
  /** A deal found by `resolve` (or built in); UNKNOWN_DEAL otherwise. */
  deal(dealId: string): Deal;
  /** Finds a deal of the book in the store (once: its terms never change), or a built-in one. */
  resolve(dealId: string): Promise<Deal>;
  /** The tape a deal of the book was added with; undefined for a built-in deal. */
  bookLoans(dealId: string): Promise<Loan[] | undefined>;
  overview(dealId: string): Promise<DealOverview>;
  classes(dealId: string): Promise<ClassRow[]>;
  history(dealId: string): Promise<HistoryPoint[]>;
  distributions(dealId: string): Promise<readonly Distribution[]>;
  distribution(dealId: string, date: string): Promise<Distribution>;
  remittance(dealId: string, date: string): Promise<Remittance>;
  /** The stored version of a closed date, when the history keeps versions (the store does). */
  version(dealId: string, date: string): Promise<string | undefined>;
  /** The state after the latest closed date, or the deal's closing state when none is closed. */
  latestState(dealId: string): Promise<DealState>;
}

function noDistribution(
  dealId: string,
  date: string,
  history: readonly Distribution[],
): TrusteeError {
  const dates = history.map((row) => row.distributionDate);
  return new TrusteeError('NO_DISTRIBUTION', `${dealId}: no distribution on ${date}`, [
    {
      field: 'date',
      message: `no closed distribution date ${date}`,
      expected: dates.length > 0 ? `one of ${dates.join(', ')}` : 'a closed distribution date',
      got: date,
    },
  ]);
}

/** Whether a deal's name, series, id, CUSIPs or servicers contain `search` (any case). */
function matches(summary: Omit<DealSummary, 'distributionDates'>, search: string): boolean {
  const text = [summary.id, summary.name, summary.series, ...summary.cusips, ...summary.servicers];
  return text.join('\n').toLowerCase().includes(search.trim().toLowerCase());
}

export function createPortal(source: HistorySource, book: BookSource = noBook): Portal {
  /** The deals of the book found so far, by id. */
  const found = new Map<string, FoundDeal>();
  const deal = (dealId: string): Deal => {
    if (builtInDealIds().includes(dealId)) return resolveDeal(dealId);
    const fromBook = found.get(dealId);
    if (!fromBook) throw unknownDeal(dealId);
    return fromBook.deal;
  };
  const resolve = async (dealId: string): Promise<Deal> => {
    if (builtInDealIds().includes(dealId) || found.has(dealId)) return deal(dealId);
    const fromBook = await book.find(dealId);
    if (!fromBook) throw unknownDeal(dealId);
    found.set(dealId, fromBook);
    return fromBook.deal;
  };
  const distributions = async (dealId: string) => source.distributions(await resolve(dealId));
  const closedDates = async (d: Deal) =>
    (await source.distributions(d)).map((h) => h.distributionDate);
  return {
    async deals(search) {
      const builtIn = builtInDealIds()
        .map((id) => resolveDeal(id))
        .map((d) => ({
          id: d.id,
          name: d.name,
          series: d.file.series,
          origin: 'built-in' as const,
          servicers: dealServicers(d),
          cusips: dealCusips(d),
        }))
        .filter((d) => search === undefined || matches(d, search));
      const [listed, closed] = await Promise.all([book.list(search), book.closedDates()]);
      const ofBook = listed.map((b) => ({
        id: b.dealId,
        name: b.name,
        series: b.series,
        distributionDates: [...(closed.get(b.dealId) ?? [])],
        origin: 'book' as const,
        servicers: [...b.servicers],
        cusips: [...b.cusips],
      }));
      const withDates = await Promise.all(
        builtIn.map(async (d) => ({
          ...d,
          distributionDates: await closedDates(resolveDeal(d.id)),
        })),
      );
      return [...withDates, ...ofBook];
    },
    deal,
    resolve,
    bookLoans: (dealId) => book.loans(dealId),
    distributions,
    async overview(dealId) {
      return dealOverview(await resolve(dealId), await distributions(dealId));
    },
    async classes(dealId) {
      return classRows(await resolve(dealId), (await distributions(dealId)).at(-1));
    },
    async history(dealId) {
      const d = await resolve(dealId);
      return (await distributions(dealId)).map((row) => historyPoint(d, row));
    },
    async distribution(dealId, date) {
      const history = await distributions(dealId);
      const found = history.find((row) => row.distributionDate === date);
      if (found) return found;
      throw noDistribution(dealId, date, history);
    },
    async version(dealId, date) {
      return source.version?.(await resolve(dealId), date);
    },
    async latestState(dealId) {
      const d = await resolve(dealId);
      return (await source.latestState(d)) ?? found.get(dealId)?.openingState ?? initialState(d);
    },
    async remittance(dealId, date) {
      const stored = await source.remittance(await resolve(dealId), date);
      if (stored) return stored;
      throw noDistribution(dealId, date, await distributions(dealId));
    },
  };
}
