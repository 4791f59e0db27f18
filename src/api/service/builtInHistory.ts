import { indexTableFor } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { initialState } from '../../waterfall/initialState.ts';
import { runDistribution } from '../../waterfall/runDistribution.ts';
import type { DealState, Distribution } from '../../waterfall/types.ts';
import { builtInInputs, type DateInput, type HistoryKind } from './builtInInputs.ts';
import type { HistorySource } from './historySource.ts';

interface Run {
  inputs: DateInput[];
  distributions: Distribution[];
  state: DealState;
}

/**
 * A deal's history from its built-in files, run through `runDistribution` in date order from
 * the shipped opening state, without a store. Tests use it to need no database.
 */
export function builtInHistory(kind: HistoryKind = 'filings'): HistorySource {
  const cache = new Map<string, Promise<Run>>();
  const run = (deal: Deal): Promise<Run> => {
    let known = cache.get(deal.id);
    if (!known) {
      known = builtInInputs(deal, kind).then(({ openingState, dates }) => {
        let state = openingState ?? initialState(deal);
        const table = indexTableFor(deal);
        const distributions: Distribution[] = [];
        for (const { source, period } of dates) {
          const result = runDistribution(deal, state, period, table, source);
          distributions.push(result.distribution);
          state = result.state;
        }
        return { inputs: dates, distributions, state };
      });
      cache.set(deal.id, known);
    }
    return known;
  };
  return {
    async distributions(deal) {
      return (await run(deal)).distributions;
    },
    async latestState(deal) {
      const { distributions, state } = await run(deal);
      return distributions.length > 0 ? state : undefined;
    },
    async remittance(deal, date) {
      const found = (await run(deal)).inputs.find((input) => input.date === date);
      return (
        found && {
          distributionDate: date,
          source: found.source,
          period: found.period,
          rows: found.rows,
        }
      );
    },
  };
}
