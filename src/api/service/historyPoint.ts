import { bearsInterest, type Deal } from '../../deal/deal.ts';
import type { Distribution } from '../../waterfall/types.ts';

/** One distribution date as the history charts read it. Money in integer cents. */
export interface HistoryPoint {
  date: string;
  number: number;
  poolBalance: number;
  poolFactor: number;
  loanCount: number;
  /** Ending balance of each class (CE: the overcollateralization amount). */
  classBalances: Record<string, number>;
  /** Pass-through rate paid to each floating class (decimal). */
  classCoupons: Record<string, number>;
  indexRate: number;
  netWacRate: number;
  weightedAverageRate: number;
  /** Voluntary prepayments: single monthly mortality and its annual rate. */
  smm: number;
  cpr: number;
  /** Liquidations: monthly default rate and its annual rate; loss severity of the period. */
  mdr: number;
  cdr: number;
  severity: number;
  realizedLosses: number;
  cumulativeRealizedLosses: number;
  /** Delinquent stated principal as a fraction of the ending pool. */
  delinquency: { days30: number; days60: number; days90: number; foreclosure: number; reo: number };
  delinquencyPercentage: number;
  /** Net Monthly Excess Cashflow and that amount x 12 / beginning pool. */
  excessCashflow: number;
  excessSpread: number;
  overcollateralization: number;
  overcollateralizationTarget: number;
  creditEnhancementPercentage: number;
  triggerEvent: boolean;
}

const annualize = (monthly: number): number => 1 - (1 - monthly) ** 12;

/**
 * The chart figures of one distribution. Prepayment and default rates use the standard
 * definitions (SIFMA): SMM = voluntary prepayments / (beginning balance - scheduled principal),
 * CPR = 1 - (1 - SMM)^12; MDR = balance liquidated / the same base, CDR likewise.
 */
export function historyPoint(deal: Deal, distribution: Distribution): HistoryPoint {
  const period = distribution.period;
  const base = period.beginningPoolBalance - period.scheduledPrincipal;
  const prepaid = period.curtailments + period.paymentsInFull + period.repurchasePrincipal;
  const liquidated = period.liquidationProceeds + period.realizedLosses;
  const smm = base > 0 ? prepaid / base : 0;
  const mdr = base > 0 ? liquidated / base : 0;
  const ending = period.endingPoolBalance;
  const share = (amount: number): number => (ending > 0 ? amount / ending : 0);
  const d = period.delinquency;
  const classBalances: Record<string, number> = {};
  const classCoupons: Record<string, number> = {};
  for (const row of distribution.classes) {
    classBalances[row.name] = row.endingBalance;
    const definition = deal.classByName.get(row.name);
    if (definition && bearsInterest(definition)) {
      classCoupons[row.name] = row.passThroughRate;
    }
  }
  return {
    date: distribution.distributionDate,
    number: distribution.distributionNumber,
    poolBalance: ending,
    poolFactor: ending / deal.cutoffBalance,
    loanCount: period.endingLoanCount,
    classBalances,
    classCoupons,
    indexRate: distribution.indexRate,
    netWacRate: distribution.netWacRate,
    weightedAverageRate: period.weightedAverageRate,
    smm,
    cpr: annualize(smm),
    mdr,
    cdr: annualize(mdr),
    severity: distribution.lossSeverity,
    realizedLosses: period.realizedLosses,
    cumulativeRealizedLosses: distribution.cumulativeRealizedLosses,
    delinquency: {
      days30: share(d.days30to59.statedPrincipal),
      days60: share(d.days60to89.statedPrincipal),
      days90: share(d.days90plus.statedPrincipal),
      foreclosure: share(d.foreclosure.statedPrincipal),
      reo: share(d.reo.statedPrincipal),
    },
    delinquencyPercentage: distribution.delinquencyPercentage,
    excessCashflow: distribution.netMonthlyExcessCashflow,
    excessSpread:
      period.beginningPoolBalance > 0
        ? (distribution.netMonthlyExcessCashflow * 12) / period.beginningPoolBalance
        : 0,
    overcollateralization: distribution.overcollateralization.amount,
    overcollateralizationTarget: distribution.overcollateralization.required,
    creditEnhancementPercentage: distribution.creditEnhancementPercentage,
    triggerEvent: distribution.triggerEvent,
  };
}
