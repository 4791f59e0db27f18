import type { Deal } from '../deal/deal.ts';
import { distributionDate } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { contentHash } from '../store/canonicalJson.ts';
import type { DistributionVersion, TrustStore } from '../store/trustStore.ts';
import type { DealState } from '../waterfall/types.ts';

/** The current (highest) version of each closed date of a deal, in date order. */
export async function closedDates(
  store: TrustStore,
  dealId: string,
): Promise<DistributionVersion[]> {
  const current = new Map<string, DistributionVersion>();
  for (const v of await store.listDistributions(dealId)) current.set(v.distributionDate, v);
  return [...current.values()].sort((a, b) => a.distributionNumber - b.distributionNumber);
}

/** OUT_OF_ORDER naming the date that must come next. */
export function outOfOrder(
  deal: Deal,
  date: PlainDate,
  after: DealState,
  why: string,
): TrusteeError {
  const expected = distributionDate(deal, after.distributionNumber + 1);
  return new TrusteeError('OUT_OF_ORDER', `${deal.id}: ${date} cannot be closed: ${why}`, [
    {
      field: 'distributionDate',
      message: `the next date after distribution ${after.distributionNumber} (${after.lastDate}) is ${expected}`,
      expected,
      got: date,
    },
  ]);
}

/**
 * An opening state given while dates are closed must be the stored state it would replace:
 * the store's closed dates are the record, an opening state only starts an empty one.
 */
export function checkOpeningState(
  deal: Deal,
  given: DealState | undefined,
  stored: DealState,
  storedFrom: string,
): void {
  if (given === undefined || contentHash(given) === contentHash(stored)) return;
  throw new TrusteeError('CLOSED_DATE', `${deal.id}: the opening state conflicts with the store`, [
    {
      field: 'openingState',
      message: `the state after ${stored.lastDate} is ${storedFrom}; an opening state only starts a deal with no closed dates`,
      expected: `the stored state after ${stored.lastDate}, or no opening state`,
      got: `a state after ${given.lastDate}`,
    },
  ]);
}

export function checkOpeningDeal(deal: Deal, given: DealState | undefined): void {
  if (given === undefined || given.dealId === deal.id) return;
  throw new TrusteeError('INVALID_INPUT', `the opening state is not of ${deal.id}`, [
    { field: 'openingState.dealId', message: 'another deal', expected: deal.id, got: given.dealId },
  ]);
}
