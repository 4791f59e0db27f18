import { indexTableFor } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { determineIndexRate } from '../../deal/indexRates.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { closingForm8k } from '../../reports/closingForm8k.ts';
import { renderForm10K, renderForm8K } from '../../reports/index.ts';
import type { RemittanceFile, RemittanceRow } from '../../servicing/remittanceRow.ts';
import { yearEndLoans } from '../../servicing/yearEndLoans.ts';
import type { Distribution } from '../../waterfall/types.ts';
import type { Download } from '../downloads/download.ts';

const TEXT = 'text/plain; charset=utf-8';

/** The servicer's rows of the year's last two dates, as the store keeps them. */
export interface YearEndReports {
  previous: readonly Readonly<Record<string, unknown>>[] | undefined;
  last: readonly Readonly<Record<string, unknown>>[];
}

/**
 * The 10-K's loan-level lists (new REO loans, loss severity by loan) from the stored rows of the
 * last two remittance reports: the rows are the reports' RemittanceRow records as stored.
 */
function yearEndLoansOf(reports: YearEndReports) {
  const asReport = (rows: readonly Readonly<Record<string, unknown>>[]) =>
    ({ rows: rows as unknown as RemittanceRow[] }) as unknown as RemittanceFile;
  return yearEndLoans(reports.previous && asReport(reports.previous), asReport(reports.last));
}

/** The Form 8-K of one distribution date, as text. */
export function form8kDownload(deal: Deal, distribution: Distribution): Download {
  return {
    contentType: TEXT,
    filename: `${deal.id}-8k-${distribution.distributionDate}.txt`,
    body: renderForm8K(deal, distribution),
  };
}

/** The deal's closing Form 8-K (the certificates issued), from the deal file. */
export function closing8kDownload(deal: Deal): Download {
  return {
    contentType: TEXT,
    filename: `${deal.id}-8k-closing.txt`,
    body: closingForm8k(deal),
  };
}

/**
 * The Form 10-K of a year: that year's closed distributions, with the index fixed for the
 * period after the last of them (the annual summary's "Next Rate" column), and the loan-level
 * lists when the year's dates came from servicer reports.
 */
export function form10kDownload(
  deal: Deal,
  history: readonly Distribution[],
  year: number,
  lastReports?: YearEndReports,
): Download {
  const months = history.filter((d) => d.distributionDate.startsWith(`${year}-`));
  const last = months.at(-1);
  if (!last) {
    const years = [...new Set(history.map((d) => d.distributionDate.slice(0, 4)))];
    throw new TrusteeError('NO_DISTRIBUTION', `${deal.id}: no distribution closed in ${year}`, [
      {
        field: 'year',
        message: `no closed distribution date in ${year}`,
        expected: years.length > 0 ? `one of ${years.join(', ')}` : 'a year with closed dates',
        got: year,
      },
    ]);
  }
  const next = determineIndexRate(
    indexTableFor(deal),
    last.distributionDate,
    deal.index.businessDaysBefore,
  );
  return {
    contentType: TEXT,
    filename: `${deal.id}-10k-${year}.txt`,
    body: renderForm10K(deal, months, next.rate, lastReports ? yearEndLoansOf(lastReports) : {}),
  };
}
