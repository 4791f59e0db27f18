import type { Loan } from './loan.ts';
import { problemList } from './problemList.ts';
import { readCsvRecords } from './readCsv.ts';
import { TAPE_COLUMNS, TAPE_OPTIONAL_COLUMNS, tapeRowSchema } from './tapeColumns.ts';
import { tapeRowToLoan } from './tapeRowToLoan.ts';

/**
 * Reads a loan tape (docs/formats-tape.md) by streaming it, validating every row. Resolves to
 * the loans in file order, or rejects with one INVALID_INPUT error listing every problem
 * (file, row, column, what was expected): a tape that fails yields no loans. `text`, when
 * given, is the tape's content (an upload) and `path` its name in errors.
 */
export async function readLoanTape(path: string, text?: string): Promise<Loan[]> {
  const loans: Loan[] = [];
  const problems = problemList(path);
  const rowOf = new Map<string, number>();
  for await (const { row, cells } of readCsvRecords(
    path,
    TAPE_COLUMNS,
    'loan tape',
    TAPE_OPTIONAL_COLUMNS,
    text,
  )) {
    const parsed = tapeRowSchema.safeParse(cells);
    if (!parsed.success) {
      problems.addCellIssues(row, parsed.error.issues, cells);
      continue;
    }
    const { loan, problems: rowProblems } = tapeRowToLoan(parsed.data);
    for (const p of rowProblems) problems.add({ file: path, row, ...p });
    if (!loan) continue;
    const first = rowOf.get(loan.id);
    if (first !== undefined) {
      problems.add({
        file: path,
        row,
        field: 'loan_id',
        message: `loan ${loan.id} is also on row ${first}`,
        expected: 'each loan once',
      });
      continue;
    }
    rowOf.set(loan.id, row);
    loans.push(loan);
  }
  if (problems.count === 0 && loans.length === 0) {
    problems.add({ file: path, row: 2, message: 'no loans', expected: 'at least one loan row' });
  }
  problems.throwIfAny('INVALID_INPUT', 'the loan tape is not valid');
  return loans;
}
