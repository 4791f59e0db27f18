import { epochDay, type PlainDate } from '../money/plainDate.ts';
import type { Distribution } from '../waterfall/types.ts';

/** One class's cash flows by distribution date (cents), with what the discounting needs. */
export interface ClassCashFlows {
  readonly name: string;
  readonly settlement: PlainDate;
  /** The class balance at settlement (the face that prices are quoted on). */
  readonly startBalance: number;
  readonly dates: readonly PlainDate[];
  /** Actual days of each accrual period (the first from settlement). */
  readonly accrualDays: readonly number[];
  /** The certificates' index fixing of each period (decimal). */
  readonly indexRates: readonly number[];
  readonly interest: readonly number[];
  readonly principal: readonly number[];
  /** Net WAC Rate Carryover and realized-loss reimbursements paid. */
  readonly other: readonly number[];
  /** Of which realized-loss reimbursements. */
  readonly reimbursed: readonly number[];
  /** Applied Realized Loss Amounts (writedowns). */
  readonly writedown: readonly number[];
  readonly endingBalance: readonly number[];
  /** Everything paid: interest + principal + other. */
  readonly total: readonly number[];
}

/**
 * A class's cash flows from a run's distributions. Settlement is the date the projection starts
 * (the last distribution date before it), so there is no accrued interest: the class is bought
 * right after a distribution and receives every later one.
 */
export function classCashFlows(
  distributions: readonly Distribution[],
  name: string,
  settlement: PlainDate,
  startBalance: number,
): ClassCashFlows {
  const flows = {
    dates: [] as PlainDate[],
    accrualDays: [] as number[],
    indexRates: [] as number[],
    interest: [] as number[],
    principal: [] as number[],
    other: [] as number[],
    reimbursed: [] as number[],
    writedown: [] as number[],
    endingBalance: [] as number[],
    total: [] as number[],
  };
  for (const d of distributions) {
    const c = d.classes.find((x) => x.name === name);
    if (!c) continue;
    const other = c.netWacCarryoverPaid + c.realizedLossReimbursed;
    flows.dates.push(d.distributionDate);
    flows.accrualDays.push(d.accrualDays);
    flows.indexRates.push(d.indexRate);
    flows.interest.push(c.interestPaid);
    flows.principal.push(c.principalPaid);
    flows.other.push(other);
    flows.reimbursed.push(c.realizedLossReimbursed);
    flows.writedown.push(c.realizedLoss);
    flows.endingBalance.push(c.endingBalance);
    flows.total.push(c.interestPaid + c.principalPaid + other);
  }
  return { name, settlement, startBalance, ...flows };
}

/** Years from settlement to each date, actual/365 (for WAL and the principal window). */
export function yearsFrom(settlement: PlainDate, dates: readonly PlainDate[]): number[] {
  const start = epochDay(settlement);
  return dates.map((d) => (epochDay(d) - start) / 365);
}
