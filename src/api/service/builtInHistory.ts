import { indexTableFor } from '../../deal/builtIn.ts';
import { initialState } from '../../waterfall/initialState.ts';
import { runDistribution } from '../../waterfall/runDistribution.ts';
import type { Distribution } from '../../waterfall/types.ts';
import { builtInPeriods } from './builtInPeriods.ts';
import type { HistorySource } from './historySource.ts';

/**
 * A deal's history from its built-in files, run through `runDistribution` in date order from
 * the shipped opening state, without a store. Tests use it to need no database.
 */
export function builtInHistory(): HistorySource {
  const cache = new Map<string, readonly Distribution[]>();
  return {
    async distributions(deal) {
      const cached = cache.get(deal.id);
      if (cached) return cached;
      const { openingState, periods } = builtInPeriods(deal);
      let state = openingState ?? initialState(deal);
      const table = indexTableFor(deal);
      const result: Distribution[] = [];
      for (const { path, period } of periods) {
        const run = runDistribution(deal, state, period, table, path);
        result.push(run.distribution);
        state = run.state;
      }
      cache.set(deal.id, result);
      return result;
    },
  };
}
