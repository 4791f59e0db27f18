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

type Columns = {
  -readonly [
    K in Exclude<keyof ClassCashFlows, 'name' | 'settlement' | 'startBalance'>
  ]: (ClassCashFlows[K] extends readonly (infer T)[] ? T : never)[];
};

/** Collects classes' cash flows one distribution at a time (nothing else is kept). */
export interface CashFlowCollector {
  add(distribution: Distribution): void;
  flows(name: string): ClassCashFlows;
}

/**
 * Cash flows of the named classes, added distribution by distribution. Settlement is the date
 * the projection starts (the last distribution date before it), so there is no accrued
 * interest: the class is bought right after a distribution and receives every later one.
 */
export function cashFlowCollector(
  names: readonly string[],
  settlement: PlainDate,
  startBalances: Readonly<Record<string, { balance: number } | undefined>>,
  /**
   * Classes that accrue 30/360 (fixed-rate, interest-only): their periods count 30 days, so
   * that their yields are on their own day count (a fixed class paid at par yields its coupon).
   */
  thirtyDay: ReadonlySet<string> = new Set(),
): CashFlowCollector {
  const columns = new Map<string, Columns>(
    names.map((name) => [
      name,
      {
        dates: [],
        accrualDays: [],
        indexRates: [],
        interest: [],
        principal: [],
        other: [],
        reimbursed: [],
        writedown: [],
        endingBalance: [],
        total: [],
      },
    ]),
  );
  // Every distribution lists the deal's classes in the same order: each position's columns are
  // remembered, and looked up by name only when the class at that position is another.
  const atPosition: { name: string; columns: Columns | undefined }[] = [];
  const columnsAt = (position: number, name: string): Columns | undefined => {
    const known = atPosition[position];
    if (known?.name === name) return known.columns;
    const found = columns.get(name);
    atPosition[position] = { name, columns: found };
    return found;
  };
  return {
    add(d) {
      for (let k = 0; k < d.classes.length; k++) {
        const c = d.classes[k]!;
        const f = columnsAt(k, c.name);
        if (!f) continue;
        const other = c.netWacCarryoverPaid + c.realizedLossReimbursed;
        f.dates.push(d.distributionDate);
        f.accrualDays.push(d.accrualDays);
        f.indexRates.push(d.indexRate);
        f.interest.push(c.interestPaid);
        f.principal.push(c.principalPaid);
        f.other.push(other);
        f.reimbursed.push(c.realizedLossReimbursed);
        f.writedown.push(c.realizedLoss);
        f.endingBalance.push(c.endingBalance);
        f.total.push(c.interestPaid + c.principalPaid + other);
      }
    },
    flows(name) {
      const f = columns.get(name);
      if (!f) throw new Error(`internal: no cash flows collected for class ${name}`);
      // A 30/360 class's periods all count 30 days (set here, once, rather than per date).
      const accrualDays = thirtyDay.has(name) ? f.accrualDays.map(() => 30) : f.accrualDays;
      return {
        name,
        settlement,
        startBalance: startBalances[name]?.balance ?? 0,
        ...f,
        accrualDays,
      };
    },
  };
}

/** A class's cash flows from a run's distributions (see cashFlowCollector). */
export function classCashFlows(
  distributions: readonly Distribution[],
  name: string,
  settlement: PlainDate,
  startBalance: number,
): ClassCashFlows {
  const collector = cashFlowCollector([name], settlement, { [name]: { balance: startBalance } });
  for (const d of distributions) collector.add(d);
  return collector.flows(name);
}

/** Years from settlement to each date, actual/365 (for WAL and the principal window). */
export function yearsFrom(settlement: PlainDate, dates: readonly PlainDate[]): number[] {
  const start = epochDay(settlement);
  return dates.map((d) => (epochDay(d) - start) / 365);
}
