import { cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { AMOUNT_COLUMNS, type RemittanceFile, type RemittanceTotals } from './remittanceRow.ts';
import type { RemittanceLine } from './writeRemittance.ts';

/**
 * A report held in memory (e.g. simulated lines) as if read from a file: lines numbered from
 * row 2 and a TOTAL row of their sums, ready for reconcileRemittance.
 */
export function remittanceFromLines(
  file: string,
  date: PlainDate,
  lines: readonly RemittanceLine[],
): RemittanceFile {
  const rows = lines.map((line, i) => ({ ...line, row: i + 2 }));
  const sums = Object.values(AMOUNT_COLUMNS).map((field) => [
    field,
    cents(lines.reduce((s, l) => s + l[field], 0)),
  ]);
  const totals = { row: rows.length + 2, ...Object.fromEntries(sums) } as RemittanceTotals;
  return { file, distributionDate: date, rows, totals };
}
