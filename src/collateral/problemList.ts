import { TrusteeError, type ErrorCode, type ErrorDetail } from '../errors/catalogue.ts';

/**
 * Collects the problems of one input (a tape, a remittance report) so that all of them are
 * reported at once: at most `max` are listed, the rest counted.
 */
export interface ProblemList {
  add(detail: ErrorDetail): void;
  /** A cell's zod issues, each as a problem naming its column and the cell's text. */
  addCellIssues(
    row: number,
    issues: readonly { path: readonly PropertyKey[]; message: string }[],
    cells: Readonly<Record<string, string>>,
  ): void;
  readonly count: number;
  /** Throws one error listing every problem, if there is any. */
  throwIfAny(code: ErrorCode, message: string): void;
}

export function problemList(file: string, max = 100): ProblemList {
  const listed: ErrorDetail[] = [];
  let count = 0;
  const add = (detail: ErrorDetail): void => {
    count += 1;
    if (listed.length < max) listed.push(detail);
  };
  return {
    add,
    addCellIssues(row, issues, cells) {
      for (const issue of issues) {
        const field = String(issue.path[0] ?? '');
        add({
          file,
          row,
          field,
          message: 'invalid value',
          expected: issue.message,
          got: cells[field],
        });
      }
    },
    get count() {
      return count;
    },
    throwIfAny(code, message) {
      if (count === 0) return;
      const more = count > listed.length ? ` (and ${count - listed.length} more problems)` : '';
      throw new TrusteeError(code, `${file}: ${message}${more}`, listed);
    },
  };
}
