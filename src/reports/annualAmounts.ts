import type { AnnualSummaryModel } from './annualTypes.ts';
import type { AmountPaths, CheckAmountPaths } from './figures.ts';
import { statementAmountPaths, type StatementAmountPath } from './statementAmounts.ts';

/** The annual summary's amounts (cents): the statement's, and the few it adds. */
const added = [
  'certificates.totalDistribution',
  'newReo.unpaidPrincipal',
  'newReo.statedPrincipal',
] as const satisfies readonly AmountPaths<AnnualSummaryModel>[];

const complete: CheckAmountPaths<AnnualSummaryModel, StatementAmountPath | (typeof added)[number]> =
  true;

export const annualAmountPaths: ReadonlySet<string> = complete
  ? new Set([...statementAmountPaths, ...added])
  : new Set();
