import { min, sub, type Cents } from '../money/cents.ts';
import type { Ledger } from './ledger.ts';

/** A pot of money a phase pays from: Interest Remittance, Principal Distribution, Excess. */
export interface Fund {
  readonly name: string;
  available: Cents;
}

/** The phase of the priorities of payment a payment is made in (the trace's phase). */
export type Phase = 'interest' | 'principal' | 'excess' | 'supplemental';

/**
 * Pays `due` (or what the fund has, if less) from the fund to `to`, and traces it with the rule
 * and, when the fund falls short, by how much. Returns the amount paid.
 */
export function pay(
  ledger: Ledger,
  fund: Fund,
  to: string,
  due: Cents,
  step: string,
  reason: string,
  phase: Phase,
): Cents {
  const amount = min(fund.available, due);
  fund.available = sub(fund.available, amount);
  if (due > 0 && ledger.tracing) {
    ledger.note({
      phase,
      step,
      from: fund.name,
      to,
      amount,
      reason:
        amount < due ? `${reason}; fund short by ${((due - amount) / 100).toFixed(2)}` : reason,
      inputs: { due, available: amount + fund.available },
    });
  }
  return amount;
}
