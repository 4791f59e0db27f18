import type { Deal } from '../deal/deal.ts';
import { determineIndexRate, type IndexRateTable } from '../deal/indexRates.ts';
import { contentHash } from '../store/canonicalJson.ts';
import { distribute, type IndexFixing } from '../waterfall/distribute.ts';
import type { CollectionPeriod, DealState, Distribution } from '../waterfall/types.ts';

/** Everything a distribution date's result depends on, and its hash. */
export interface DateInputs {
  readonly deal: Deal;
  readonly dealHash: string;
  readonly stateBefore: DealState;
  readonly period: CollectionPeriod;
  readonly fixing: IndexFixing;
  /** Equal hashes mean equal inputs: a closed date re-run with them changes nothing. */
  readonly inputHash: string;
}

export interface DateResult {
  readonly distribution: Distribution;
  readonly stateAfter: DealState;
  readonly resultHash: string;
}

/**
 * The inputs of a date: the deal, the state before, the period's totals and the index fixing,
 * determined by the deal's rule from the accrual start (the last distribution date), e.g.
 * 1-month LIBOR of 2002-03-21 (1.90%) for April 2002.
 */
export function dateInputs(
  deal: Deal,
  stateBefore: DealState,
  period: CollectionPeriod,
  table: IndexRateTable,
): DateInputs {
  const fixing = determineIndexRate(table, stateBefore.lastDate, deal.index.businessDaysBefore);
  const dealHash = contentHash(deal.file);
  const inputHash = contentHash({ dealHash, stateBefore, period: periodFigures(period), fixing });
  return { deal, dealHash, stateBefore, period, fixing, inputHash };
}

/**
 * The period's figures without its `source` label: the same totals from another file (a
 * remittance instead of a totals file) are the same input.
 */
export function periodFigures(period: CollectionPeriod): Omit<CollectionPeriod, 'source'> {
  const figures: Record<string, unknown> = { ...period };
  delete figures['source'];
  return figures as Omit<CollectionPeriod, 'source'>;
}

/** Runs the one waterfall on the inputs. */
export function runDate(inputs: DateInputs, file: string): DateResult {
  const { distribution, state } = distribute(
    inputs.deal,
    inputs.stateBefore,
    inputs.period,
    inputs.fixing,
    file,
  );
  return {
    distribution,
    stateAfter: state,
    resultHash: contentHash({ distribution, stateAfter: state }),
  };
}
