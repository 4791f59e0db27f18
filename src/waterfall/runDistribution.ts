import type { Deal } from '../deal/deal.ts';
import { determineIndexRate, type IndexRateTable } from '../deal/indexRates.ts';
import { distribute } from './distribute.ts';
import type { CollectionPeriod, DealState, Distribution } from './types.ts';

/**
 * Runs an actual distribution date: finds the period's index fixing in the index table by the
 * deal's determination rule (never typed in), then runs the waterfall.
 */
export function runDistribution(
  deal: Deal,
  state: DealState,
  period: CollectionPeriod,
  indexTable: IndexRateTable,
  file?: string,
): { distribution: Distribution; state: DealState } {
  const fixing = determineIndexRate(indexTable, state.lastDate, deal.index.businessDaysBefore);
  return distribute(deal, state, period, fixing, file);
}
