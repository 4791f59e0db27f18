import { readCsvRecords } from '../collateral/readCsv.ts';
import { problemList } from '../collateral/problemList.ts';
import type { Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import {
  AMOUNT_COLUMNS,
  REMITTANCE_COLUMNS,
  REMITTANCE_OPTIONAL_COLUMNS,
  type AmountColumn,
  type RemittanceFile,
  type RemittanceRow,
  type RemittanceTotals,
} from './remittanceRow.ts';
import { remittanceRowSchema, totalRowSchema } from './remittanceSchema.ts';

/**
 * Reads a servicer remittance report (docs/formats-remittance.md) by streaming it, checking
 * every cell. Resolves to its loan rows and TOTAL row, or rejects with one INVALID_INPUT error
 * listing every problem by file, row and field. Whether the figures reconcile is checked by
 * reconcileRemittance (collectionPeriodFromRemittance runs both). `content`, when given, is the
 * report's text (an upload named `path`), read instead of the file.
 */
export async function readRemittance(path: string, content?: string): Promise<RemittanceFile> {
  const rows: RemittanceRow[] = [];
  const problems = problemList(path);
  let totals: RemittanceTotals | undefined;
  let date: PlainDate | undefined;
  for await (const { row, cells } of readCsvRecords(
    path,
    REMITTANCE_COLUMNS,
    'remittance report',
    REMITTANCE_OPTIONAL_COLUMNS,
    content,
  )) {
    if (totals) {
      problems.add({
        file: path,
        row,
        field: 'loan_id',
        message: 'a row after the TOTAL row',
        expected: 'the TOTAL row last',
      });
      continue;
    }
    const isTotal = cells.loan_id?.trim().toUpperCase() === 'TOTAL';
    const parsed = isTotal ? parseTotal(cells, row) : parseRow(cells, row);
    if ('issues' in parsed) {
      problems.addCellIssues(row, parsed.issues, cells);
      if (isTotal) totals = { row } as RemittanceTotals;
      continue;
    }
    date ??= parsed.date;
    if (parsed.date !== date) {
      problems.add({
        file: path,
        row,
        field: 'distribution_date',
        message: 'differs from the first row',
        expected: date,
        got: parsed.date,
      });
    }
    if (parsed.totals) totals = parsed.totals;
    if (parsed.loan) rows.push(parsed.loan);
  }
  if (!totals) {
    problems.add({
      file: path,
      field: 'loan_id',
      message: 'no TOTAL row',
      expected: 'a last row with loan_id TOTAL',
    });
  }
  problems.throwIfAny('INVALID_INPUT', 'the remittance report is not valid');
  if (!totals || !date) throw new Error(`internal: ${path} read without its TOTAL row or date`);
  return { file: path, distributionDate: date, rows, totals };
}

type Parsed =
  | { issues: readonly { path: readonly PropertyKey[]; message: string }[] }
  | { date: PlainDate; loan?: RemittanceRow; totals?: RemittanceTotals };

function parseRow(cells: Readonly<Record<string, string>>, row: number): Parsed {
  const parsed = remittanceRowSchema.safeParse(cells);
  if (!parsed.success) return { issues: parsed.error.issues };
  return { date: parsed.data.distributionDate, loan: { row, ...parsed.data } };
}

function parseTotal(cells: Readonly<Record<string, string>>, row: number): Parsed {
  const parsed = totalRowSchema.safeParse(cells);
  if (!parsed.success) return { issues: parsed.error.issues };
  const amounts = Object.entries(AMOUNT_COLUMNS).map(([column, field]) => [
    field,
    parsed.data[column as AmountColumn] as Cents,
  ]);
  return {
    date: parsed.data.distribution_date,
    totals: { row, ...Object.fromEntries(amounts) } as RemittanceTotals,
  };
}
