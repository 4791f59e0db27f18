import type { AmountPaths, CheckAmountPaths } from './figures.ts';
import type { StatementModel } from './statementTypes.ts';

/** The statement model's amounts (cents), by "section.column"; the compiler checks the list. */
const paths = [
  'certificates.originalBalance',
  'certificates.beginningBalance',
  'certificates.principal',
  'certificates.losses',
  'certificates.endingBalance',
  'certificates.interest',
  'servicer.compensation',
  'servicer.advances',
  'balances.statedPrincipalExcludingReo',
  'balances.reoStatedPrincipal',
  'loans.beginningBalance',
  'loans.endingBalance',
  'delinquency.unpaidPrincipal',
  'delinquency.statedPrincipal',
  'delinquency.reoBookValue',
  'prepayments.curtailments',
  'prepayments.paymentsInFull',
  'prepayments.liquidationProceeds',
  'prepayments.total',
  'prepayments.prepaymentCharges',
  'prepayments.reoPrincipalAmortization',
  'realizedLosses.total',
  'realizedLosses.bankruptcy',
  'realizedLosses.cumulative',
  'realizedLosses.extraordinaryExpenses',
  'interestDistribution.interestDistribution',
  'interestDistribution.carryForward',
  'interestReductions.realizedLosses',
  'interestReductions.prepaymentInterestShortfall',
  'interestReductions.reliefActShortfall',
  'performance.ppisNotCovered',
  'performance.reliefActShortfall',
  'performance.requiredOvercollateralization',
  'performance.overcollateralizationIncrease',
  'performance.overcollateralizationReduction',
  'performance.netMonthlyExcessCashflow',
  'netWacCarryover.current',
  'netWacCarryover.unpaidAfter',
] as const satisfies readonly AmountPaths<StatementModel>[];

export type StatementAmountPath = (typeof paths)[number];

const complete: CheckAmountPaths<StatementModel, StatementAmountPath> = true;

export const statementAmountPaths: ReadonlySet<string> = complete ? new Set(paths) : new Set();
