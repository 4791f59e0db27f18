import type { Deal } from '../../deal/deal.ts';
import { fixedRatio } from '../../reports/fixedRatio.ts';
import { statementModel } from '../../reports/index.ts';
import type { Distribution } from '../../waterfall/types.ts';

/** Decimals of a factor: 9, past the statement's printed 6, as trustees publish to investors. */
export const FACTOR_DECIMALS = 9;

export interface FactorClass {
  readonly class: string;
  readonly kind: string;
  readonly cusip: string | null;
  /** Original balance in cents (an interest-only class: its notional at closing). */
  readonly originalBalance: number;
}

export interface FactorRow {
  readonly date: string;
  readonly distributionNumber: number;
  /** Per class: ending balance / original balance; CE the pool factor; null with no original. */
  readonly factors: Readonly<Record<string, number | null>>;
  /** Per class: the ending balance in cents the factor is of (CE: the pool). */
  readonly endingBalances: Readonly<Record<string, number>>;
}

export interface FactorTable {
  readonly dealId: string;
  readonly decimals: number;
  readonly classes: readonly FactorClass[];
  /** One row a closed (published) distribution date, oldest first. */
  readonly rows: readonly FactorRow[];
}

/**
 * The factor table of every class by distribution date, from the same figures the statements
 * print (statementModel's certificate rows): factor = ending balance / original balance, rounded
 * half up to FACTOR_DECIMALS exactly (fixedRatio); the overcollateralization class's factor is
 * the pool factor (ending pool / cut-off pool), as the statement's CERTIFICATE FACTOR section
 * shows it. April 2002: A 16,023,110,503 / 16,090,100,000 = 0.995836602 (the statement: 0.995837).
 */
export function factorTable(deal: Deal, history: readonly Distribution[]): FactorTable {
  const ce = deal.overcollateralizationClass.name;
  return {
    dealId: deal.id,
    decimals: FACTOR_DECIMALS,
    classes: deal.classes.map((c) => ({
      class: c.name,
      kind: c.kind,
      cusip: c.cusip ?? null,
      originalBalance: c.originalBalance,
    })),
    rows: history.map((d) => {
      const model = statementModel(deal, d);
      const factors: Record<string, number | null> = {};
      const endingBalances: Record<string, number> = {};
      for (const row of model.certificates.rows) {
        const [ending, original] =
          row.class === ce
            ? [d.period.endingPoolBalance, deal.cutoffBalance]
            : [row.endingBalance, row.originalBalance];
        endingBalances[row.class] = ending;
        factors[row.class] = original > 0 ? fixedRatio(ending, original, FACTOR_DECIMALS) : null;
      }
      return {
        date: d.distributionDate,
        distributionNumber: d.distributionNumber,
        factors,
        endingBalances,
      };
    }),
  };
}
