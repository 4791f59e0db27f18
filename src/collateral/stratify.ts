import { sum, type Cents } from '../money/cents.ts';
import type { Loan } from './loan.ts';
import { monthsBetween } from './months.ts';

/** A pool's totals: count, balances and balance-weighted averages (rates and LTV decimal). */
export interface PoolTotals {
  readonly count: number;
  readonly balance: Cents;
  readonly originalBalance: Cents;
  readonly averageBalance: number;
  readonly wac: number;
  readonly waRemainingTerm: number;
  readonly waOriginalTerm: number;
  readonly waFico: number;
  readonly waLtv: number;
  /** ARM share of the balance, and the ARMs' weighted average margin. */
  readonly armShare: number;
  readonly waMargin: number;
}

/** One line of a stratification table. */
export interface Stratum {
  readonly label: string;
  readonly count: number;
  readonly balance: Cents;
  /** Share of the pool's balance. */
  readonly share: number;
  readonly wac: number;
  readonly waRemainingTerm: number;
  readonly waFico: number;
  readonly waLtv: number;
}

export type StratificationKey = 'product' | 'rate' | 'remainingTerm' | 'state' | 'fico' | 'ltv';

const weighted = (loans: readonly Loan[], value: (l: Loan) => number): number => {
  const total = sum(loans, (l) => l.currentBalance);
  return total === 0 ? 0 : loans.reduce((s, l) => s + l.currentBalance * value(l), 0) / total;
};

export function poolTotals(loans: readonly Loan[]): PoolTotals {
  const balance = sum(loans, (l) => l.currentBalance);
  const arms = loans.filter((l) => l.arm);
  return {
    count: loans.length,
    balance,
    originalBalance: sum(loans, (l) => l.originalBalance),
    averageBalance: loans.length === 0 ? 0 : balance / loans.length,
    wac: weighted(loans, (l) => l.noteRate),
    waRemainingTerm: weighted(loans, (l) => l.remainingTerm),
    waOriginalTerm: weighted(loans, (l) => l.originalTerm),
    waFico: weighted(loans, (l) => l.fico),
    waLtv: weighted(loans, (l) => l.ltv),
    armShare: balance === 0 ? 0 : sum(arms, (l) => l.currentBalance) / balance,
    waMargin: weighted(arms, (l) => l.arm?.margin ?? 0),
  };
}

/** Numeric buckets: [label, lower bound inclusive] in ascending order. */
const BUCKETS: Record<'rate' | 'remainingTerm' | 'fico' | 'ltv', [string, number][]> = {
  rate: [
    ['< 7.000%', -Infinity],
    ['7.000 - 7.999%', 0.07],
    ['8.000 - 8.999%', 0.08],
    ['9.000 - 9.999%', 0.09],
    ['10.000 - 10.999%', 0.1],
    ['11.000 - 11.999%', 0.11],
    ['>= 12.000%', 0.12],
  ],
  remainingTerm: [
    ['1 - 180', -Infinity],
    ['181 - 240', 181],
    ['241 - 300', 241],
    ['301 - 360', 301],
    ['> 360', 361],
  ],
  fico: [
    ['< 550', -Infinity],
    ['550 - 574', 550],
    ['575 - 599', 575],
    ['600 - 624', 600],
    ['625 - 649', 625],
    ['650 - 674', 650],
    ['675 - 699', 675],
    ['>= 700', 700],
  ],
  ltv: [
    ['<= 60.00%', -Infinity],
    ['60.01 - 70.00%', 0.60005],
    ['70.01 - 80.00%', 0.70005],
    ['80.01 - 85.00%', 0.80005],
    ['85.01 - 90.00%', 0.85005],
    ['90.01 - 95.00%', 0.90005],
    ['> 95.00%', 0.95005],
  ],
};

/** The product a loan is: "2/28 ARM (6M-LIBOR)" from its first reset, "Fixed 30-year". */
export function productOf(loan: Loan): string {
  if (!loan.arm) {
    const balloon =
      loan.amortization === 'balloon'
        ? ` balloon (${loan.amortizationTerm / 12}-year amortization)`
        : '';
    return `Fixed ${loan.originalTerm / 12}-year${balloon}`;
  }
  const fixedMonths = monthsBetween(loan.firstPaymentDate, loan.arm.firstResetDate);
  const years = fixedMonths / 12;
  const name = Number.isInteger(years)
    ? `${years}/${loan.originalTerm / 12 - years}`
    : `${fixedMonths}-month`;
  return `${name} ARM (${loan.arm.index})`;
}

function labelOf(loan: Loan, key: StratificationKey): string {
  switch (key) {
    case 'product':
      return productOf(loan);
    case 'state':
      return loan.state;
    default: {
      const value =
        key === 'rate'
          ? loan.noteRate
          : key === 'ltv'
            ? loan.ltv
            : key === 'fico'
              ? loan.fico
              : loan.remainingTerm;
      const buckets = BUCKETS[key];
      return [...buckets].reverse().find(([, lower]) => value >= lower)?.[0] ?? buckets[0]![0];
    }
  }
}

/**
 * A stratification table of the pool by one attribute: numeric buckets in ascending order,
 * states and products by balance, largest first. Shares add up to 1.
 */
export function stratify(loans: readonly Loan[], key: StratificationKey): Stratum[] {
  const groups = new Map<string, Loan[]>();
  for (const loan of loans) {
    const label = labelOf(loan, key);
    groups.set(label, [...(groups.get(label) ?? []), loan]);
  }
  const total = sum(loans, (l) => l.currentBalance);
  const rows = [...groups].map(([label, group]): Stratum => {
    const t = poolTotals(group);
    return {
      label,
      count: t.count,
      balance: t.balance,
      share: total === 0 ? 0 : t.balance / total,
      wac: t.wac,
      waRemainingTerm: t.waRemainingTerm,
      waFico: t.waFico,
      waLtv: t.waLtv,
    };
  });
  if (key === 'state' || key === 'product') {
    return rows.sort((a, b) => b.balance - a.balance || a.label.localeCompare(b.label));
  }
  const order = BUCKETS[key].map(([label]) => label);
  return rows.sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
}
