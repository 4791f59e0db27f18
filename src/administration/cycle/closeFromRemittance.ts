import type { Deal } from '../../deal/deal.ts';
import type { StoredRemittance, TrustStore } from '../../store/trustStore.ts';
import { builtInOpeningState } from '../builtInOpeningState.ts';
import { closeDistributionDate } from '../closeDistributionDate.ts';
import { closedDates } from '../closedDates.ts';
import { correctDistributionDate } from '../correctDistributionDate.ts';
import type { CloseResult } from '../options.ts';

/**
 * Closes a date from a stored remittance, or corrects it when a reason is given: the CLI's own
 * close and correction (one waterfall, one way of writing a version), with the same opening
 * state `trustee close` takes when the store has nothing of the deal closed yet. Prepare runs
 * it rolled back (dryRun); publish runs it for real, both inside the caller's transaction.
 */
export async function closeFromRemittance(
  tx: TrustStore,
  deal: Deal,
  remittance: StoredRemittance,
  who: {
    readonly actor: string;
    readonly at: string;
    readonly reason: string | null;
    /** Where from, for the version's audit entry. */
    readonly address: string;
  },
): Promise<CloseResult> {
  const date = remittance.distributionDate;
  const nothingClosed = (await closedDates(tx, deal.id)).length === 0;
  // A deal of the book opens from the state it was added with (none: its closing).
  const book = nothingClosed ? await tx.book.getDeal(deal.id) : undefined;
  const opening = nothingClosed
    ? (book?.openingState ?? builtInOpeningState(deal, date))
    : undefined;
  const options = {
    actor: who.actor,
    address: who.address,
    source: remittance.source,
    remittanceRows: remittance.rows,
    now: () => who.at,
    ...(opening ? { openingState: opening } : {}),
  };
  return who.reason === null
    ? closeDistributionDate(tx, deal, remittance.period, options)
    : correctDistributionDate(tx, deal, remittance.period, { ...options, reason: who.reason });
}
