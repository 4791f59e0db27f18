import { indexTableFor } from '../../deal/builtIn.ts';
import { initialState } from '../../waterfall/initialState.ts';
import { runDistribution } from '../../waterfall/runDistribution.ts';
import type { Deal } from '../../deal/deal.ts';
import type { DealState, Distribution } from '../../waterfall/types.ts';
import { builtInPeriods } from './builtInPeriods.ts';
import type { HistorySource } from './historySource.ts';

/**
 * A deal's history from its built-in files, run through `runDistribution` in date order from
 * the shipped opening state, without a store. Tests use it to need no database.
 */
export function builtInHistory(): HistorySource {
  const cache = new Map<string, { distributions: readonly Distribution[]; state: DealState }>();
  const run = (deal: Deal) => {
    const cached = cache.get(deal.id);
    if (cached) return cached;
    const { openingState, periods } = builtInPeriods(deal);
    let state = openingState ?? initialState(deal);
    const table = indexTableFor(deal);
    const distributions: Distribution[] = [];
    for (const { source, period } of periods) {
      const result = runDistribution(deal, state, period, table, source);
      distributions.push(result.distribution);
      state = result.state;
    }
    const done = { distributions, state };
    cache.set(deal.id, done);
    return done;
  };
  return {
    async distributions(deal) {
      return run(deal).distributions;
    },
    async latestState(deal) {
      const { distributions, state } = run(deal);
      return distributions.length > 0 ? state : undefined;
    },
    async remittance(deal, date) {
      const found = builtInPeriods(deal).periods.find((p) => p.period.distributionDate === date);
      return (
        found && { distributionDate: date, source: found.source, period: found.period, rows: [] }
      );
    },
  };
}
