import type { Cents } from '../money/cents.ts';
import { formatLong, formatShort } from '../money/plainDate.ts';
import type { AnnualSummaryModel } from './annualTypes.ts';
import { count, decimal, dollarsAndCents, percent, wholeDollars, yesNo } from './format.ts';
import { left, line, right } from './layout.ts';
import { BUCKET_LABELS } from './statementText.ts';

const whole = (amount: Cents): string => wholeDollars(amount);
const labelled = (label: string, end: number, figure: string): string =>
  line(left(0, label), right(end, figure));
/** Per-$1,000 figures print 6 decimals, 2 when the column is too narrow (P in 2002: 6673396.70). */
const per1000 = (value: number): string => decimal(value, Math.abs(value) >= 10_000 ? 2 : 6);

/**
 * Exhibit 99.1's annual summary as fixed-width text, in the layout of the 2002 Form 10-K
 * (column positions as there), from "STATEMENT TO CERTIFICATEHOLDERS" to the Net WAC Rate
 * Carryover table. Amounts print in whole dollars except the servicer's compensation.
 */
export function annualSummaryText(model: AnnualSummaryModel): string {
  // The 10-K prints every class, R included (the 8-K prints R only when it has a figure).
  const rows = model.certificates.rows;
  const t = model.certificates.total;
  const month = formatLong(model.balances.asOf).split(' ')[0] ?? '';
  const out: string[] = [
    'STATEMENT TO CERTIFICATEHOLDERS',
    '',
    'Class                     Beg Bal          Prin        Losses       End Bal',
    ...[...rows, { class: 'Total', ...t }].map((r) =>
      line(
        left(0, r.class),
        right(33, whole(r.beginningBalance)),
        right(47, whole(r.principal)),
        right(61, whole(r.losses)),
        right(75, whole(r.endingBalance)),
      ),
    ),
    '',
    '',
    '                                                                       Next',
    'Class     Cusip               Int         Total          Rate          Rate',
    ...rows.map((r) =>
      line(
        left(0, r.class),
        r.cusip === null ? left(11, 'N/A') : left(8, r.cusip),
        right(33, whole(r.interest)),
        right(47, whole(r.totalDistribution)),
        r.kind === 'residual'
          ? left(0, '')
          : r.passThroughRate === null
            ? left(59, 'NA')
            : right(62, percent(r.passThroughRate, 5)),
        r.nextRate === null ? left(0, '') : right(76, percent(r.nextRate, 5)),
      ),
    ),
    line(left(0, 'Total'), right(33, whole(t.interest)), right(47, whole(t.totalDistribution))),
    '',
    'AMOUNTS PER $1,000 UNIT',
    '',
    'Class          Prin           Int         Total        Losses       End Bal',
    ...model.amountsPer1000.rows.map((r) =>
      line(
        left(0, r.class),
        right(19, per1000(r.principal)),
        right(33, per1000(r.interest)),
        right(47, per1000(r.total)),
        right(61, per1000(r.losses)),
        right(75, per1000(r.endingBalance)),
      ),
    ),
    '',
    '',
    labelled('MASTER SERVICER COMPENSATION', 75, dollarsAndCents(model.servicer.compensation)),
    '',
    'P&I ADVANCES',
    labelled(`Total Advances (as of ${month} Det Date)`, 75, whole(model.servicer.advances)),
    '*P&I Advances are on Loans Delinquent on the Determination Date.',
    '',
    labelled('BALANCES AS OF:', 75, formatShort(model.balances.asOf)),
    labelled(
      'Stated Prin Bal of Mtge Loans (excluding REOs)',
      75,
      whole(model.balances.statedPrincipalExcludingReo),
    ),
    labelled('Stated Prin Bal of REO Properties', 75, whole(model.balances.reoStatedPrincipal)),
    '',
    line(left(0, 'Mortgage Loan Characteristics'), left(51, 'Beginning'), left(69, 'Ending')),
    line(
      left(0, 'Number of Loans'),
      right(60, count(model.loans.beginningCount)),
      right(75, count(model.loans.endingCount)),
    ),
    line(
      left(0, 'Agg Prin Balance'),
      right(60, whole(model.loans.beginningBalance)),
      right(75, whole(model.loans.endingBalance)),
    ),
    '',
    '',
    labelled('Wghtd Avg Rem Term to Maturity', 75, count(model.loans.remainingTermMonths)),
    labelled('Beg Wghtd Avge Mortgage Rate', 76, percent(model.loans.weightedAverageRate, 5)),
    '',
    'DELINQ INFORMATION                                Unpaid Prin   Stated Prin',
    '                                      Number              Bal           Bal',
    ...model.delinquency.rows.map((r) =>
      line(
        left(0, BUCKET_LABELS[r.bucket]),
        right(41, count(r.count)),
        right(61, whole(r.unpaidPrincipal)),
        right(75, whole(r.statedPrincipal)),
      ),
    ),
    '*Note:  In accordance with the Master Servicer,',
    '           the Delq Info relates to the Prepayment Period.',
    '',
    `REO INFORMATION (as of ${month} report)`,
    'Loans that became REO properties in the preceding calendar month:',
    '',
    '                                           Loan           UPB    Stated Bal',
    ...model.newReo.rows.map((r) =>
      line(
        right(48, r.loan),
        right(61, whole(r.unpaidPrincipal)),
        right(75, whole(r.statedPrincipal)),
      ),
    ),
    '',
    '',
    '',
    '',
    labelled('Total Book Value of REO Properties:', 75, whole(model.delinquency.reoBookValue)),
    '',
    '',
    ...tail(model, month),
  ];
  return `${out.join('\n')}\n`;
}

