import { closeDistributionDate, history } from '../../administration/index.ts';
import type { Deal } from '../../deal/deal.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { builtInPeriods } from './builtInPeriods.ts';

/**
 * Closes a built-in deal's shipped periods in the store when the store has none of its dates
 * yet (a new database): `trustee serve` then shows the deal with its history. Returns how many
 * dates were closed. A store that already has dates of the deal is left as it is.
 */
export async function seedStore(
  store: TrustStore,
  deal: Deal,
  actor = 'trustee serve',
): Promise<number> {
  if ((await history(store, deal.id)).length > 0) return 0;
  const { openingState, periods } = builtInPeriods(deal);
  for (const [i, { source, period }] of periods.entries()) {
    // The opening state stands before the first date only; later dates follow the store.
    await closeDistributionDate(store, deal, period, {
      actor,
      source,
      ...(i === 0 && openingState ? { openingState } : {}),
    });
  }
  return periods.length;
}
