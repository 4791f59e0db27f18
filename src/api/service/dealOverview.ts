import { bearsInterest, type Deal } from '../../deal/deal.ts';
import type { DealFile } from '../../deal/schema.ts';
import type { Distribution, TriggerTest } from '../../waterfall/types.ts';

/** A class as the overview shows it: terms and its position after the latest distribution. */
export interface ClassRow {
  name: string;
  kind: string;
  cusip: string | null;
  originalBalance: number;
  /** Ending balance of the latest distribution (original balance before any). */
  balance: number;
  /** Balance / original balance (CE: pool factor, as the statement prints it). */
  factor: number;
  /** Margin over the index, floating classes only. */
  margin: number | null;
  /** Pass-through rate paid on the latest date, floating classes only. */
  passThroughRate: number | null;
}

export interface DealOverview {
  id: string;
  name: string;
  title: string;
  series: string;
  parties: Record<string, string>;
  dates: { cutoff: string; closing: string; firstDistribution: string; distributionDay: number };
  index: string;
  cutoffBalance: number;
  cutoffLoanCount: number;
  /** The latest closed distribution date; null before the first. */
  asOf: string | null;
  distributionCount: number;
  pool: { balance: number; factor: number; loanCount: number; wac: number | null };
  classes: ClassRow[];
  creditEnhancementPercentage: number | null;
  overcollateralization: { amount: number; target: number; floor: number; deficiency: number };
  stepdownOccurred: boolean;
  triggerEvent: boolean;
  triggerTests: readonly TriggerTest[];
  delinquencyPercentage: number | null;
  cumulativeRealizedLosses: number;
  assumptions: DealFile['assumptions'];
}

export function classRows(deal: Deal, latest: Distribution | undefined): ClassRow[] {
  return deal.classes.map((spec) => {
    const paid = latest?.classes.find((row) => row.name === spec.name);
    const balance = paid ? paid.endingBalance : spec.originalBalance;
    const factor =
      spec.kind === 'overcollateralization'
        ? (latest?.period.endingPoolBalance ?? deal.cutoffBalance) / deal.cutoffBalance
        : spec.originalBalance > 0
          ? balance / spec.originalBalance
          : 0;
    return {
      name: spec.name,
      kind: spec.kind,
      cusip: spec.cusip ?? null,
      originalBalance: spec.originalBalance,
      balance,
      factor,
      margin: spec.kind === 'floating' ? spec.margin : null,
      passThroughRate: bearsInterest(spec) && paid ? paid.passThroughRate : null,
    };
  });
}

/** The deal overview: parties, classes with current balances and factors, CE, OC and triggers. */
export function dealOverview(deal: Deal, history: readonly Distribution[]): DealOverview {
  const latest = history.at(-1);
  const pool = latest?.period.endingPoolBalance ?? deal.cutoffBalance;
  return {
    id: deal.id,
    name: deal.name,
    title: deal.file.title,
    series: deal.file.series,
    parties: { ...deal.file.parties },
    dates: {
      cutoff: deal.cutoffDate,
      closing: deal.closingDate,
      firstDistribution: deal.firstDistributionDate,
      distributionDay: deal.distributionDay,
    },
    index: deal.index.name,
    cutoffBalance: deal.cutoffBalance,
    cutoffLoanCount: deal.cutoffLoanCount,
    asOf: latest?.distributionDate ?? null,
    distributionCount: history.length,
    pool: {
      balance: pool,
      factor: pool / deal.cutoffBalance,
      loanCount: latest?.period.endingLoanCount ?? deal.cutoffLoanCount,
      wac: latest?.period.weightedAverageRate ?? null,
    },
    classes: classRows(deal, latest),
    creditEnhancementPercentage: latest?.creditEnhancementPercentage ?? null,
    overcollateralization: {
      amount:
        latest?.overcollateralization.amount ?? deal.overcollateralizationClass.originalBalance,
      target: latest?.overcollateralization.required ?? deal.overcollateralization.initialTarget,
      floor: deal.overcollateralization.floor,
      deficiency: latest?.overcollateralization.deficiency ?? 0,
    },
    stepdownOccurred: latest?.stepdownDate ?? false,
    triggerEvent: latest?.triggerEvent ?? false,
    triggerTests: latest?.triggerTests ?? [],
    delinquencyPercentage: latest?.delinquencyPercentage ?? null,
    cumulativeRealizedLosses: latest?.cumulativeRealizedLosses ?? 0,
    assumptions: deal.file.assumptions,
  };
}
