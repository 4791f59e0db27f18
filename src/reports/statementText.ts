import type { Cents } from '../money/cents.ts';
import { formatMmDdYy, formatShort } from '../money/plainDate.ts';
import { count, decimal, dollarsAndCents, percent, wholeDollars, yesNo } from './format.ts';
import { left, line, right } from './layout.ts';
import type { CertificateRow, DelinquencyBucketName, StatementModel } from './statementTypes.ts';

/** The statement's labels for the delinquency buckets. */
export const BUCKET_LABELS: Readonly<Record<DelinquencyBucketName, string>> = {
  days30to59: '30-59 days',
  days60to89: '60-89',
  days90plus: '90+',
  foreclosure: 'Fcls',
  bankruptcy: 'Bankruptcies',
  bankruptcy60plus: 'Bkcy 60+ Delq',
};

/** The residual prints only when it has a figure (the April 2002 statement has no R row). */
export function printedRows(rows: readonly CertificateRow[]): CertificateRow[] {
  return rows.filter(
    (r) =>
      r.kind !== 'residual' ||
      [r.beginningBalance, r.principal, r.losses, r.endingBalance, r.interest].some((v) => v !== 0),
  );
}

const cents = dollarsAndCents;
const whole = (amount: Cents): string => wholeDollars(amount);
/** A "label ... figure" line, the figure ending at `end`. */
const labelled = (label: string, end: number, figure: string): string =>
  line(left(0, label), right(end, figure));

/**
 * The Statement to Certificateholders as fixed-width text, in the layout of the April 2002 8-K
 * (column positions as there), from the trust's heading to the Net WAC Rate Carryover table.
 */
export function statementText(model: StatementModel): string {
  const h = model.statement;
  const rows = printedRows(model.certificates.rows);
  const t = model.certificates.total;
  const out: string[] = [
    h.trustName.toUpperCase(),
    h.certificatesTitle.toUpperCase(),
    `SERIES ${h.series}`,
    '',
    'STATEMENT TO CERTIFICATEHOLDERS',
    '',
    labelled('Distribution Date:', 68, formatMmDdYy(h.distributionDate)),
    ...(h.version ? [h.version] : []),
    '',
    '                    Beginning',
    '                   Certificate',
    'Class                  Bal              Prin',
    ...rows.map((r) =>
      line(left(0, r.class), right(32, cents(r.beginningBalance)), right(50, cents(r.principal))),
    ),
    line(left(0, 'Total'), right(32, cents(t.beginningBalance)), right(50, cents(t.principal))),
    '',
    '                                       Ending',
    '                                    Certificate',
    'Class                Losses             Bal',
    ...rows.map((r) =>
      line(left(0, r.class), right(32, cents(r.losses)), right(50, cents(r.endingBalance))),
    ),
    line(left(0, 'Total'), right(32, cents(t.losses)), right(50, cents(t.endingBalance))),
    '',
    '                                                        Current',
    '                                                      Pass-Through',
    'Class                 Cusip             Int             Int Rate',
    ...rows.map((r) =>
      line(
        left(0, r.class),
        left(20, r.cusip ?? 'N/A'),
        right(50, cents(r.interest)),
        r.passThroughRate === null ? left(59, 'NA') : right(69, percent(r.passThroughRate, 5)),
      ),
    ),
    line(left(0, 'Total'), right(50, cents(t.interest))),
    '',
    '',
    '',
    'AMOUNTS PER $1,000 UNIT',
    '',
    'Class                 Prin              Int              Total',
    ...model.amountsPer1000.rows.map((r) =>
      line(
        left(0, r.class),
        right(32, decimal(r.principal, 6)),
        right(50, decimal(r.interest, 6)),
        right(68, decimal(r.total, 5)),
      ),
    ),
    '',
    '',
    '                                       Ending',
    '                                    Certificate',
    'Class                Losses             Bal',
    ...model.amountsPer1000.rows.map((r) =>
      line(
        left(0, r.class),
        right(32, decimal(r.losses, 6)),
        right(50, decimal(r.endingBalance, 6)),
      ),
    ),
    '',
    '',
    labelled('MASTER SERVICER COMPENSATION', 75, whole(model.servicer.compensation)),
    '',
    'P&I ADVANCES',
    labelled('Total Advances', 68, whole(model.servicer.advances)),
    '*Note:  P&I Advances are made on Mortgage Loans Delinquent as of the',
    'Determination Date.',
    '',
    line(left(0, 'BALANCES AS OF:'), right(51, formatShort(model.balances.asOf))),
    labelled(
      'Stated Prin Bal of Mtge Loans (excluding REOs)',
      68,
      whole(model.balances.statedPrincipalExcludingReo),
    ),
    labelled('Stated Prin Bal of REO Properties', 68, whole(model.balances.reoStatedPrincipal)),
    '',
    'MORTGAGE LOAN',
    '  CHARACTERISTICS                         Beginning            Ending',
    line(
      left(0, 'Number of Loans'),
      right(51, count(model.loans.beginningCount)),
      right(69, count(model.loans.endingCount)),
    ),
    line(
      left(0, 'Agg Prin Balance'),
      right(51, whole(model.loans.beginningBalance)),
      right(70, whole(model.loans.endingBalance)),
    ),
    '',
    labelled('Wghtd Avg Rem Term to Maturity', 78, count(model.loans.remainingTermMonths)),
    labelled('Beg Wghtd Avge Mortgage Rate', 69, percent(model.loans.weightedAverageRate, 3)),
    '',
    'DELINQ INFORMATION                     Unpaid Prin       Stated Prin',
    '                Number                         Bal               Bal',
    ...model.delinquency.rows.map((r) =>
      line(
        left(0, BUCKET_LABELS[r.bucket]),
        left(16, count(r.count)),
        right(50, whole(r.unpaidPrincipal)),
        right(68, whole(r.statedPrincipal)),
      ),
    ),
    '*Note:  In accordance with the Master Servicer, the Delq Info relates to the',
    'Prepayment Period.',
    '',
    labelled('Total Book Value of REO Properties:', 69, whole(model.delinquency.reoBookValue)),
    '',
    '',
    'Aggregate Amount of Principal Prepayments',
    labelled('Curtailments', 50, whole(model.prepayments.curtailments)),
    labelled('Payments in Full', 50, whole(model.prepayments.paymentsInFull)),
    labelled(' Liquidation Proceeds', 50, whole(model.prepayments.liquidationProceeds)),
    labelled('Total', 50, whole(model.prepayments.total)),
    '',
    labelled('Prepayment Charges', 50, whole(model.prepayments.prepaymentCharges)),
    labelled('REO Principal Amortization', 50, whole(model.prepayments.reoPrincipalAmortization)),
    '',
    '',
    '',
    'Realized Losses that were incurred during the related Prepayment Period',
    labelled('Total Realized Losses', 50, whole(model.realizedLosses.total)),
    'Which Include:',
    labelled('Bankruptcy Losses', 50, whole(model.realizedLosses.bankruptcy)),
    labelled('Cumulative Realized Losses', 50, whole(model.realizedLosses.cumulative)),
    '',
    'Extraordinary Trust Fund Expenses withdrawn from the Collection',
    'Account or Distribution Account that caused a reduction of the',
    labelled(
      'Available Distribution Amount:',
      70,
      whole(model.realizedLosses.extraordinaryExpenses),
    ),
    '',
    'CERTIFICATE FACTOR',
    '                      Certificate',
    '                           Factor',
    ...model.certificateFactors.rows.map((r) =>
      labelled(`Class ${r.class}`, 33, decimal(r.factor, 6)),
    ),
    '',
    '',
    ...performanceLines(model),
  ];
  return `${out.join('\n')}\n`;
}

