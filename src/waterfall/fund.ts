import type { Deal } from '../deal/deal.ts';
import type { Step } from '../deal/schema.ts';
import { allocate } from '../money/allocate.ts';
import { min, sub, type Cents } from '../money/cents.ts';
import type { Ledger } from './ledger.ts';

/** A pot of money a phase pays from: Interest Remittance, Principal Distribution, Excess. */
export interface Fund {
  readonly name: string;
  available: Cents;
  /** In a deal with loan groups, the index of the group whose fund this is. */
  readonly group?: number;
}

/**
 * The funds a step draws from. A deal of one pool has one fund a phase. With loan groups, the
 * interest and principal phases have a fund per group: a step draws from the group its `from`
 * names, or from each group's fund in turn (so that a class is paid from the first group's
 * remaining funds, then the next's: "from the Interest Remittance Amounts remaining").
 */
export function stepFunds(deal: Deal, step: Step, funds: readonly Fund[]): readonly Fund[] {
  if (funds.length === 1) return funds;
  const from = 'from' in step ? step.from : undefined;
  if (from === undefined) return funds;
  const index = deal.groups.findIndex((g) => g.name === from);
  // The loader checked that `from` names a group.
  return [funds[index]!];
}

/**
 * One fund per loan group, named `${name} (Group X)`: the amount split by the weights (each
 * group's share of the Principal Remittance Amount, say), by `allocate`'s rule.
 */
export function groupFunds(
  deal: Deal,
  name: string,
  amount: Cents,
  weights: readonly number[],
): Fund[] {
  const shares = amount === 0 ? weights.map(() => 0 as Cents) : allocate(amount, weights);
  return deal.groups.map((g, group) => ({
    name: `${name} (Group ${g.name})`,
    available: shares[group]!,
    group,
  }));
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
