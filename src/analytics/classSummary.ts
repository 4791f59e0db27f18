import type { ClassCashFlows } from './cashFlows.ts';
import {
  discountMargin,
  modifiedDuration,
  throughLastPayment,
  yieldFromPrice,
} from './discount.ts';
import { epochDay, type PlainDate } from '../money/plainDate.ts';

/** What a class summary reports for one scenario. Money in cents; rates as decimals. */
export interface ClassSummary {
  readonly name: string;
  readonly startBalance: number;
  /** Percent of the balance (the notional, interest-only); undefined: quoted at no price. */
  readonly price: number | undefined;
  /** Weighted average life in years (actual/365 from settlement), undefined if no principal. */
  readonly wal: number | undefined;
  /** First and last dates principal is paid. */
  readonly windowStart: PlainDate | undefined;
  readonly windowEnd: PlainDate | undefined;
  readonly yield: number | undefined;
  readonly discountMargin: number | undefined;
  readonly modifiedDuration: number | undefined;
  readonly interest: number;
  readonly principal: number;
  /**
   * Applied Realized Loss Amounts, what was reimbursed, and the principal lost for good: net
   * writedowns, plus the balance still unpaid when the pool is gone (class A is never written
   * down; it loses what the pool could not pay).
   */
  readonly writedown: number;
  readonly reimbursed: number;
  readonly principalLoss: number;
  /** Principal loss as a fraction of the settlement balance. */
  readonly lossFraction: number;
  readonly endingBalance: number;
}

/** Weighted average life and principal window of a class. */
export function averageLife(flows: ClassCashFlows): {
  wal: number | undefined;
  windowStart: PlainDate | undefined;
  windowEnd: PlainDate | undefined;
} {
  // Years from settlement only for the dates that pay principal (the others weigh nothing).
  const start = epochDay(flows.settlement);
  let weighted = 0;
  let total = 0;
  let first: PlainDate | undefined;
  let last: PlainDate | undefined;
  for (let k = 0; k < flows.principal.length; k++) {
    const p = flows.principal[k]!;
    if (p <= 0) continue;
    const date = flows.dates[k]!;
    weighted += p * ((epochDay(date) - start) / 365);
    total += p;
    first ??= date;
    last = date;
  }
  return { wal: total > 0 ? weighted / total : undefined, windowStart: first, windowEnd: last };
}

function sum(xs: readonly number[]): number {
  let total = 0;
  for (let k = 0; k < xs.length; k++) total += xs[k]!;
  return total;
}

/** An interest-only class's flows with its notional's run-off (each date's fall) as principal. */
function notionalRunOff(flows: ClassCashFlows): ClassCashFlows {
  let before = flows.startBalance;
  const principal = flows.endingBalance.map((after) => {
    const fall = Math.max(0, before - after);
    before = after;
    return fall;
  });
  return { ...flows, principal };
}

/**
 * The class summary at a price (percent of the settlement balance). `poolGone`: the run ended
 * with no collateral left (paid off, liquidated or called), so an unpaid balance is a loss.
 */
export function classSummary(
  flows: ClassCashFlows,
  price: number | undefined,
  poolGone = true,
  interestOnly = false,
): ClassSummary {
  const priced = price === undefined ? flows : throughLastPayment(flows);
  const y = price === undefined ? undefined : yieldFromPrice(priced, price);
  // An interest-only class has no principal: its average life is its notional's, which only
  // runs down (`notionalRunOff`), and it has nothing to lose but interest.
  const life = averageLife(interestOnly ? notionalRunOff(flows) : flows);
  const writedown = sum(flows.writedown);
  const reimbursed = sum(flows.reimbursed);
  const endingBalance = flows.endingBalance[flows.endingBalance.length - 1] ?? flows.startBalance;
  // A notional left when the pool is gone is no loss: the class had no principal.
  const principalLoss = interestOnly
    ? 0
    : Math.max(0, writedown - reimbursed) + (poolGone ? endingBalance : 0);
  return {
    name: flows.name,
    startBalance: flows.startBalance,
    price,
    ...life,
    yield: y,
    discountMargin: price === undefined ? undefined : discountMargin(priced, price),
    modifiedDuration: y === undefined ? undefined : modifiedDuration(priced, y),
    interest: sum(flows.interest),
    principal: sum(flows.principal),
    writedown,
    reimbursed,
    principalLoss,
    lossFraction: flows.startBalance > 0 ? principalLoss / flows.startBalance : 0,
    endingBalance,
  };
}
