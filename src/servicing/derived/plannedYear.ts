import {
  cutoffPosition,
  nextInstallment,
  type LoanPosition,
} from '../../collateral/amortization.ts';
import type { Loan } from '../../collateral/loan.ts';
import type { Deal } from '../../deal/deal.ts';
import { cents, ZERO, type Cents } from '../../money/cents.ts';
import { addMonths } from '../../money/plainDate.ts';
import { arrearsMonth } from '../arrears.ts';
import { liquidationLine, paymentLine, payoffLine, scheduledLine } from '../loanMonth.ts';
import { collectionMonth, type CollectionMonth } from '../collectionMonth.ts';
import { delinquencyStatus } from '../delinquencyStatus.ts';
import { servicingFeeRate } from '../reconcileRemittance.ts';
import { cashRemitted } from '../rowKind.ts';
import type { RemittanceLine } from '../writeRemittance.ts';

/** What one loan does in one collection month of a planned year. */
export type PlannedEvent =
  /** Pays its installment, with a curtailment when given. */
  | { readonly kind: 'pay'; readonly curtailment?: Cents }
  /** Misses its installment (the servicer advances it). */
  | { readonly kind: 'miss' }
  /** Pays the oldest installment it owes and misses this one: stays as far behind. */
  | { readonly kind: 'stay' }
  /** Pays everything it owes. */
  | { readonly kind: 'cure' }
  /** Pays in full on `day` of the collection month. */
  | { readonly kind: 'payoff'; readonly day: number }
  /** Its property is sold: `loss` of the balance is not recovered. */
  | { readonly kind: 'liquidate'; readonly loss: Cents };

/**
 * One loan's plan: its event by distribution number (an installment paid when none is given),
 * the distribution from which it is in bankruptcy, foreclosure or REO (each until the next
 * begins), and the book value of its REO property.
 */
export interface LoanPlan {
  readonly events: ReadonlyMap<number, PlannedEvent>;
  readonly bankruptcyFrom?: number;
  readonly foreclosureFrom?: number;
  readonly reoFrom?: number;
  readonly reoBookValue?: Cents;
  /** Installments it is behind at the start (missed in the months before, each advanced). */
  readonly behindAtStart?: number;
}

/** Expenses of a liquidation besides the advances repaid: this share of the balance. */
const LIQUIDATION_EXPENSES = 0.06;

/** A loan as the plan runs it. */
interface PlannedLoan {
  readonly loan: Loan;
  readonly plan: LoanPlan | undefined;
  position: LoanPosition;
  arrears: { principal: Cents; interest: Cents }[];
  done: boolean;
}

function start(loan: Loan, plan: LoanPlan | undefined, indexRate: number): PlannedLoan {
  const position = cutoffPosition(loan);
  const behind = plan?.behindAtStart ?? 0;
  // The installments missed before the start, as the next one splits (their exact split is
  // not known from a tape); the loan's next due date is that many months back.
  const next = nextInstallment(loan, position, indexRate);
  const arrears = Array.from({ length: behind }, () => ({
    principal: next.principal,
    interest: next.interest,
  }));
  return { loan, plan, position, arrears, done: false };
}

function flags(plan: LoanPlan | undefined, n: number) {
  const from = (m: number | undefined) => m !== undefined && m <= n;
  const reo = from(plan?.reoFrom);
  const foreclosure = !reo && from(plan?.foreclosureFrom);
  const bankruptcy =
    !reo && !foreclosure && from(plan?.bankruptcyFrom) && !from(plan?.foreclosureFrom);
  return { reo, foreclosure, bankruptcy };
}

/** One loan's remittance line for one month of its plan. */
function plannedLine(
  s: PlannedLoan,
  n: number,
  month: CollectionMonth,
  feeRate: number,
  indexRate: number,
): RemittanceLine {
  const { loan } = s;
  const beginning = s.position.balance;
  const inst = nextInstallment(loan, s.position, indexRate);
  const event = s.plan?.events.get(n) ?? { kind: 'pay' };
  let line = scheduledLine(month, loan, beginning, inst, feeRate);
  const owed = cents(inst.principal + inst.interest);
  switch (event.kind) {
    case 'payoff':
      line = payoffLine(line, loan, month, event.day);
      break;
    case 'liquidate':
      line = liquidationLine(line, s, event.loss, LIQUIDATION_EXPENSES);
      break;
    case 'pay':
      line = paymentLine(line, loan, month, inst, event.curtailment ?? ZERO);
      break;
    case 'miss':
    case 'stay':
    case 'cure':
      line = arrearsMonth(event.kind, line, s, inst, owed);
      break;
  }
  s.position = { ...inst.after, balance: line.endingBalance };
  s.done = line.endingBalance === 0;
  if (!s.done) {
    const behind = s.arrears.length;
    const f = flags(s.plan, n);
    line = {
      ...line,
      // An REO property is the trust's: no borrower owes more than its stated balance.
      unpaidPrincipalBalance: flags(s.plan, n).reo
        ? line.endingBalance
        : cents(line.endingBalance + s.arrears.reduce((t, x) => t + x.principal, 0)),
      nextDueDate: addMonths(inst.after.nextDueDate, -behind),
      delinquencyMba: delinquencyStatus(behind, 'MBA'),
      delinquencyOts: delinquencyStatus(behind, 'OTS'),
      ...f,
      reoBookValue: f.reo ? (s.plan?.reoBookValue ?? ZERO) : ZERO,
    };
  }
  return { ...line, remitted: cashRemitted(line) };
}

/** The planned reports: one a distribution from `first` through `last`, loans in tape order. */
export function plannedReports(
  deal: Deal,
  loans: readonly Loan[],
  plans: ReadonlyMap<string, LoanPlan>,
  first: number,
  last: number,
  indexRate: number,
): { distributionNumber: number; lines: RemittanceLine[] }[] {
  const feeRate = servicingFeeRate(deal);
  const pool = loans.map((loan) => start(loan, plans.get(loan.id), indexRate));
  const reports: { distributionNumber: number; lines: RemittanceLine[] }[] = [];
  for (let n = first; n <= last; n += 1) {
    const month = collectionMonth(deal, n);
    const lines: RemittanceLine[] = [];
    for (const s of pool) if (!s.done) lines.push(plannedLine(s, n, month, feeRate, indexRate));
    reports.push({ distributionNumber: n, lines });
  }
  return reports;
}
