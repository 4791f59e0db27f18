import type { Loan } from '../../collateral/loan.ts';
import { monthsBetween } from '../../collateral/months.ts';
import type { Deal } from '../../deal/deal.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { parts, type PlainDate } from '../../money/plainDate.ts';
import { collectionMonth } from '../collectionMonth.ts';
import { servicingFeeRate } from '../reconcileRemittance.ts';
import type { RemittanceLine } from '../writeRemittance.ts';
import type { SimulationAssumptions } from './assumptions.ts';
import { simulatedLoan, simulateLoanMonth } from './simulatedLoan.ts';

/** One simulated remittance report: its distribution date and loan lines in tape order. */
export interface SimulatedReport {
  readonly distributionNumber: number;
  readonly distributionDate: PlainDate;
  readonly lines: readonly RemittanceLine[];
}

/**
 * Simulates the servicer's remittance reports for distributions 1..`through`, month by month
 * from the cut-off tape: each loan draws its own events from a stream seeded by `seed` and its
 * id, so the same inputs give the same reports (and one loan's draws do not shift another's).
 * Every loan must be current at the cut-off: its next due date is the first period's.
 */
export function simulateRemittances(
  deal: Deal,
  loans: readonly Loan[],
  assumptions: SimulationAssumptions,
  seed: number,
  through: number,
): SimulatedReport[] {
  const first = collectionMonth(deal, 1);
  const late = loans.filter((l) => monthsBetween(l.nextDueDate, first.dueDate) !== 0);
  if (late.length > 0) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `the simulator starts from a current pool`,
      late.slice(0, 10).map((l) => ({
        field: 'next_due_date',
        message: `loan ${l.id} is due ${l.nextDueDate}`,
        expected: `the first period's due date ${first.dueDate}`,
      })),
    );
  }
  const feeRate = servicingFeeRate(deal);
  const pool = loans.map((loan) => simulatedLoan(loan, seed));
  const reports: SimulatedReport[] = [];
  for (let n = 1; n <= through; n += 1) {
    const month = collectionMonth(deal, n);
    const lines: RemittanceLine[] = [];
    for (const s of pool) {
      if (!s.done) lines.push(simulateLoanMonth(s, month, assumptions, feeRate));
    }
    if (lines.length === 0) break; // every loan has left the pool
    reports.push({ distributionNumber: n, distributionDate: month.distributionDate, lines });
  }
  return reports;
}

/** The distribution numbers whose dates fall in `year` (2002 for 2002-1: 1..10). */
export function distributionsInYear(deal: Deal, year: number): { first: number; last: number } {
  const start = parts(deal.firstDistributionDate);
  const first = Math.max(1, (year - start.year) * 12 - start.month + 2);
  const last = (year - start.year) * 12 + (12 - start.month) + 1;
  if (last < 1) {
    throw new TrusteeError('INVALID_INPUT', `${deal.id} has no distribution in ${year}`, [
      {
        field: 'year',
        message: `the first distribution is ${deal.firstDistributionDate}`,
        expected: `${start.year} or later`,
        got: year,
      },
    ]);
  }
  return { first, last };
}