function tail(model: AnnualSummaryModel, month: string): string[] {
  const p = model.prepayments;
  const losses = model.realizedLosses;
  const perf = model.performance;
  const interest = model.interestDistribution;
  const reductions = model.interestReductions;
  const netWac = model.netWacCarryover;
  const severities = model.lossSeverity.rows;
  const severityLines: string[] = [];
  for (let i = 0; i < severities.length; i += 2) {
    const [a, b] = [severities[i], severities[i + 1]];
    severityLines.push(
      line(
        right(19, a?.loan ?? ''),
        right(33, a ? percent(a.severity, 3) : ''),
        right(61, b?.loan ?? ''),
        right(75, b ? percent(b.severity, 3) : ''),
      ),
    );
  }
  return [
    'Aggregate Amount of Principal Prepayments',
    labelled('Curtailments', 75, whole(p.curtailments)),
    labelled('Payments in Full', 75, whole(p.paymentsInFull)),
    labelled(' Liquidation Proceeds', 75, whole(p.liquidationProceeds)),
    labelled('Total', 75, whole(p.total)),
    '',
    labelled('Prepayment Charges', 75, whole(p.prepaymentCharges)),
    labelled('REO Principal Amortization', 75, whole(p.reoPrincipalAmortization)),
    '',
    'Realized Losses that were incurred during the related Prepayment Period',
    labelled('Total Realized Losses', 75, whole(losses.total)),
    'Which Include:',
    labelled('Bankruptcy Losses', 75, whole(losses.bankruptcy)),
    labelled('Cumulative Realized Losses', 75, whole(losses.cumulative)),
    '',
    'Extraordinary Trust Fund Expenses withdrawn from the Collection',
    'Account or Distribution Account that caused a reduction of the',
    labelled('Available Distribution Amount:', 75, whole(losses.extraordinaryExpenses)),
    '',
    'CERTIFICATE FACTOR',
    '                                                                Certificate',
    '                                                                     Factor',
    ...model.certificateFactors.rows.map((r) =>
      labelled(`Class ${r.class}`, 76, decimal(r.factor, 8)),
    ),
    '',
    '',
    'INTEREST DISTRIBUTION AMOUNTS',
    '',
    '',
    '                                                     Interest     Interest',
    '                                                 Distribution Carry Forward',
    'Class                                                  Amount        Amount',
    ...interest.rows.map((r) =>
      line(
        left(0, r.class),
        right(61, whole(r.interestDistribution)),
        right(75, r.carryForward === null ? 'NA' : whole(r.carryForward)),
      ),
    ),
    line(
      left(0, 'TOTAL'),
      right(61, whole(interest.total.interestDistribution)),
      right(75, whole(interest.total.carryForward)),
    ),
    '',
    '                    Reduction from the Allocation of:',
    '                                                   Prepayment    Relief Act',
    '                                       Realized      Interest      Interest',
    'Class                                    Losses    Shortfalls    Shortfalls',
    ...[...reductions.rows, { class: 'TOTAL', ...reductions.total }].map((r) =>
      line(
        left(0, r.class),
        right(47, whole(r.realizedLosses)),
        right(61, whole(r.prepaymentInterestShortfall)),
        right(75, whole(r.reliefActShortfall)),
      ),
    ),
    '',
    labelled('PPIS not covered by the Servicer', 75, whole(perf.ppisNotCovered)),
    '',
    labelled('Relief Act Interest Shortfall', 75, whole(perf.reliefActShortfall)),
    '',
    labelled('Required Overcollateralized Amount', 75, whole(perf.requiredOvercollateralization)),
    labelled('Credit Enhancement Percentage', 76, percent(perf.creditEnhancementPercentage, 5)),
    '',
    labelled(
      'Overcollateralization Increase Amount',
      75,
      whole(perf.overcollateralizationIncrease),
    ),
    '',
    labelled(
      'Overcollateralization Reduction Amount',
      75,
      whole(perf.overcollateralizationReduction),
    ),
    '',
    `LOSS  SEVERITY  % (${month})`,
    '               Loan        Loss %                        Loan        Loss %',
    ...severityLines,
    '',
    '',
    '',
    '',
    '',
    labelled('AGGREGATE  LOSS  SEVERITY  %', 76, percent(perf.aggregateLossSeverity, 3)),
    '',
    'PERFORMANCE MEASURES',
    labelled('Net Monthly Excess Cash Flow', 75, whole(perf.netMonthlyExcessCashflow)),
    '',
    labelled('Delinquency Percentage', 76, percent(perf.delinquencyPercentage, 5)),
    '',
    labelled('Stepdown Date Occurrence', 75, yesNo(perf.stepdownOccurred)),
    labelled('Trigger Event Occurrence', 75, yesNo(perf.triggerEventOccurred)),
    '',
    'Net WAC Rate Carryover Amount',
    '                                                      Current        Amount',
    '                                                 Net WAC Rate        Unpaid',
    '                                                 Carryforward         After',
    'Class                                                  Amount Distributions',
    ...[...netWac.rows, { class: 'TOTAL', ...netWac.total }].map((r) =>
      line(left(0, r.class), right(61, whole(r.current)), right(75, whole(r.unpaidAfter))),
    ),
  ];
}
