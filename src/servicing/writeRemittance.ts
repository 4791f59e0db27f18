import { stringify } from 'csv-stringify/sync';
import { formatDollars, formatPercent } from '../collateral/csvFields.ts';
import { cents, type Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import {
  AMOUNT_COLUMNS,
  REMITTANCE_COLUMNS,
  type AmountColumn,
  type RemittanceColumn,
  type RemittanceRow,
} from './remittanceRow.ts';

export type RemittanceLine = Omit<RemittanceRow, 'row'>;

const flag = (value: boolean): string => (value ? 'Y' : 'N');

function cellsOf(line: RemittanceLine): Record<RemittanceColumn | 'group', string> {
  const amounts = Object.fromEntries(
    Object.entries(AMOUNT_COLUMNS).map(([column, field]) => [column, formatDollars(line[field])]),
  ) as Record<AmountColumn, string>;
  return {
    ...amounts,
    distribution_date: line.distributionDate,
    loan_id: line.loanId,
    note_rate: formatPercent(line.noteRate),
    payoff_date: line.payoffDate ?? '',
    remaining_term: String(line.remainingTerm),
    next_due_date: line.nextDueDate ?? '',
    delinquency_mba: line.delinquencyMba ?? '',
    delinquency_ots: line.delinquencyOts ?? '',
    foreclosure: flag(line.foreclosure),
    bankruptcy: flag(line.bankruptcy),
    reo: flag(line.reo),
    group: line.group ?? '',
  };
}

/** The TOTAL row's cells: each amount column summed, every other cell blank. */
function totalCells(
  date: PlainDate,
  lines: readonly RemittanceLine[],
  columns: readonly string[],
): string[] {
  return columns.map((column) => {
    if (column === 'distribution_date') return date;
    if (column === 'loan_id') return 'TOTAL';
    if (!(column in AMOUNT_COLUMNS)) return '';
    const field = AMOUNT_COLUMNS[column as AmountColumn];
    const total: Cents = cents(lines.reduce((s, l) => s + l[field], 0));
    return formatDollars(total);
  });
}

/** A remittance report as CSV text: header, one line a loan, the TOTAL row (LF line ends). */
export function writeRemittance(date: PlainDate, lines: readonly RemittanceLine[]): string {
  // The `group` column only for a pool of groups: other reports read as before.
  const columns: (RemittanceColumn | 'group')[] = lines.some((l) => l.group !== undefined)
    ? [...REMITTANCE_COLUMNS, 'group']
    : [...REMITTANCE_COLUMNS];
  const body = lines.map((line) => {
    const cells = cellsOf(line);
    return columns.map((c) => cells[c]);
  });
  return stringify([columns, ...body, totalCells(date, lines, columns)]);
}
