import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import type { Loan } from './loan.ts';
import { readCsvRecords } from './readCsv.ts';
import { TAPE_COLUMNS, tapeRowSchema } from './tapeColumns.ts';
import { tapeRowToLoan } from './tapeRowToLoan.ts';

/** At most this many problems are listed; the count of the rest is given. */
const MAX_PROBLEMS = 100;

/**
 * Reads a loan tape (docs/formats-tape.md) by streaming it, validating every row. Resolves to
 * the loans in file order, or rejects with one INVALID_INPUT error listing every problem
 * (file, row, column, what was expected): a tape that fails yields no loans.
 */
export async function readLoanTape(path: string): Promise<Loan[]> {
  const loans: Loan[] = [];
  const problems: ErrorDetail[] = [];
  const rowOf = new Map<string, number>();
  let more = 0;
  const report = (detail: ErrorDetail): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(detail);
    else more += 1;
  };
  for await (const { row, cells } of readCsvRecords(path, TAPE_COLUMNS, 'loan tape')) {
    const parsed = tapeRowSchema.safeParse(cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        report({
          file: path,
          row,
          field,
          message: 'invalid value',
          expected: issue.message,
          got: cells[field],
        });
      }
      continue;
    }
    const { loan, problems: rowProblems } = tapeRowToLoan(parsed.data);
    for (const p of rowProblems) report({ file: path, row, ...p });
    if (!loan) continue;
    const first = rowOf.get(loan.id);
    if (first !== undefined) {
      report({
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
  if (problems.length === 0 && loans.length === 0) {
    report({ file: path, row: 2, message: 'no loans', expected: 'at least one loan row' });
  }
  if (problems.length > 0) {
    const suffix = more > 0 ? ` (and ${more} more problems)` : '';
    throw new TrusteeError(
      'INVALID_INPUT',
      `${path}: the loan tape is not valid${suffix}`,
      problems,
    );
  }
  return loans;
}
