import type { Cents } from '../money/cents.ts';
import { count, percent, wholeDollars, yesNo } from './format.ts';
import { left, line, right, type Cell } from './layout.ts';
import type { DelinquencyBucketName, StatementModel } from './statementTypes.ts';

/**
 * The sections the monthly statement (8-K) and the annual summary (10-K Exhibit 99.1) print
 * alike: the same labels, rows and figures, at each filing's own column positions. Each filing
 * keeps its layout (statementText.ts, annualSummaryText.ts) and passes its columns here.
 */

/** The statement's labels for the delinquency buckets. */
export const BUCKET_LABELS: Readonly<Record<DelinquencyBucketName, string>> = {
  days30to59: '30-59 days',
  days60to89: '60-89',
  days90plus: '90+',
  foreclosure: 'Fcls',
  bankruptcy: 'Bankruptcies',
  bankruptcy60plus: 'Bkcy 60+ Delq',
};

export const whole = (amount: Cents): string => wholeDollars(amount);

/** A "label ... figure" line, the figure ending at `end`. */
export const labelled = (label: string, end: number, figure: string): string =>
  line(left(0, label), right(end, figure));

/** Where a filing's labelled figures end, and how many decimals its percentages print. */
export interface FigureColumns {
  readonly amount: number;
  readonly percent: number;
  readonly percentDigits: number;
  /** The Yes/No of the Stepdown Date and Trigger Event lines. */
  readonly flag: number;
}

/** "Aggregate Amount of Principal Prepayments", its items ending at `end`. */
export function prepaymentLines(p: StatementModel['prepayments'], end: number): string[] {
  return [
    'Aggregate Amount of Principal Prepayments',
    labelled('Curtailments', end, whole(p.curtailments)),
    labelled('Payments in Full', end, whole(p.paymentsInFull)),
    labelled(' Liquidation Proceeds', end, whole(p.liquidationProceeds)),
    labelled('Total', end, whole(p.total)),
    '',
    labelled('Prepayment Charges', end, whole(p.prepaymentCharges)),
    labelled('REO Principal Amortization', end, whole(p.reoPrincipalAmortization)),
  ];
}

/** Realized losses of the prepayment period, then the extraordinary trust fund expenses. */
export function realizedLossLines(
  losses: StatementModel['realizedLosses'],
  end: number,
  expensesEnd: number,
): string[] {
  return [
    'Realized Losses that were incurred during the related Prepayment Period',
    labelled('Total Realized Losses', end, whole(losses.total)),
    'Which Include:',
    labelled('Bankruptcy Losses', end, whole(losses.bankruptcy)),
    labelled('Cumulative Realized Losses', end, whole(losses.cumulative)),
    '',
    'Extraordinary Trust Fund Expenses withdrawn from the Collection',
    'Account or Distribution Account that caused a reduction of the',
    labelled('Available Distribution Amount:', expensesEnd, whole(losses.extraordinaryExpenses)),
  ];
}

/**
 * The rows of "INTEREST DISTRIBUTION AMOUNTS" and its TOTAL: the distribution ends at
 * `distributionEnd`, the carry forward at `carryForwardEnd`; `notApplicable` is where a class
 * without a carry forward (CE, P, R) prints NA.
 */
export function interestDistributionRows(
  interest: StatementModel['interestDistribution'],
  distributionEnd: number,
  carryForwardEnd: number,
  notApplicable: Cell,
): string[] {
  return [
    ...interest.rows.map((r) =>
      line(
        left(0, r.class),
        right(distributionEnd, whole(r.interestDistribution)),
        r.carryForward === null ? notApplicable : right(carryForwardEnd, whole(r.carryForward)),
      ),
    ),
    line(
      left(0, 'TOTAL'),
      right(distributionEnd, whole(interest.total.interestDistribution)),
      right(carryForwardEnd, whole(interest.total.carryForward)),
    ),
  ];
}

