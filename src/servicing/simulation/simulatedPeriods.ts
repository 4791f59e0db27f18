import type { Loan } from '../../collateral/loan.ts';
import type { Deal } from '../../deal/deal.ts';
import type { CollectionPeriod } from '../../trust/types.ts';
import { collectionPeriodFromRemittance } from '../collectionPeriodFromRemittance.ts';
import { positionsAfter, positionsFromTape, type PoolPositions } from '../poolPositions.ts';
import { remittanceFromLines } from '../remittanceFromLines.ts';
import type { RemittanceFile } from '../remittanceRow.ts';
import type { SimulationAssumptions } from './assumptions.ts';
import { simulateRemittances, startingDistribution } from './simulateRemittances.ts';

/** One simulated month: the servicer's report as if read from its file, and its period. */
export interface SimulatedPeriod {
  readonly report: RemittanceFile;
  readonly period: CollectionPeriod;
}

/**
 * The servicer's reports of `months` distribution dates simulated from the loans (the
 * simulator of `trustee simulate`), each reconciled and turned into its collection period as
 * an uploaded report is (collectionPeriodFromRemittance), each month from the loans' positions
 * after the one before. The same inputs give the same reports.
 */
export function simulatedPeriods(
  deal: Deal,
  loans: readonly Loan[],
  assumptions: SimulationAssumptions,
  seed: number,
  months: number,
): SimulatedPeriod[] {
  const first = startingDistribution(deal, loans);
  let previous: PoolPositions = positionsFromTape(loans);
  return simulateRemittances(deal, loans, assumptions, seed, first + months - 1).map((r) => {
    const report = remittanceFromLines(`${r.distributionDate}.csv`, r.distributionDate, r.lines);
    const period = collectionPeriodFromRemittance(deal, previous, report);
    previous = positionsAfter(report.rows);
    return { report, period };
  });
}
