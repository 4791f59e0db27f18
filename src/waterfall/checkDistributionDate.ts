import type { Deal } from '../deal/deal.ts';
import { distributionDate } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { reconcilePeriod } from './reconcilePeriod.ts';
import type { CollectionPeriod, DealState } from './types.ts';

/**
 * Before a distribution date is run: the trust is not terminated, the period is the next date
 * after the state's, its totals reconcile (`reconcilePeriod`), and a clean-up call period buys
 * the whole pool. Returns the distribution number.
 */
export function checkDistributionDate(
  deal: Deal,
  state: DealState,
  period: CollectionPeriod,
  file: string,
): number {
  if (state.terminated) {
    throw new TrusteeError(
      'OUT_OF_ORDER',
      `${deal.id}: the trust was terminated by the clean-up call on ${state.lastDate}`,
    );
  }
  const n = state.distributionNumber + 1;
  const expected = distributionDate(deal, n);
  if (period.distributionDate !== expected) {
    throw new TrusteeError(
      'OUT_OF_ORDER',
      `${file}: distribution ${n} of ${deal.id} is on ${expected}`,
      [
        {
          file,
          field: 'distributionDate',
          message: `after distribution ${state.distributionNumber} (${state.lastDate}) comes ${expected}`,
          expected,
          got: period.distributionDate,
        },
      ],
    );
  }
  reconcilePeriod(state, period, file);
  if (period.cleanUpCall === true && period.endingPoolBalance !== 0) {
    throw new TrusteeError('UNRECONCILED', `${file}: the clean-up call buys the whole pool`, [
      {
        file,
        field: 'endingPoolBalance',
        message: 'a clean-up call period must end with no loans',
        expected: '0',
        got: (period.endingPoolBalance / 100).toFixed(2),
      },
    ]);
  }
  return n;
}
