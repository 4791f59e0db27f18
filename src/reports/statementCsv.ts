import { stringify } from 'csv-stringify/sync';
import { figuresOf, figureText, type Figure } from './figures.ts';
import { statementAmountPaths } from './statementAmounts.ts';
import type { StatementModel } from './statementTypes.ts';

/**
 * A report model as CSV, one row per figure: section, class or row, column, value. Amounts are
 * dollars with cents ("306573.50"), ratios decimals, flags YES/NO, "not applicable" NA.
 */
export function figuresCsv(model: object, amounts: ReadonlySet<string>): string {
  const rows = figuresOf(model, amounts).map((f: Figure) => [
    f.section,
    f.row,
    f.column,
    figureText(f),
  ]);
  return stringify([['section', 'row', 'column', 'value'], ...rows]);
}

/** The Statement to Certificateholders as CSV (see `figuresCsv`). */
export function statementCsv(model: StatementModel): string {
  return figuresCsv(model, statementAmountPaths);
}
