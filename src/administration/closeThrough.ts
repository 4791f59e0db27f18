import { existsSync } from 'node:fs';
import { readDealTape } from '../collateral/dealTape.ts';
import type { Deal } from '../deal/deal.ts';
import { distributionDate } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { compare, type PlainDate } from '../money/plainDate.ts';
import { collectionPeriodFromRemittance } from '../servicing/collectionPeriodFromRemittance.ts';
import { dealRemittancePath } from '../servicing/dealRemittances.ts';
import {
  positionsAfter,
  positionsFromTape,
  type PoolPositions,
} from '../servicing/poolPositions.ts';
import { readRemittance } from '../servicing/readRemittance.ts';
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
  /** The servicer's report for the date (loan-level rows). */
  readonly report: RemittanceFile;
}

function reportPath(deal: Deal, date: PlainDate, directory: string | undefined): string {
  return directory
    ? `${directory.replace(/\/$/, '')}/${date}.csv`
    : dealRemittancePath(deal.id, date);
}

/**
 * Runs the monthly cycle for every distribution date from the first through `last`, in order,
 * from the servicer's remittance reports: each report is read, validated and reconciled against
 * the pool before it (the loan tape for the first date, the previous report's positions after),
 * turned into the collection-period totals, and the date is closed in the store in one
 * transaction. A date already closed with the same inputs is reused as it is; one closed with
 * other inputs is refused (CLOSED_DATE). Returns every date's stored distribution and report.
 */
export async function closeThrough(
  store: TrustStore,
  deal: Deal,
  last: PlainDate,
  options: CloseThroughOptions,
): Promise<ClosedDate[]> {
  const closed: ClosedDate[] = [];
  let positions: PoolPositions = positionsFromTape(await readDealTape(deal.id));
  for (let n = 1; compare(distributionDate(deal, n), last) <= 0; n += 1) {
    const date = distributionDate(deal, n);
    const path = reportPath(deal, date, options.remittanceDirectory);
    if (!existsSync(path)) {
      throw new TrusteeError('NOT_FOUND', `no remittance report for ${deal.id} on ${date}`, [
        {
          file: path,
          message: 'file not found',
          expected: `the servicer's report for distribution ${n} (${date})`,
        },
      ]);
    }
    const report = await readRemittance(path);
    const period = collectionPeriodFromRemittance(deal, positions, report);
    const result = await closeDistributionDate(store, deal, period, {
      actor: options.actor,
      source: path,
      remittanceRows: report.rows as unknown as Record<string, unknown>[],
    });
    options.onDate?.(date, result.outcome === 'unchanged' ? 'unchanged' : 'closed');
    closed.push({ record: result.record, report });
    positions = positionsAfter(report.rows);
  }
  return closed;
}
