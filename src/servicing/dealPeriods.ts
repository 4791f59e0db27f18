import { existsSync, readdirSync } from 'node:fs';
import { readDealTape } from '../collateral/dealTape.ts';
import { readLoanTape } from '../collateral/readLoanTape.ts';
import { dealsDirectory } from '../deal/builtIn.ts';
import type { Deal } from '../deal/deal.ts';
import { distributionDate } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { compare, type PlainDate } from '../money/plainDate.ts';
import type { CollectionPeriod } from '../trust/types.ts';
import { collectionPeriodFromRemittance } from './collectionPeriodFromRemittance.ts';
import {
  dealPeriodTotalsPath,
  dealPositionsTapePath,
  dealRemittancePath,
} from './dealRemittances.ts';
import { readPeriodTotalsFile } from './periodTotalsFile.ts';
import { positionsAfter, positionsFromTape, type PoolPositions } from './poolPositions.ts';
import { readRemittance } from './readRemittance.ts';
import type { RemittanceFile } from './remittanceRow.ts';

/** One distribution date's input: its collection period and where it came from. */
export interface DealPeriod {
  readonly distributionNumber: number;
  readonly date: PlainDate;
  /** The file the period came from (deals/<id>/... for the built-in files). */
  readonly source: string;
  readonly period: CollectionPeriod;
  /** The servicer's loan-level report, when the date has one (undefined: a totals file). */
  readonly report: RemittanceFile | undefined;
}

/** A date before the periods wanted, whose loans the next report starts from. */
export type PeriodBefore = Omit<DealPeriod, 'report'> & {
  readonly report: Pick<RemittanceFile, 'rows'> | undefined;
};

export interface DealPeriodsOptions {
  /** Folder of remittance reports named <date>.csv (default: deals/<id>/remittances/). */
  readonly remittanceDirectory?: string;
  /**
   * Start after this date (e.g. the store's last closed date, with its stored rows): its files
   * are not read again, and its rows (or, for totals, the pool after it) are the loans before
   * the next report.
   */
  readonly after?: PeriodBefore;
}

/** A built-in file as the project names it (deals/...); any other path as given. */
function label(path: string): string {
  return path.startsWith(dealsDirectory) ? `deals/${path.slice(dealsDirectory.length)}` : path;
}

const money = (c: number): string => (c / 100).toFixed(2);

/**
 * The pool after a date whose figures came from a totals file, from the deal's
 * deals/<id>/tape-<date>.csv, checked against that period's ending pool and loan count.
 */
export async function poolAfterTotals(deal: Deal, previous: PeriodBefore): Promise<PoolPositions> {
  const path = dealPositionsTapePath(deal.id, previous.date);
  if (!existsSync(path)) {
    throw new TrusteeError('NOT_FOUND', `no loans for ${deal.id} after ${previous.date}`, [
      {
        file: path,
        message: `${previous.source} gives only totals; the next date has a loan-level report`,
        expected: `the loans after ${previous.date} as a loan tape (docs/formats-remittance.md)`,
      },
    ]);
  }
  const positions = positionsFromTape(await readLoanTape(path));
  const balance = [...positions.values()].reduce((a, p) => a + p.balance, 0);
  const { endingPoolBalance, endingLoanCount } = previous.period;
  if (balance !== endingPoolBalance || positions.size !== endingLoanCount) {
    throw new TrusteeError('UNRECONCILED', `${label(path)}: not the pool after ${previous.date}`, [
      {
        file: path,
        field: 'current_balance',
        message: `${positions.size} loans, ${money(balance)}`,
        expected: `${endingLoanCount} loans, ${money(endingPoolBalance)} (${previous.source})`,
      },
    ]);
  }
  return positions;
}

/**
 * Every distribution date of a deal from the first (or after `options.after`) through `last`,
 * in order, with its collection period: from the servicer's remittance report `<date>.csv` when
 * there is one (read, validated, reconciled against the loans before it), else from the
 * collection-period totals file
 * deals/<id>/periods/<date>.json. The loans before a report are the cut-off tape for the first
 * date, the previous report's positions after it, or, after a totals-file date, the deal's
 * deals/<id>/tape-<date>.csv (for 2002-1 the loans after April 2002). A date with neither file
 * is NOT_FOUND, naming both.
 */
export async function* dealPeriods(
  deal: Deal,
  last: PlainDate,
  options: DealPeriodsOptions = {},
): AsyncGenerator<DealPeriod> {
  let previous: PeriodBefore | undefined = options.after;
  const first = (options.after?.distributionNumber ?? 0) + 1;
  for (let n = first; compare(distributionDate(deal, n), last) <= 0; n += 1) {
    const date = distributionDate(deal, n);
    const reportPath = options.remittanceDirectory
      ? `${options.remittanceDirectory.replace(/\/$/, '')}/${date}.csv`
      : dealRemittancePath(deal.id, date);
    const totalsPath = dealPeriodTotalsPath(deal.id, date);
    let current: DealPeriod;
    if (existsSync(reportPath)) {
      const positions: PoolPositions = !previous
        ? positionsFromTape(await readDealTape(deal.id))
        : previous.report
          ? positionsAfter(previous.report.rows)
          : await poolAfterTotals(deal, previous);
      const report = await readRemittance(reportPath);
      const period = collectionPeriodFromRemittance(deal, positions, report);
      current = { distributionNumber: n, date, source: label(reportPath), period, report };
    } else if (existsSync(totalsPath)) {
      const period = readPeriodTotalsFile(totalsPath);
      if (period.distributionDate !== date) {
        throw new TrusteeError('INVALID_INPUT', `${label(totalsPath)}: not the ${date} totals`, [
          {
            file: totalsPath,
            field: 'distributionDate',
            message: `the file is named for ${date}`,
            expected: date,
            got: period.distributionDate,
          },
        ]);
      }
      current = {
        distributionNumber: n,
        date,
        source: label(totalsPath),
        period,
        report: undefined,
      };
    } else {
      throw new TrusteeError(
        'NOT_FOUND',
        `no remittance report or totals for ${deal.id} on ${date}`,
        [
          {
            file: reportPath,
            message: 'file not found',
            expected: `the servicer's report for distribution ${n} (${date})`,
          },
          {
            file: totalsPath,
            message: 'file not found',
            expected: `or the collection-period totals of ${date}`,
          },
        ],
      );
    }
    yield current;
    previous = current;
  }
}

/**
 * The last distribution date the deal ships figures for: the latest deals/<id>/remittances/
 * <date>.csv or periods/<date>.json (undefined when it ships none).
 */
export function lastShippedDate(deal: Deal): PlainDate | undefined {
  const folder = `${dealsDirectory}${deal.id}/`;
  const names = (dir: string, ext: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir).filter((n) => new RegExp(`^\\d{4}-\\d{2}-\\d{2}\\${ext}$`).test(n))
      : [];
  const dates = [...names(`${folder}remittances/`, '.csv'), ...names(`${folder}periods/`, '.json')]
    .map((n) => n.slice(0, 10) as PlainDate)
    .sort();
  return dates.at(-1);
}
