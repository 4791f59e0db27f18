import { closeThrough } from '../../administration/closeThrough.ts';
import { dealAsClosed } from '../../administration/dealAsClosed.ts';
import { indexTableFor, resolveDeal } from '../../deal/builtIn.ts';
import { determineIndexRate } from '../../deal/indexRates.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { fromParts, parts } from '../../money/plainDate.ts';
import { renderAnnualSummary, renderForm10K } from '../../reports/index.ts';
import { yearEndLoans } from '../../servicing/yearEndLoans.ts';
import { openStore, storeLocation } from '../../store/openStore.ts';
import { dealFilePath, namingDealFile } from './dealFile.ts';
import { cliAddress } from './close.action.ts';

/** Closes (or reuses) every date through the year's end, then renders the year's 10-K. */
export async function annualReport(options: {
  deal: string;
  year: number;
  db?: string;
  remittances?: string;
  format: 'text' | 'json' | 'csv';
  actor: string;
}): Promise<string> {
  const deal = resolveDeal(options.deal);
  if (options.year < parts(deal.firstDistributionDate).year) {
    throw new TrusteeError(
      'NO_DISTRIBUTION',
      `${deal.id} made no distributions in ${options.year}`,
      [
        {
          field: '--year',
          message: `the first distribution is ${deal.firstDistributionDate}`,
          expected: `a year from ${parts(deal.firstDistributionDate).year}`,
        },
      ],
    );
  }
  const store = await openStore(storeLocation(options.db));
  try {
    const yearEnd = fromParts(options.year, 12, 31);
    const closed = await closeThrough(store, deal, yearEnd, {
      actor: options.actor,
      address: cliAddress(),
      ...(options.remittances ? { remittanceDirectory: options.remittances } : {}),
      onDate: (date, outcome) =>
        process.stderr.write(`${outcome === 'closed' ? 'closed' : 'reused'} ${deal.id} ${date}\n`),
    }).catch((error: unknown) => {
      throw namingDealFile(error, dealFilePath(options.deal));
    });
    const inYear = closed.filter((c) => parts(c.record.distributionDate).year === options.year);
    const distributions = inYear.map((c) => c.record.distribution);
    const last = inYear.at(-1);
    if (!last)
      throw new TrusteeError(
        'NO_DISTRIBUTION',
        `${deal.id} made no distributions in ${options.year}`,
      );
    // "Next Rate": the index fixed for the period after the year's last distribution.
    const next = determineIndexRate(
      indexTableFor(deal),
      last.record.distributionDate,
      deal.index.businessDaysBefore,
    );
    // The 10-K's loan-level lists need the year's last report (none when it was a totals file).
    const loans = last.report
      ? yearEndLoans(closed[closed.indexOf(last) - 1]?.report, last.report)
      : {};
    // The year is reported with the terms its last date was closed with (an amendment may have
    // changed them since the deal file given was written, e.g. a class's margin: its next rate).
    const terms = await dealAsClosed(store, last.record);
    if (options.format !== 'text')
      return renderAnnualSummary(terms, distributions, next.rate, options.format, loans);
    return renderForm10K(terms, distributions, next.rate, loans);
  } finally {
    await store.close();
  }
}
