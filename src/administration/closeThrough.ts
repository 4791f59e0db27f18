import type { Deal } from '../deal/deal.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { dealPeriods } from '../servicing/dealPeriods.ts';
import type { RemittanceFile } from '../servicing/remittanceRow.ts';
import type { StoredDistribution, TrustStore } from '../store/trustStore.ts';
import { closeDistributionDate } from './closeDistributionDate.ts';

export interface CloseThroughOptions {
  readonly actor: string;
  /** Folder of remittance reports named <date>.csv (default: the deal's deals/<id>/remittances/). */
  readonly remittanceDirectory?: string;
  /** Told after each date: whether it was closed now or already closed (reused). */
  readonly onDate?: (date: PlainDate, outcome: 'closed' | 'unchanged') => void;
}

export interface ClosedDate {
  readonly record: StoredDistribution;
  /** The servicer's report for the date (loan-level rows); undefined for a totals file. */
  readonly report: RemittanceFile | undefined;
}

/**
 * Runs the monthly cycle for every distribution date from the first through `last`, in order
 * (`dealPeriods`): from the servicer's remittance report when the date has one (validated and
 * reconciled against the loans before it), else from the deal's collection-period totals file
 * (2002-1: March 2002 derived, April 2002 from the seed statement; May-December 2002 from the
 * reports, the loans after April from deals/nchet-2002-1/tape-2002-04-25.csv). Each date is
 * closed in the store in one transaction. A date already closed with the same inputs is reused
 * as it is; one closed with other inputs is refused (CLOSED_DATE). A missing or bad file is an
 * error naming it. Returns every date's stored distribution and report.
 */
export async function closeThrough(
  store: TrustStore,
  deal: Deal,
  last: PlainDate,
  options: CloseThroughOptions,
): Promise<ClosedDate[]> {
  const closed: ClosedDate[] = [];
  const periods = dealPeriods(
    deal,
    last,
    options.remittanceDirectory ? { remittanceDirectory: options.remittanceDirectory } : {},
  );
  for await (const { date, source, period, report } of periods) {
    const result = await closeDistributionDate(store, deal, period, {
      actor: options.actor,
      source,
      remittanceRows: (report?.rows ?? []) as unknown as Record<string, unknown>[],
    });
    options.onDate?.(date, result.outcome === 'unchanged' ? 'unchanged' : 'closed');
    closed.push({ record: result.record, report });
  }
  return closed;
}
