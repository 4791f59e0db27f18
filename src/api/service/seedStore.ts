import { closeDistributionDate, history } from '../../administration/index.ts';
import type { Deal } from '../../deal/deal.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { builtInInputs, type HistoryKind } from './builtInInputs.ts';

export interface SeedResult {
  /** Dates closed now (0 when the store already had dates of the deal). */
  closed: number;
  /** Where the shipped files stop chaining, if they do (see builtInInputs). */
  stoppedAt: { source: string; reason: string } | undefined;
}

/**
 * Closes a built-in deal's shipped history in the store when the store has none of its dates
 * yet (a new database), so `trustee serve` shows the deal with its history. A store that already
 * has dates of the deal is left as it is.
 */
export async function seedStore(
  store: TrustStore,
  deal: Deal,
  kind: HistoryKind = 'filings',
  actor = 'trustee serve',
): Promise<SeedResult> {
  if ((await history(store, deal.id)).length > 0) return { closed: 0, stoppedAt: undefined };
  const { openingState, dates, stoppedAt } = await builtInInputs(deal, kind);
  for (const [i, { source, period, rows }] of dates.entries()) {
    // The opening state stands before the first date only; later dates follow the store.
    await closeDistributionDate(store, deal, period, {
      actor,
      source,
      remittanceRows: rows,
      ...(i === 0 && openingState ? { openingState } : {}),
    });
  }
  return { closed: dates.length, stoppedAt };
}
