import { add, cents, excess, scale, sub, type Cents } from '../money/cents.ts';
import { pay, type Fund, type Phase } from './fund.ts';
import type { Ledger } from './ledger.ts';

/** The reserve fund's target this date: its fixed amount, or its share of the ending pool. */
export function reserveFundTarget(ledger: Ledger): Cents {
  const target = ledger.deal.reserveFund!.target;
  return 'amount' in target ? target.amount : scale(ledger.endingPool, target.poolFraction);
}

/**
 * A deposit into the reserve fund from `fund`, up to the target; a balance above the target
 * (the target falls with the pool) is released into `fund`, to be paid on by the later steps
 * (the remainder to CE).
 */
export function reserveFundDeposit(ledger: Ledger, fund: Fund, phase: Phase): void {
  const reserve = ledger.reserveFund!;
  const target = reserveFundTarget(ledger);
  if (reserve.balance > target) {
    const release = cents(reserve.balance - target);
    reserve.balance = target;
    reserve.released = add(reserve.released, release);
    fund.available = add(fund.available, release);
    if (ledger.tracing) {
      ledger.note({
        phase,
        step: 'reserveFundRelease',
        from: 'Reserve Fund',
        amount: release,
        reason: `the reserve fund above its target ${(target / 100).toFixed(2)} is released`,
      });
    }
    return;
  }
  const amount = pay(
    ledger,
    fund,
    'Reserve Fund',
    excess(target, reserve.balance),
    'reserveFundDeposit',
    `deposit up to the reserve fund's target ${(target / 100).toFixed(2)}`,
    phase,
  );
  reserve.balance = add(reserve.balance, amount);
  reserve.deposited = add(reserve.deposited, amount);
}

/**
 * A draw on the reserve fund: `pay` runs the rule of the shortfall it covers (an interest step,
 * a realized loss reimbursement, the extra principal) on a fund holding the reserve's balance;
 * what it used leaves the reserve.
 */
export function reserveFundDraw(ledger: Ledger, pay: (reserveFund: Fund) => void): void {
  const reserve = ledger.reserveFund!;
  const drawn: Fund = { name: 'Reserve Fund', available: reserve.balance };
  pay(drawn);
  const used = sub(reserve.balance, drawn.available);
  reserve.balance = drawn.available;
  reserve.drawn = add(reserve.drawn, used);
}
