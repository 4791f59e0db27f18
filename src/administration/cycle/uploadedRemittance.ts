import { readDealTape } from '../../collateral/dealTape.ts';
import type { Deal } from '../../deal/deal.ts';
import { distributionDate, distributionNumberOf } from '../../deal/schedule.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { parseJsonDocument } from '../../input/jsonDocument.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import { collectionPeriodFromRemittance } from '../../servicing/collectionPeriodFromRemittance.ts';
import { poolAfterTotals } from '../../servicing/dealPeriods.ts';
import { parsePeriodTotals } from '../../servicing/periodTotalsFile.ts';
import {
  positionsAfter,
  positionsFromTape,
  type PoolPositions,
} from '../../servicing/poolPositions.ts';
import { readRemittance } from '../../servicing/readRemittance.ts';
import type { RemittanceFile, RemittanceRow } from '../../servicing/remittanceRow.ts';
import type { RawRow, TrustStore } from '../../store/trustStore.ts';
import type { CollectionPeriod } from '../../waterfall/types.ts';
import { bookTapeLoans } from '../book/bookTape.ts';

/** An upload read and checked: what `putRemittance` stores, as `trustee close` would. */
export interface UploadedRemittance {
  readonly source: string;
  readonly rows: readonly RawRow[];
  readonly period: CollectionPeriod;
}

/** An uploaded file before its deal is known: the date it is for, and how to finish reading it. */
export type ReadUpload =
  | { readonly kind: 'report'; readonly date: PlainDate; readonly report: RemittanceFile }
  | { readonly kind: 'totals'; readonly date: PlainDate; readonly period: CollectionPeriod };

/**
 * Reads an uploaded servicer file: a loan-level remittance report (CSV,
 * docs/formats-remittance.md), or collection-period totals (JSON, docs/formats.md) for a date
 * the servicer reports in totals only (2002-1's April 2002). Every problem at once, each with
 * its row and field (INVALID_INPUT); nothing is stored here.
 */
export async function readUpload(fileName: string, content: string): Promise<ReadUpload> {
  if (fileName.toLowerCase().endsWith('.json') || content.trimStart().startsWith('{')) {
    const json = parseJsonDocument(content, fileName, {
      code: 'INVALID_INPUT',
      what: 'collection-period totals file',
    });
    const period = parsePeriodTotals(json, fileName);
    return { kind: 'totals', date: period.distributionDate, period };
  }
  const report = await readRemittance(fileName, content);
  return { kind: 'report', date: report.distributionDate, report };
}

/**
 * The upload's collection period for `deal`: totals as given; a loan-level report reconciled
 * (reconcileRemittance: every loan's balance rolls forward, cash collected = cash remitted)
 * against the loans before its date, which the store holds (`positionsBefore`).
 */
export async function uploadedRemittance(
  store: TrustStore,
  deal: Deal,
  fileName: string,
  upload: ReadUpload,
): Promise<UploadedRemittance> {
  distributionNumberOf(deal, upload.date); // NOT_A_DISTRIBUTION_DATE, naming the nearest
  if (upload.kind === 'totals') return { source: fileName, rows: [], period: upload.period };
  const positions = await positionsBefore(store, deal, upload.date);
  const period = collectionPeriodFromRemittance(deal, positions, upload.report);
  // Kept as read (RemittanceRow as JSON), as `trustee annual` keeps them: the next month's loans.
  const rows = upload.report.rows as unknown as readonly RawRow[];
  return { source: fileName, rows, period };
}

/**
 * The loans before a date: the cut-off tape for the first; else the previous date's as the store
 * closed it: its remittance rows, or, when it was closed from totals, the deal's pool after it
 * (deals/<id>/tape-<date>.csv, checked against that period).
 */
export async function positionsBefore(
  store: TrustStore,
  deal: Deal,
  date: PlainDate,
): Promise<PoolPositions> {
  const n = distributionNumberOf(deal, date);
  // A deal of the book: its first date from the tape it was added with (the pool where it opens).
  const book = await store.book.getDeal(deal.id);
  if (book && n === (book.openingState?.distributionNumber ?? 0) + 1) {
    return positionsFromTape(await bookTapeLoans(store, book));
  }
  if (n === 1) return positionsFromTape(await readDealTape(deal.id));
  const previousDate = distributionDate(deal, n - 1);
  const previous = await store.getDistribution(deal.id, previousDate);
  if (!previous) {
    throw new TrusteeError(
      'OUT_OF_ORDER',
      `${deal.id} ${date}: the loans before it are those after ${previousDate}, which is not closed`,
      [
        {
          field: 'distributionDate',
          message: `${previousDate} is not closed in the store`,
          expected: `close or publish ${previousDate} first`,
          got: date,
        },
      ],
    );
  }
  const remittance = (await store.getRemittance(previous.remittanceId))!;
  if (remittance.rows.length > 0) {
    return positionsAfter(remittance.rows as unknown as readonly RemittanceRow[]);
  }
  return poolAfterTotals(deal, {
    distributionNumber: n - 1,
    date: previousDate,
    source: remittance.source,
    period: remittance.period,
    report: undefined,
  });
}
