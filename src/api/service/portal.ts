import { builtInDealIds, resolveDeal } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
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
}

/**
 * The portal's reads over the deals and their closed distribution dates: what the API routes
 * and the dashboard show. Everything comes from the deal files and the history source; this
 * module only looks things up and answers "not found" with the catalogue's errors.
 */
export interface Portal {
  deals(): Promise<DealSummary[]>;
  deal(dealId: string): Deal;
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

export function createPortal(source: HistorySource): Portal {
  const deal = (dealId: string): Deal => {
    if (!builtInDealIds().includes(dealId)) {
      throw new TrusteeError('UNKNOWN_DEAL', `no deal "${dealId}"`, [
        {
          field: 'dealId',
          message: `no deal "${dealId}"`,
          expected: `one of ${builtInDealIds().join(', ')}`,
          got: dealId,
        },
      ]);
    }
    return resolveDeal(dealId);
  };
  const distributions = (dealId: string) => source.distributions(deal(dealId));
  return {
    async deals() {
      return Promise.all(
        builtInDealIds().map(async (id) => {
          const d = resolveDeal(id);
          const history = await source.distributions(d);
          return {
            id,
            name: d.name,
            series: d.file.series,
            distributionDates: history.map((h) => h.distributionDate),
          };
        }),
      );
    },
    deal,
    distributions,
    async overview(dealId) {
      return dealOverview(deal(dealId), await distributions(dealId));
    },
    async classes(dealId) {
      return classRows(deal(dealId), (await distributions(dealId)).at(-1));
    },
    async history(dealId) {
      const d = deal(dealId);
      return (await distributions(dealId)).map((row) => historyPoint(d, row));
    },
    async distribution(dealId, date) {
      const history = await distributions(dealId);
      const found = history.find((row) => row.distributionDate === date);
      if (found) return found;
      throw noDistribution(dealId, date, history);
    },
    async version(dealId, date) {
      return source.version?.(deal(dealId), date);
    },
    async latestState(dealId) {
      const d = deal(dealId);
      return (await source.latestState(d)) ?? initialState(d);
    },
    async remittance(dealId, date) {
      const found = await source.remittance(deal(dealId), date);
      if (found) return found;
      throw noDistribution(dealId, date, await distributions(dealId));
    },
  };
}
