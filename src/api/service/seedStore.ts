import { history } from '../../administration/index.ts';
import { closeThrough } from '../../administration/closeThrough.ts';
import type { Deal } from '../../deal/deal.ts';
import { lastShippedDate } from '../../servicing/dealPeriods.ts';
import type { TrustStore } from '../../store/trustStore.ts';

/**
 * Closes a built-in deal's shipped history in the store when the store has none of its dates
 * yet (a new database), so `trustee serve` shows the deal with its history: every date through
 * the last one the deal ships, closed by `closeThrough` as `trustee annual` does (2002-1: March
 * 2002 derived, April from the seed statement, May-December from the simulated servicer
 * reports). A store that already has dates of the deal is left as it is. Returns how many dates
 * were closed.
 */
export async function seedStore(
  store: TrustStore,
  deal: Deal,
  actor = 'trustee serve',
): Promise<number> {
  if ((await history(store, deal.id)).length > 0) return 0;
  const last = lastShippedDate(deal);
  if (!last) return 0;
  return (await closeThrough(store, deal, last, { actor })).length;
}
