import { history, versionNote } from '../../administration/index.ts';
import type { PlainDate } from '../../money/plainDate.ts';
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
    async latestState(deal) {
      const last = (await history(store, deal.id)).at(-1);
      if (!last) return undefined;
      return (await store.getDistribution(deal.id, last.distributionDate))?.stateAfter;
    },
    async version(deal, date) {
      const stored = await store.getDistribution(deal.id, date as PlainDate);
      return stored ? versionNote(stored) : undefined;
    },
    async remittance(deal, date) {
      const stored = await store.getDistribution(deal.id, date as PlainDate);
      if (!stored) return undefined;
      const remittance = await store.getRemittance(stored.remittanceId);
      if (!remittance) return undefined;
      return {
        distributionDate: remittance.distributionDate,
        source: remittance.source,
        period: remittance.period,
        rows: remittance.rows,
      };
    },
  };
}
