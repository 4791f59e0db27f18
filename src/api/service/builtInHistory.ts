import { indexTableFor } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { initialState } from '../../waterfall/initialState.ts';
import { runDistribution } from '../../waterfall/runDistribution.ts';
import type { DealState, Distribution } from '../../waterfall/types.ts';
import { builtInPeriods, type DateInput } from './builtInPeriods.ts';
import type { HistorySource } from './historySource.ts';

interface Run {
  inputs: DateInput[];
  distributions: Distribution[];
  state: DealState;
}

/**
 * A deal's history from its filings' files (builtInPeriods) run through `runDistribution` in
 * date order, without a store. Tests use it to need no database.
 */
export function builtInHistory(): HistorySource {
  const cache = new Map<string, Run>();
  const run = (deal: Deal): Run => {
    const known = cache.get(deal.id);
    if (known) return known;
    const { openingState, dates } = builtInPeriods(deal);
    let state = openingState ?? initialState(deal);
    const table = indexTableFor(deal);
    const distributions: Distribution[] = [];
    for (const { source, period } of dates) {
      const result = runDistribution(deal, state, period, table, source);
      distributions.push(result.distribution);
      state = result.state;
    }
    const done = { inputs: dates, distributions, state };
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
      const found = run(deal).inputs.find((input) => input.date === date);
      return (
        found && { distributionDate: date, source: found.source, period: found.period, rows: [] }
      );
    },
  };
}