/** The rows of "Reduction from the Allocation of:" and its TOTAL, the three figures' ends. */
export function interestReductionRows(
  reductions: StatementModel['interestReductions'],
  [lossesEnd, ppisEnd, reliefEnd]: readonly [number, number, number],
): string[] {
  return [...reductions.rows, { class: 'TOTAL', ...reductions.total }].map((r) =>
    line(
      left(0, r.class),
      right(lossesEnd, whole(r.realizedLosses)),
      right(ppisEnd, whole(r.prepaymentInterestShortfall)),
      right(reliefEnd, whole(r.reliefActShortfall)),
    ),
  );
}

/** The required OC, the Credit Enhancement Percentage and the OC increase and reduction. */
export function overcollateralizationLines(
  perf: StatementModel['performance'],
  at: FigureColumns,
): string[] {
  return [
    labelled(
      'Required Overcollateralized Amount',
      at.amount,
      whole(perf.requiredOvercollateralization),
    ),
    labelled(
      'Credit Enhancement Percentage',
      at.percent,
      percent(perf.creditEnhancementPercentage, at.percentDigits),
    ),
    '',
    labelled(
      'Overcollateralization Increase Amount',
      at.amount,
      whole(perf.overcollateralizationIncrease),
    ),
    '',
    labelled(
      'Overcollateralization Reduction Amount',
      at.amount,
      whole(perf.overcollateralizationReduction),
    ),
  ];
}

/** "AGGREGATE LOSS SEVERITY %" and the PERFORMANCE MEASURES (always 3 decimals: the seeds'). */
export function performanceMeasureLines(
  perf: StatementModel['performance'],
  at: FigureColumns,
): string[] {
  return [
    labelled('AGGREGATE  LOSS  SEVERITY  %', at.percent, percent(perf.aggregateLossSeverity, 3)),
    '',
    'PERFORMANCE MEASURES',
    labelled('Net Monthly Excess Cash Flow', at.amount, whole(perf.netMonthlyExcessCashflow)),
    '',
    labelled(
      'Delinquency Percentage',
      at.percent,
      percent(perf.delinquencyPercentage, at.percentDigits),
    ),
    '',
    labelled('Stepdown Date Occurrence', at.flag, yesNo(perf.stepdownOccurred)),
    labelled('Trigger Event Occurrence', at.flag, yesNo(perf.triggerEventOccurred)),
  ];
}

/** The rows of "Net WAC Rate Carryover Amount" and its TOTAL, the two figures' ends. */
export function netWacCarryoverRows(
  netWac: StatementModel['netWacCarryover'],
  currentEnd: number,
  unpaidEnd: number,
): string[] {
  return [...netWac.rows, { class: 'TOTAL', ...netWac.total }].map((r) =>
    line(
      left(0, r.class),
      right(currentEnd, whole(r.current)),
      right(unpaidEnd, whole(r.unpaidAfter)),
    ),
  );
}

/** "Number of Loans" and "Agg Prin Balance", beginning and ending, at the columns given. */
export function loanCountAndBalanceLines(
  loans: StatementModel['loans'],
  [countBeginning, countEnding]: readonly [number, number],
  [balanceBeginning, balanceEnding]: readonly [number, number],
): string[] {
  return [
    line(
      left(0, 'Number of Loans'),
      right(countBeginning, count(loans.beginningCount)),
      right(countEnding, count(loans.endingCount)),
    ),
    line(
      left(0, 'Agg Prin Balance'),
      right(balanceBeginning, whole(loans.beginningBalance)),
      right(balanceEnding, whole(loans.endingBalance)),
    ),
  ];
}

/** The delinquency buckets' rows: the count placed by `countCell`, the two balances' ends. */
export function delinquencyRows(
  rows: StatementModel['delinquency']['rows'],
  countCell: (text: string) => Cell,
  unpaidEnd: number,
  statedEnd: number,
): string[] {
  return rows.map((r) =>
    line(
      left(0, BUCKET_LABELS[r.bucket]),
      countCell(count(r.count)),
      right(unpaidEnd, whole(r.unpaidPrincipal)),
      right(statedEnd, whole(r.statedPrincipal)),
    ),
  );
}
