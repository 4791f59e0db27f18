import { formatMmDdYy, formatShort } from '../money/plainDate.ts';
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
import type { CertificateRow, LoanGroupRow, StatementModel } from './statementTypes.ts';
import { LOAN_GROUP_FIGURES, structureSections, type GroupFigure } from './structureFigures.ts';

/** The residual prints only when it has a figure (the April 2002 statement has no R row). */
export function printedRows(rows: readonly CertificateRow[]): CertificateRow[] {
  return rows.filter(
    (r) =>
      r.kind !== 'residual' ||
      [r.beginningBalance, r.principal, r.losses, r.endingBalance, r.interest].some((v) => v !== 0),
  );
}

const cents = dollarsAndCents;
/** The April 2002 8-K's columns for the labelled figures. */
const FIGURES: FigureColumns = { amount: 68, percent: 69, percentDigits: 3, flag: 69 };

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
    ...loanCountAndBalanceLines(model.loans, [51, 69], [51, 70]),
    '',
    labelled('Wghtd Avg Rem Term to Maturity', 78, count(model.loans.remainingTermMonths)),
    labelled('Beg Wghtd Avge Mortgage Rate', 69, percent(model.loans.weightedAverageRate, 3)),
    '',
    'DELINQ INFORMATION                     Unpaid Prin       Stated Prin',
    '                Number                         Bal               Bal',
    ...delinquencyRows(model.delinquency.rows, (text) => left(16, text), 50, 68),
    '*Note:  In accordance with the Master Servicer, the Delq Info relates to the',
    'Prepayment Period.',
    '',
    labelled('Total Book Value of REO Properties:', 69, whole(model.delinquency.reoBookValue)),
    '',
    '',
    ...prepaymentLines(model.prepayments, 50),
    '',
    '',
    '',
    ...realizedLossLines(model.realizedLosses, 50, 70),
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
    ...structureLines(model),
  ];
  return `${out.join('\n')}\n`;
}

/**
 * The sections only some structures have, after the filing's own (`structureFigures.ts`): the
 * loan groups, the supplemental interest trust's swap and cap, the expenses under an annual cap
 * and the reserve fund. A deal without them prints as before.
 */
function structureLines(model: StatementModel): string[] {
  const out: string[] = [...loanGroupLines(model)];
  for (const section of structureSections(model)) {
    out.push(
      '',
      section.title.toUpperCase(),
      ...section.lines.map(([label, amount]) => labelled(label, 68, cents(amount))),
    );
  }
  return out;
}

/** The loan groups' pool figures, a column a group (deals with groups). */
function loanGroupLines(model: StatementModel): string[] {
  const groups = model.loanGroups;
  if (!groups) return [];
  const width = 18;
  const cell = (figure: GroupFigure, r: LoanGroupRow): string => {
    if ('count' in figure) return count(figure.count(r));
    if ('rate' in figure) return percent(figure.rate(r), figure.decimals);
    const value = figure.amount(r);
    return value === null ? 'NA' : cents(value);
  };
  return [
    '',
    'LOAN GROUPS',
    ''.padEnd(40) + groups.rows.map((r) => `Group ${r.group}`.padStart(width)).join(''),
    ...LOAN_GROUP_FIGURES.map(
      (figure) =>
        figure.label.padEnd(40) + groups.rows.map((r) => cell(figure, r).padStart(width)).join(''),
    ),
    labelled('Subordinate Net WAC Rate', 69, percent(groups.subordinateNetWacRate, 5)),
  ];
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
    ...interestDistributionRows(interest, 32, 50, left(49, 'NA')),
    '',
    '                Reduction from the Allocation of:',
    '                                         Prepayment        Relief Act',
    '                         Realized          Interest          Interest',
    'Class                      Losses        Shortfalls        Shortfalls',
    ...interestReductionRows(reductions, [32, 50, 68]),
    '',
    '',
    labelled('PPIS not covered by the Servicer', 68, whole(perf.ppisNotCovered)),
    '',
    '',
    labelled('Relief Act Interest Shortfall', 68, whole(perf.reliefActShortfall)),
    '',
    ...overcollateralizationLines(perf, FIGURES),
    '',
    '',
    ...performanceMeasureLines(perf, FIGURES),
    '',
    'Net WAC Rate Carryover Amount',
    '                          Current            Amount',
    '                     Net WAC Rate           Unpaid',
    '                     Carryforward             After',
    'Class                      Amount     Distributions',
    ...netWacCarryoverRows(netWac, 32, 50),
  ];
}
