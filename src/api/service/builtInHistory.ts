import { indexTableFor } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { dealPeriods, lastShippedDate, type DealPeriod } from '../../servicing/dealPeriods.ts';
import { initialState } from '../../waterfall/initialState.ts';
import { runDistribution } from '../../waterfall/runDistribution.ts';
import type { DealState, Distribution } from '../../waterfall/types.ts';
import type { HistorySource } from './historySource.ts';

interface Run {
  inputs: DealPeriod[];
  distributions: Distribution[];
  state: DealState;
}

/**
 * A built-in deal's shipped history without a store: the same dates, in the same order and
 * from the same files as `closeThrough` closes them (`dealPeriods`: the totals files and the
 * servicer's reports through the last shipped date; for 2002-1 March-December 2002), each run
 * through `runDistribution` from the closing. Tests use it to need no database.
 */
export function builtInHistory(): HistorySource {
  const cache = new Map<string, Promise<Run>>();
  const compute = async (deal: Deal): Promise<Run> => {
    let state = initialState(deal);
    const inputs: DealPeriod[] = [];
    const distributions: Distribution[] = [];
    const last = lastShippedDate(deal);
    if (last) {
      const table = indexTableFor(deal);
      for await (const input of dealPeriods(deal, last)) {
        const result = runDistribution(deal, state, input.period, table, input.source);
        inputs.push(input);
        distributions.push(result.distribution);
        state = result.state;
      }
    }
    return { inputs, distributions, state };
  };
  const run = (deal: Deal): Promise<Run> => {
    let known = cache.get(deal.id);
    if (!known) {
      known = compute(deal);
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
          rows: (found.report?.rows ?? []) as unknown as Record<string, unknown>[],
        }
      );
    },
  };
}
