import type { CapAgreement, SwapAgreement } from '../deal/deal.ts';
import { cents, excess, min, ZERO, type Cents } from '../money/cents.ts';
import { periodAccrual, type DayCount } from '../money/dayCount.ts';
import { accrue } from '../money/rate.ts';
import { pay, type Fund, type Phase } from './fund.ts';
import type { Ledger } from './ledger.ts';
import { notionalFor } from './scheduleEntry.ts';

/** The supplemental interest trust's figures of a distribution date. */
export interface SupplementalAmounts {
  readonly swapNotional: Cents;
  /** What the trust owes on the fixed leg: notional x fixed rate on its day count. */
  readonly swapFixed: Cents;
  /** What the counterparty owes on the floating leg: notional x the index on its day count. */
  readonly swapFloating: Cents;
  /** Net Swap Payment: the fixed leg less the floating leg, when the trust owes it. */
  readonly netSwapPayment: Cents;
  /** Net Swap Receipt: the floating leg less the fixed leg, when the counterparty owes it. */
  readonly netSwapReceipt: Cents;
  readonly capNotional: Cents;
  /** Cap payment: notional x (index - strike), when positive, on the cap's day count. */
  readonly capReceipt: Cents;
  /** On the date the swap is terminated: the termination payment the trust owes... */
  readonly swapTerminationPayment: Cents;
  /** ...or the one the counterparty owes the trust (a receipt of the supplemental trust). */
  readonly swapTerminationReceipt: Cents;
}

/**
 * The swap's two legs and their net, and the cap's payment, for distribution n at the period's
 * index fixing, each leg rounded to the cent once. Example (../shared/STRUCTURES.md):
 * 500,000,000 at 5.00% 30/360 = 2,083,333.33 paid; 1-month LIBOR 5.32% over 31 days ACT/360 =
 * 2,290,555.56 received; a Net Swap Receipt of 207,222.23.
 */
export function supplementalAmounts(
  swap: SwapAgreement | undefined,
  cap: CapAgreement | undefined,
  n: number,
  indexRate: number,
  accrualDays: number,
): SupplementalAmounts {
  const leg = (notional: Cents, rate: number, dayCount: DayCount): Cents => {
    const { days, basis } = periodAccrual(dayCount, accrualDays);
    return accrue(notional, rate, days, basis);
  };
  // After an early termination the swap has no legs; on its date the payment changes hands.
  const termination = swap?.termination;
  const ended = termination !== undefined && n > termination.distribution;
  const terminatedNow = termination !== undefined && n === termination.distribution;
  const swapNotional = swap && !ended ? notionalFor(swap.notional, n) : ZERO;
  const swapFixed = swap ? leg(swapNotional, swap.fixedRate, swap.fixedDayCount) : ZERO;
  const swapFloating = swap ? leg(swapNotional, indexRate, swap.floatingDayCount) : ZERO;
  const capNotional = cap ? notionalFor(cap.notional, n) : ZERO;
  const capReceipt =
    cap && indexRate > cap.strike ? leg(capNotional, indexRate - cap.strike, cap.dayCount) : ZERO;
  return {
    swapNotional,
    swapFixed,
    swapFloating,
    netSwapPayment: excess(swapFixed, swapFloating),
    netSwapReceipt: excess(swapFloating, swapFixed),
    capNotional,
    capReceipt,
    swapTerminationPayment:
      terminatedNow && termination.owedBy === 'trust' ? termination.amount : ZERO,
    swapTerminationReceipt:
      terminatedNow && termination.owedBy === 'counterparty' ? termination.amount : ZERO,
  };
}

/**
 * The swap termination payment step: the payment the trust owes, when the termination was
 * caused by the party the step names (the agreement pays a payment for the counterparty's
 * default after the certificates, any other senior to them); nothing for another cause.
 */
export function paySwapTerminationPayment(
  ledger: Ledger,
  fund: Fund,
  causedBy: 'trust' | 'counterparty',
  phase: Phase,
): void {
  if (ledger.deal.swap?.termination?.causedBy !== causedBy) return;
  const amount = pay(
    ledger,
    fund,
    ledger.deal.swap.counterparty,
    excess(ledger.swapTerminationDue, ledger.swapTerminationPaid),
    'swapTerminationPayment',
    causedBy === 'counterparty'
      ? "swap termination payment, the counterparty's default: after the certificates"
      : 'swap termination payment, senior to the certificates',
    phase,
  );
  ledger.swapTerminationPaid = cents(ledger.swapTerminationPaid + amount);
}

/**
 * The Net Swap Payment step: what the trust still owes the counterparty, from the fund. With
 * loan groups each group's fund pays its part (the payment split by the groups' beginning
 * balances), as the agreement takes it from each group's Interest Remittance Amount.
 */
export function payNetSwapPayment(ledger: Ledger, fund: Fund, phase: Phase): void {
  const part = fund.group !== undefined ? ledger.netSwapPaymentParts?.[fund.group] : undefined;
  const due = excess(ledger.netSwapPaymentDue, ledger.netSwapPaymentPaid);
  const amount = pay(
    ledger,
    fund,
    ledger.deal.swap?.counterparty ?? 'swap counterparty',
    part ? min(due, excess(part.due, part.paid)) : due,
    'netSwapPayment',
    'Net Swap Payment owed to the swap counterparty',
    phase,
  );
  ledger.netSwapPaymentPaid = cents(ledger.netSwapPaymentPaid + amount);
  if (part) part.paid = cents(part.paid + amount);
}