function performanceLines(model: StatementModel): string[] {
  const perf = model.performance;
  const interest = model.interestDistribution;
  const reductions = model.interestReductions;
  const netWac = model.netWacCarryover;
  return [
    'INTEREST DISTRIBUTION AMOUNTS',
    '',
    '',
    '                         Interest         Interest',
    '                     Distribution     Carry Forward',
    'Class                      Amount            Amount',
    ...interest.rows.map((r) =>
      line(
        left(0, r.class),
        right(32, whole(r.interestDistribution)),
        r.carryForward === null ? left(49, 'NA') : right(50, whole(r.carryForward)),
      ),
    ),
    line(
      left(0, 'TOTAL'),
      right(32, whole(interest.total.interestDistribution)),
      right(50, whole(interest.total.carryForward)),
    ),
    '',
    '                Reduction from the Allocation of:',
    '                                         Prepayment        Relief Act',
    '                         Realized          Interest          Interest',
    'Class                      Losses        Shortfalls        Shortfalls',
    ...[...reductions.rows, { class: 'TOTAL', ...reductions.total }].map((r) =>
      line(
        left(0, r.class),
        right(32, whole(r.realizedLosses)),
        right(50, whole(r.prepaymentInterestShortfall)),
        right(68, whole(r.reliefActShortfall)),
      ),
    ),
    '',
    '',
    labelled('PPIS not covered by the Servicer', 68, whole(perf.ppisNotCovered)),
    '',
    '',
    labelled('Relief Act Interest Shortfall', 68, whole(perf.reliefActShortfall)),
    '',
    labelled('Required Overcollateralized Amount', 68, whole(perf.requiredOvercollateralization)),
    labelled('Credit Enhancement Percentage', 69, percent(perf.creditEnhancementPercentage, 3)),
    '',
    labelled(
      'Overcollateralization Increase Amount',
      68,
      whole(perf.overcollateralizationIncrease),
    ),
    '',
    labelled(
      'Overcollateralization Reduction Amount',
      68,
      whole(perf.overcollateralizationReduction),
    ),
    '',
    '',
    labelled('AGGREGATE  LOSS  SEVERITY  %', 69, percent(perf.aggregateLossSeverity, 3)),
    '',
    'PERFORMANCE MEASURES',
    labelled('Net Monthly Excess Cash Flow', 68, whole(perf.netMonthlyExcessCashflow)),
    '',
    labelled('Delinquency Percentage', 69, percent(perf.delinquencyPercentage, 3)),
    '',
    labelled('Stepdown Date Occurrence', 69, yesNo(perf.stepdownOccurred)),
    labelled('Trigger Event Occurrence', 69, yesNo(perf.triggerEventOccurred)),
    '',
    'Net WAC Rate Carryover Amount',
    '                          Current            Amount',
    '                     Net WAC Rate           Unpaid',
    '                     Carryforward             After',
    'Class                      Amount     Distributions',
    ...[...netWac.rows, { class: 'TOTAL', ...netWac.total }].map((r) =>
      line(left(0, r.class), right(32, whole(r.current)), right(50, whole(r.unpaidAfter))),
    ),
  ];
}
