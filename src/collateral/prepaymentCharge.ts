import { excess, scale, ZERO, type Cents } from '../money/cents.ts';
import { addMonths, compare, type PlainDate } from '../money/plainDate.ts';
import { accrue } from '../money/rate.ts';
import type { Loan } from './loan.ts';

/**
 * The date a loan's prepayment charge stops applying: the term counted from origination,
 * taken as the month before the first payment (first payment 2002-03-01, 24 months ->
 * prepayments before 2004-02-01 are charged).
 */
export function prepaymentChargeExpiry(loan: Loan): PlainDate | undefined {
  const terms = loan.prepaymentCharge;
  return terms ? addMonths(loan.firstPaymentDate, terms.termMonths - 1) : undefined;
}

/**
 * The prepayment charge on `amountPrepaid` received on `date`. Six months' interest: 6 months
 * at the note rate on the amount above 20% of the original balance (the 20% a borrower may
 * prepay free each year; applied per prepayment here). Percent: the rate x the amount.
 */
export function prepaymentCharge(
  loan: Loan,
  amountPrepaid: Cents,
  rate: number,
  date: PlainDate,
): Cents {
  const terms = loan.prepaymentCharge;
  const expiry = prepaymentChargeExpiry(loan);
  if (!terms || !expiry || compare(date, expiry) >= 0) return ZERO;
  switch (terms.kind) {
    case 'six-months-interest':
      return accrue(excess(amountPrepaid, scale(loan.originalBalance, 0.2)), rate, 6, 12);
    case 'percent':
      return accrue(amountPrepaid, terms.rate, 1, 1);
  }
}
