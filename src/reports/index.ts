import type { Deal } from '../deal/deal.ts';
import type { Distribution } from '../waterfall/types.ts';
import { annualAmountPaths } from './annualAmounts.ts';
import { annualReportFacts, type AnnualReportFacts } from './annualReportDefaults.ts';
import { annualSummary, type AnnualSummaryOptions } from './annualSummary.ts';
import { annualSummaryText } from './annualSummaryText.ts';
import { withDollars } from './figures.ts';
import { form10k } from './form10k.ts';
import { form8k } from './form8k.ts';
import { figuresCsv, statementCsv } from './statementCsv.ts';
import { statementJson } from './statementJson.ts';
import { statementModel } from './statementModel.ts';
import { statementText } from './statementText.ts';

export { statementModel, type StatementOptions } from './statementModel.ts';
import type { StatementOptions } from './statementModel.ts';
export { annualSummary, type AnnualSummaryOptions } from './annualSummary.ts';
export type { StatementModel } from './statementTypes.ts';
export type { AnnualSummaryModel } from './annualTypes.ts';
export type { AnnualReportFacts } from './annualReportDefaults.ts';

/** '8k' renders the whole Form 8-K (cover, statement, signatures). */
export type StatementFormat = 'text' | 'json' | 'csv' | '8k';

/** The Statement to Certificateholders of one distribution, as text, JSON, CSV or the 8-K. */
export function renderStatement(
  deal: Deal,
  distribution: Distribution,
  format: StatementFormat,
  options: StatementOptions = {},
): string {
  const model = statementModel(deal, distribution, options);
  switch (format) {
    case 'text':
      return statementText(model);
    case 'json':
      return statementJson(model, distribution);
    case 'csv':
      return statementCsv(model);
    case '8k':
      return form8k(deal, model);
  }
}

/** The Form 8-K for one distribution date. */
export function renderForm8K(deal: Deal, distribution: Distribution): string {
  return form8k(deal, statementModel(deal, distribution));
}

/** The annual summary (Exhibit 99.1) as text, JSON or CSV. */
export function renderAnnualSummary(
  deal: Deal,
  distributions: readonly Distribution[],
  nextIndexRate: number,
  format: 'text' | 'json' | 'csv',
  options: AnnualSummaryOptions = {},
): string {
  const model = annualSummary(deal, distributions, nextIndexRate, options);
  switch (format) {
    case 'text':
      return annualSummaryText(model);
    case 'json':
      return `${JSON.stringify({ report: 'Annual Summary', ...(withDollars(model, annualAmountPaths) as object) }, null, 2)}\n`;
    case 'csv':
      return figuresCsv(model, annualAmountPaths);
  }
}

export type Form10KOptions = AnnualSummaryOptions & Partial<AnnualReportFacts>;

/**
 * The Form 10-K for the year of `distributions` (that year's distributions, in order), with the
 * index rate fixed for the period after the last one. Holders of record, signer and signing
 * dates default to the deal's (src/reports/annualReportDefaults.json).
 */
export function renderForm10K(
  deal: Deal,
  distributions: readonly Distribution[],
  nextIndexRate: number,
  options: Form10KOptions = {},
): string {
  const model = annualSummary(deal, distributions, nextIndexRate, options);
  const facts = annualReportFacts(deal.id, model.summary.year, options);
  return form10k(deal, model, facts);
}
