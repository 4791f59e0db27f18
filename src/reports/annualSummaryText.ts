import { formatLong, formatShort } from '../money/plainDate.ts';
import type { AnnualSummaryModel } from './annualTypes.ts';
import { count, decimal, dollarsAndCents, percent } from './format.ts';
import { left, line, right } from './layout.ts';
import {
  interestDistributionRows,
  interestReductionRows,
  labelled,
  netWacCarryoverRows,
  overcollateralizationLines,
  performanceMeasureLines,
  prepaymentLines,
  realizedLossLines,
  whole,
  type FigureColumns,
  loanCountAndBalanceLines,
  delinquencyRows,
} from './textSections.ts';

/** The 2002 10-K's columns for the labelled figures. */
const FIGURES: FigureColumns = { amount: 75, percent: 76, percentDigits: 5, flag: 75 };
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
    ...loanCountAndBalanceLines(model.loans, [60, 75], [60, 75]),
    '',
    '',
    labelled('Wghtd Avg Rem Term to Maturity', 75, count(model.loans.remainingTermMonths)),
    labelled('Beg Wghtd Avge Mortgage Rate', 76, percent(model.loans.weightedAverageRate, 5)),
    '',
    'DELINQ INFORMATION                                Unpaid Prin   Stated Prin',
    '                                      Number              Bal           Bal',
    ...delinquencyRows(model.delinquency.rows, (text) => right(41, text), 61, 75),
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
    ...prepaymentLines(p, 75),
    '',
    ...realizedLossLines(losses, 75, 75),
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
    ...interestDistributionRows(interest, 61, 75, right(75, 'NA')),
    '',
    '                    Reduction from the Allocation of:',
    '                                                   Prepayment    Relief Act',
    '                                       Realized      Interest      Interest',
    'Class                                    Losses    Shortfalls    Shortfalls',
    ...interestReductionRows(reductions, [47, 61, 75]),
    '',
    labelled('PPIS not covered by the Servicer', 75, whole(perf.ppisNotCovered)),
    '',
    labelled('Relief Act Interest Shortfall', 75, whole(perf.reliefActShortfall)),
    '',
    ...overcollateralizationLines(perf, FIGURES),
    '',
    `LOSS  SEVERITY  % (${month})`,
    '               Loan        Loss %                        Loan        Loss %',
    ...severityLines,
    '',
    '',
    '',
    '',
    '',
    ...performanceMeasureLines(perf, FIGURES),
    '',
    'Net WAC Rate Carryover Amount',
    '                                                      Current        Amount',
    '                                                 Net WAC Rate        Unpaid',
    '                                                 Carryforward         After',
    'Class                                                  Amount Distributions',
    ...netWacCarryoverRows(netWac, 61, 75),
  ];
}
