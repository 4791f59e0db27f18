import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cents } from '../money/cents.ts';
import { blankLine } from './blankLine.ts';
import { plainDate } from '../money/plainDate.ts';
import type { PoolPositions } from './poolPositions.ts';
import { writeRemittance, type RemittanceLine } from './writeRemittance.ts';

/** Test fixture: a four-loan remittance report for 2002-03-25 whose figures are hand-computed. */
export const date = plainDate('2002-03-25'); // collection period February 2002, installment due 2002-03-01
const due = plainDate('2002-03-01');

const blank = (loanId: string, beginning: number, rate: number): RemittanceLine =>
  blankLine(date, loanId, cents(beginning), rate);

/** Four loans, every figure computed by hand (servicing fee 0.50% / 12 on the beginning balance). */
export const handLines: RemittanceLine[] = [
  // Pays its installment: 100,000 at 8%: 733.76 = 67.09 principal + 666.67 interest.
  {
    ...blank('F1', 10_000_000, 0.08),
    scheduledPayment: cents(73_376),
    scheduledPrincipal: cents(6_709),
    scheduledInterest: cents(66_667),
    actualPrincipal: cents(6_709),
    actualInterest: cents(66_667),
    servicingFee: cents(4_167),
    remitted: cents(73_376 - 4_167),
    endingBalance: cents(9_993_291),
    unpaidPrincipalBalance: cents(9_993_291),
    remainingTerm: 359,
    nextDueDate: plainDate('2002-04-01'),
    delinquencyMba: 'current',
    delinquencyOts: 'current',
  },
  // Pays off on Feb 16: interest 200,000 x 8.5% x 15/360 = 708.33 of a month's 1,416.67;
  // charge 6 months' interest on 160,000 (above 20% of 200,000) = 6,800.00.
  {
    ...blank('A1', 20_000_000, 0.085),
    scheduledInterest: cents(141_667),
    actualInterest: cents(70_833),
    payoff: cents(20_000_000),
    payoffDate: plainDate('2002-02-16'),
    prepaymentCharge: cents(680_000),
    servicingFee: cents(8_333),
    remitted: cents(20_000_000 + 70_833 + 680_000 - 8_333),
  },
  // Misses the installment due March 1 (1,206.93 = 81.93 + 1,125.00): the servicer advances it.
  {
    ...blank('D1', 15_000_000, 0.09),
    scheduledPayment: cents(120_693),
    scheduledPrincipal: cents(8_193),
    scheduledInterest: cents(112_500),
    piAdvance: cents(120_693),
    servicingFee: cents(6_250),
    remitted: cents(120_693 - 6_250),
    endingBalance: cents(14_991_807),
    unpaidPrincipalBalance: cents(15_000_000),
    remainingTerm: 359,
    nextDueDate: due,
    delinquencyMba: '30',
    delinquencyOts: 'current',
  },
  // Liquidated: proceeds 70,000 less expenses 10,000 = 60,000 net; loss 40,000 (severity 40%).
  {
    ...blank('L1', 10_000_000, 0.1),
    scheduledInterest: cents(83_333),
    liquidationProceeds: cents(7_000_000),
    liquidationExpenses: cents(1_000_000),
    realizedLoss: cents(4_000_000),
    servicingFee: cents(4_167),
    remitted: cents(6_000_000 - 4_167),
  },
];

export const handPositions: PoolPositions = new Map([
  ['F1', { balance: cents(10_000_000), remainingTerm: 360, nextDueDate: due }],
  ['A1', { balance: cents(20_000_000), remainingTerm: 360, nextDueDate: due }],
  ['D1', { balance: cents(15_000_000), remainingTerm: 360, nextDueDate: due }],
  ['L1', { balance: cents(10_000_000), remainingTerm: 360, nextDueDate: due }],
]);

const dir = mkdtempSync(join(tmpdir(), 'remittance-'));
export function writeHandFile(name: string, text = writeRemittance(date, handLines)): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
