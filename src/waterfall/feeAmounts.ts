import type { Deal, Fee } from '../deal/deal.ts';
import type { Step } from '../deal/schema.ts';
import type { AccrualPeriod } from '../deal/schedule.ts';
import { allocate } from '../money/allocate.ts';
import { cents, excess, min, ZERO, type Cents } from '../money/cents.ts';
import { periodAccrual, type DayCount } from '../money/dayCount.ts';
import { accrue } from '../money/rate.ts';
import type { GroupCollections } from '../trust/types.ts';
import { pay, type Fund, type Phase } from './fund.ts';
import type { Ledger } from './ledger.ts';
import type { CollectionPeriod } from './types.ts';

/**
 * Each fee due for the period, rounded to the cent once: a rate on the beginning pool balance,
 * 30/360 (one month) or actual/360 (the accrual period's days); a fixed monthly amount; or a
 * one-off amount on its distribution date (nothing on the others). April 2002: servicing fee
 * 198,112,844.14 x 0.50% / 12 = 82,547.02.
 */
export function feeAmounts(
  deal: Deal,
  period: CollectionPeriod,
  accrual: AccrualPeriod,
  distributionNumber: number,
): Map<string, Cents> {
  const amounts = new Map<string, Cents>();
  for (const fee of deal.fees) {
    amounts.set(
      fee.name,
      fee.kind === 'rate'
        ? rateFee(period.beginningPoolBalance, fee.rate, fee.dayCount, accrual.days)
        : fixedAmount(fee, distributionNumber),
    );
  }
  return amounts;
}

/**
 * Deals with loan groups: each fee's part for each group, each rounded once. A rate fee is the
 * rate on the group's own beginning balance (the agreement computes it on each loan, so each
 * group's Interest Remittance Amount is net of its own loans' fee); a fixed amount is split by
 * the groups' beginning balances. A fee's amount due is the sum of its parts.
 */
export function feeParts(
  deal: Deal,
  groups: readonly GroupCollections[],
  accrual: AccrualPeriod,
  distributionNumber: number,
): Map<string, Cents[]> {
  const balances = groups.map((g) => g.beginningPoolBalance);
  const weights = balances.some((b) => b > 0) ? balances : balances.map(() => 1);
  return new Map(
    deal.fees.map((fee) => [
      fee.name,
      fee.kind === 'rate'
        ? groups.map((g) => rateFee(g.beginningPoolBalance, fee.rate, fee.dayCount, accrual.days))
        : allocate(fixedAmount(fee, distributionNumber), weights),
    ]),
  );
}

/** A fixed monthly fee's amount, or a one-off fee's on its distribution date (else nothing). */
function fixedAmount(fee: Fee, distributionNumber: number): Cents {
  if (fee.kind === 'monthly') return fee.amount;
  if (fee.kind === 'once' && fee.distribution === distributionNumber) return fee.amount;
  return ZERO;
}

/**
 * A fee step: what is still due of the fee, from the fund. In a deal with loan groups a step
 * without `from` pays each group's part from that group's fund; one with `from` pays what is
 * left of every part from the group it names.
 */
export function payFee(
  ledger: Ledger,
  fund: Fund,
  step: Extract<Step, { kind: 'fee' }>,
  phase: Phase,
): void {
  const fee = ledger.fees.get(step.fee);
  if (!fee) throw new Error(`internal: fee ${step.fee} missing`);
  const payee = ledger.deal.fees.find((f) => f.name === step.fee)?.payee ?? step.fee;
  const parts = ledger.feeParts?.get(step.fee);
  const own = parts !== undefined && fund.group !== undefined && step.from === undefined;
  const part = own ? parts[fund.group!]! : undefined;
  const due = part
    ? min(excess(part.due, part.paid), excess(fee.due, fee.paid))
    : excess(fee.due, fee.paid);
  const reason = ledger.tracing ? `${step.fee} fee` : '';
  const amount = pay(ledger, fund, payee, due, 'fee', reason, phase);
  fee.paid = cents(fee.paid + amount);
  if (part) {
    part.paid = cents(part.paid + amount);
  } else if (parts) {
    // Paid for every group: the parts in order, the fund's own group's first.
    let left = amount;
    const order =
      fund.group === undefined
        ? parts
        : [parts[fund.group]!, ...parts.filter((_, i) => i !== fund.group)];
    for (const p of order) {
      const share = min(left, excess(p.due, p.paid));
      p.paid = cents(p.paid + share);
      left = cents(left - share);
    }
  }
}

/** A fee at a rate on the pool for one period on its day count (30/360: one month). */
function rateFee(pool: Cents, rate: number, dayCount: DayCount, actualDays: number): Cents {
  const { days, basis } = periodAccrual(dayCount, actualDays);
  return accrue(pool, rate, days, basis);
}
