import {
  cutoffPosition,
  nextInstallment,
  type LoanPosition,
} from '../../collateral/amortization.ts';
import type { Loan } from '../../collateral/loan.ts';
import { monthsBetween } from '../../collateral/months.ts';
import { createPrng, hashString, type Prng } from '../../collateral/prng.ts';
import { cents, roundHalfUp, sub, ZERO, type Cents } from '../../money/cents.ts';
import { addMonths, daysInMonth, parts } from '../../money/plainDate.ts';
import { arrearsMonth } from '../arrears.ts';
import { liquidationLine, paymentLine, payoffLine, scheduledLine } from '../loanMonth.ts';
import type { CollectionMonth } from '../collectionMonth.ts';
import { delinquencyStatus } from '../delinquencyStatus.ts';
import { cashRemitted } from '../rowKind.ts';
import type { RemittanceLine } from '../writeRemittance.ts';
import { monthly, type SimulationAssumptions } from './assumptions.ts';

/**
 * One loan's life in the simulator. Mutable on purpose: the month loop updates it in place
 * (one object a loan, no allocation a loan-month beyond its report line).
 */
export interface SimulatedLoan {
  readonly loan: Loan;
  readonly rng: Prng;
  position: LoanPosition;
  /** Installments the borrower has not paid (each advanced by the servicer), oldest first. */
  arrears: { principal: Cents; interest: Cents }[];
  defaulting: boolean;
  foreclosure: boolean;
  bankruptcy: boolean;
  reo: boolean;
  severity: number;
  reoBookValue: Cents;
  done: boolean;
}

export function simulatedLoan(loan: Loan, seed: number): SimulatedLoan {
  return {
    loan,
    rng: createPrng((Math.imul(seed, 0x9e3779b1) + hashString(loan.id)) >>> 0),
    position: cutoffPosition(loan),
    arrears: [],
    defaulting: false,
    foreclosure: false,
    bankruptcy: false,
    reo: false,
    severity: 0,
    reoBookValue: ZERO,
    done: false,
  };
}

type Event = 'pay' | 'miss' | 'stay' | 'cure' | 'payoff' | 'liquidate';

/** Monthly prepayment probability of a loan of `age` installments at `rate`. */
function smm(a: SimulationAssumptions, loan: Loan, age: number, rate: number): number {
  const p = a.prepayment;
  if (p.kind === 'flat') return monthly(p.cpr);
  const cpr = p.start + ((p.peak - p.start) * Math.min(age, p.rampMonths)) / p.rampMonths;
  const incentive = Math.max(0, 1 + (p.rateSensitivity * (rate - 0.0866)) / 0.01);
  return monthly(cpr * (loan.arm ? 1 : p.fixedMultiplier) * incentive);
}

/** Draws what happens to the loan this month and moves its delinquency state. */
function drawEvent(s: SimulatedLoan, a: SimulationAssumptions, age: number, rate: number): Event {
  const { rng } = s;
  const behind = s.arrears.length;
  if (s.reo) return rng.chance(a.reoToLiquidation) ? 'liquidate' : 'miss';
  if (s.foreclosure) {
    if (rng.chance(a.foreclosureToReo)) {
      s.foreclosure = false;
      s.reo = true;
      s.severity = Math.min(Math.max(rng.normal(a.severity, a.severitySpread), 0.05), 0.95);
      s.reoBookValue = roundHalfUp(
        s.position.balance * (1 - s.severity + a.liquidationExpenseShare),
      );
    }
    return 'miss';
  }
  if (s.bankruptcy) {
    if (rng.chance(a.bankruptcyToForeclosure)) {
      s.bankruptcy = false;
      s.foreclosure = true;
    }
    return 'miss';
  }
  if (behind === 0) {
    if (rng.chance(smm(a, s.loan, age, rate))) return 'payoff';
    if (rng.chance(monthly(a.cdr))) s.defaulting = true;
    else if (!rng.chance(a.delinquency.miss)) return 'pay';
    return 'miss';
  }
  if (!s.defaulting) {
    const i = Math.min(behind, 3) - 1;
    const u = rng.next();
    const cure = a.delinquency.cure[i] ?? 0;
    if (u < cure) return 'cure';
    if (u < cure + (a.delinquency.stay[i] ?? 0)) return 'stay';
  }
  // Rolls one more installment behind: may file for bankruptcy (60+) or go to foreclosure (90+).
  if (behind + 1 >= 2 && rng.chance(a.bankruptcyFiling)) s.bankruptcy = true;
  else if (behind + 1 >= 3 && rng.chance(a.foreclosureReferral)) {
    s.foreclosure = true;
    s.defaulting = true;
  }
  return 'miss';
}

/**
 * Simulates one collection month of one loan and returns its remittance line: the scheduled
 * installment (paid, missed and advanced, paid with arrears), a curtailment, a payoff with
 * its interest to the payoff date and prepayment charge, or a liquidation of REO.
 */
export function simulateLoanMonth(
  s: SimulatedLoan,
  month: CollectionMonth,
  a: SimulationAssumptions,
  servicingFeeRate: number,
): RemittanceLine {
  const { loan, rng } = s;
  const beginning = s.position.balance;
  const inst = nextInstallment(loan, s.position, a.indexRate);
  const rate = inst.rate;
  const age = monthsBetween(loan.firstPaymentDate, inst.dueDate);
  const event = drawEvent(s, a, age, rate);
  let line = scheduledLine(month, loan, beginning, inst, servicingFeeRate);
  const owed = cents(inst.principal + inst.interest);
  switch (event) {
    case 'payoff': {
      const { year, month: m } = parts(month.start);
      line = payoffLine(line, loan, month, rng.int(1, daysInMonth(year, m)));
      break;
    }
    case 'liquidate': {
      const loss = sub(beginning, roundHalfUp(beginning * (1 - s.severity)));
      line = liquidationLine(line, s, loss, a.liquidationExpenseShare);
      break;
    }
    case 'pay': {
      let curtailment = ZERO;
      if (inst.after.balance > 0 && rng.chance(a.curtailment.chance)) {
        const amount =
          Math.round(Math.exp(rng.normal(Math.log(a.curtailment.medianCents), 0.9)) / 1000) * 1000;
        if (amount > 0 && amount < inst.after.balance) curtailment = cents(amount);
      }
      line = paymentLine(line, loan, month, inst, curtailment);
      break;
    }
    case 'miss':
    case 'stay':
    case 'cure':
      line = arrearsMonth(event, line, s, inst, owed);
      if (event === 'cure') s.defaulting = false;
      break;
  }
  s.position = { ...inst.after, balance: line.endingBalance };
  s.done = line.endingBalance === 0;
  if (!s.done) {
    const behind = s.arrears.length;
    line = {
      ...line,
      unpaidPrincipalBalance: cents(
        line.endingBalance + s.arrears.reduce((t, x) => t + x.principal, 0),
      ),
      nextDueDate: addMonths(inst.after.nextDueDate, -behind),
      delinquencyMba: delinquencyStatus(behind, 'MBA'),
      delinquencyOts: delinquencyStatus(behind, 'OTS'),
      foreclosure: s.foreclosure,
      bankruptcy: s.bankruptcy,
      reo: s.reo,
      reoBookValue: s.reo ? s.reoBookValue : ZERO,
    };
  }
  return { ...line, remitted: cashRemitted(line) };
}
