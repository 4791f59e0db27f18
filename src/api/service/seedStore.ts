import { existsSync, readdirSync } from 'node:fs';
import { closeDistributionDate, history } from '../../administration/index.ts';
import { closeThrough } from '../../administration/closeThrough.ts';
import { dealsDirectory } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { builtInPeriods } from './builtInPeriods.ts';

/**
 * Which shipped history a new store gets:
 * - `filings`: the seed's state and statement (for 2002-1 the state after March 2002 and the
 *   April 2002 totals: deals/<id>/state-*.json and periods/*.json);
 * - `simulated`: every servicer report in deals/<id>/remittances/ from the closing (the
 *   simulated 2002 year), closed by `closeThrough` as `trustee annual` does.
 */
export type HistoryKind = 'filings' | 'simulated';

/**
 * Closes a built-in deal's shipped history in the store when the store has none of its dates
 * yet (a new database), so `trustee serve` shows the deal with its history. A store that already
 * has dates of the deal is left as it is. Returns how many dates were closed.
 */
export async function seedStore(
  store: TrustStore,
  deal: Deal,
  kind: HistoryKind = 'filings',
  actor = 'trustee serve',
): Promise<number> {
  if ((await history(store, deal.id)).length > 0) return 0;
  if (kind === 'simulated') {
    const folder = `${dealsDirectory}${deal.id}/remittances/`;
    const reports = existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.csv')) : [];
    const last = reports.sort().at(-1);
    if (!last) return 0;
    return (await closeThrough(store, deal, last.slice(0, 10) as PlainDate, { actor })).length;
  }
  const { openingState, dates } = builtInPeriods(deal);
  for (const [i, { source, period }] of dates.entries()) {
    // The opening state stands before the first date only; later dates follow the store.
    await closeDistributionDate(store, deal, period, {
      actor,
      source,
      ...(i === 0 && openingState ? { openingState } : {}),
    });
  }
  return dates.length;
}
