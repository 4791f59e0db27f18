import { history } from '../../administration/index.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import type { Distribution } from '../../waterfall/types.ts';
import type { HistorySource } from './historySource.ts';

/** The closed dates of a deal from the store: the current version of each, oldest first. */
export function storeHistory(store: TrustStore): HistorySource {
  return {
    async distributions(deal) {
      const dates = await history(store, deal.id);
      const result: Distribution[] = [];
      for (const date of dates) {
        const stored = await store.getDistribution(deal.id, date.distributionDate);
        if (stored) result.push(stored.distribution);
      }
      return result;
    },
  };
}
