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
 * The distribution whose collection period the loans start in: every loan current, next due on
 * that period's due date (the cut-off tape: distribution 1; the 2002-1 pool after April 2002,
 * deals/nchet-2002-1/tape-2002-04-25.csv, next due 2002-05-01: distribution 3).
 */
export function startingDistribution(deal: Deal, loans: readonly Loan[]): number {
  const due = loans[0]?.nextDueDate;
  const n = due === undefined ? 1 : monthsBetween(collectionMonth(deal, 1).dueDate, due) + 1;
  const start = collectionMonth(deal, Math.max(n, 1));
  const late = loans.filter((l) => l.nextDueDate !== start.dueDate);
  if (n < 1 || late.length > 0) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `the simulator starts from a current pool`,
      (late.length > 0 ? late : loans).slice(0, 10).map((l) => ({
        field: 'next_due_date',
        message: `loan ${l.id} is due ${l.nextDueDate}`,
        expected: `every loan due on one period's due date (${start.dueDate} for distribution ${start.distributionNumber}, ${start.distributionDate})`,
      })),
    );
  }
  return n;
}

/**
 * Simulates the servicer's remittance reports month by month from the loans given, through
 * distribution `through`: from the cut-off tape (distribution 1) or from a pool as of a later
 * date (a tape whose balances, remaining terms and next due dates are those after a
 * distribution; it starts with the next one, `startingDistribution`). Each loan draws its own
 * events from a stream seeded by `seed` and its id, so the same inputs give the same reports
 * (and one loan's draws do not shift another's). Every loan must be current at the start.
 */
export function simulateRemittances(
  deal: Deal,
  loans: readonly Loan[],
  assumptions: SimulationAssumptions,
  seed: number,
  through: number,
): SimulatedReport[] {
  const first = startingDistribution(deal, loans);
  const feeRate = servicingFeeRate(deal);
  const pool = loans.map((loan) => simulatedLoan(loan, seed));
  const reports: SimulatedReport[] = [];
  for (let n = first; n <= through; n += 1) {
    const month = collectionMonth(deal, n);
    const lines: RemittanceLine[] = [];
    for (const s of pool) {
      if (s.done) continue;
      const line = simulateLoanMonth(s, month, assumptions, feeRate);
      // A pool of loan groups: each line says its loan's group (the report's group column).
      lines.push(s.loan.group === undefined ? line : { ...line, group: s.loan.group });
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
