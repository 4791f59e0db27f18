import type { Loan } from '../collateral/loan.ts';
import { dealsDirectory, indexTableFor } from '../deal/builtIn.ts';
import type { Deal } from '../deal/deal.ts';
import { determineIndexRate } from '../deal/indexRates.ts';
import { distributionDate } from '../deal/schedule.ts';
import { annualSummary } from '../reports/annualSummary.ts';
import type { AnnualSummaryModel } from '../reports/annualTypes.ts';
import { distribute } from '../waterfall/distribute.ts';
import { initialState } from '../waterfall/initialState.ts';
import type { Distribution } from '../waterfall/types.ts';
import { collectionPeriodFromRemittance } from '../servicing/collectionPeriodFromRemittance.ts';
import { readPeriodTotalsFile } from '../servicing/periodTotalsFile.ts';
import {
  positionsAfter,
  positionsFromTape,
  type PoolPositions,
} from '../servicing/poolPositions.ts';
import { remittanceFromLines } from '../servicing/remittanceFromLines.ts';
import type { RemittanceLine } from '../servicing/writeRemittance.ts';

/**
 * A year's distributions as `trustee annual` closes them: the deal's totals files for the
 * dates before the reports, then each report (reconciled, turned into its period) through the
 * one waterfall; with the annual summary of the year.
 */
export function yearFigures(
  deal: Deal,
  loans: readonly Loan[],
  reports: readonly { distributionNumber: number; lines: readonly RemittanceLine[] }[],
): { distributions: Distribution[]; summary: AnnualSummaryModel } {
  const table = indexTableFor(deal);
  let state = initialState(deal);
  const distributions: Distribution[] = [];
  const first = reports[0]?.distributionNumber ?? 1;
  const run = (period: Parameters<typeof distribute>[2]) => {
    const fixing = determineIndexRate(table, state.lastDate, deal.index.businessDaysBefore);
    const result = distribute(deal, state, period, fixing);
    distributions.push(result.distribution);
    state = result.state;
  };
  for (let n = 1; n < first; n += 1) {
    const date = distributionDate(deal, n);
    run(readPeriodTotalsFile(`${dealsDirectory}${deal.id}/periods/${date}.json`));
  }
  let previous: PoolPositions = positionsFromTape(loans);
  for (const r of reports) {
    const file = remittanceFromLines(
      `${distributionDate(deal, r.distributionNumber)}.csv`,
      distributionDate(deal, r.distributionNumber),
      r.lines,
    );
    run(collectionPeriodFromRemittance(deal, previous, file));
    previous = positionsAfter(file.rows);
  }
  const next = determineIndexRate(table, state.lastDate, deal.index.businessDaysBefore);
  return { distributions, summary: annualSummary(deal, distributions, next.rate) };
}
