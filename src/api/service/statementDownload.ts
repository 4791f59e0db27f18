import type { Deal } from '../../deal/deal.ts';
import { renderStatement, statementModel } from '../../reports/index.ts';
import type { Distribution } from '../../waterfall/types.ts';
import { XLSX, type Download } from '../downloads/download.ts';
import { statementPdf } from '../downloads/statementPdf.ts';
import { statementWorkbook } from '../downloads/statementWorkbook.ts';
import { statementSections } from './statementSections.ts';

export const statementFormats = ['text', 'json', 'csv', 'pdf', 'xlsx'] as const;
export type StatementFormat = (typeof statementFormats)[number];

/** The Statement to Certificateholders of one date in one format, named for the deal and date. */
export async function statementDownload(
  deal: Deal,
  distribution: Distribution,
  format: StatementFormat,
  version?: string,
): Promise<Download> {
  const options = version ? { version } : {};
  const base = `${deal.id}-statement-${distribution.distributionDate}`;
  switch (format) {
    case 'text':
      return {
        contentType: 'text/plain; charset=utf-8',
        filename: `${base}.txt`,
        body: renderStatement(deal, distribution, 'text', options),
      };
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        filename: `${base}.json`,
        body: renderStatement(deal, distribution, 'json', options),
      };
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8',
        filename: `${base}.csv`,
        body: renderStatement(deal, distribution, 'csv', options),
      };
    case 'pdf':
      return {
        contentType: 'application/pdf',
        filename: `${base}.pdf`,
        body: await statementPdf(
          statementSections(statementModel(deal, distribution, options)),
          `${deal.name}: statement ${distribution.distributionDate}`,
        ),
      };
    case 'xlsx':
      return {
        contentType: XLSX,
        filename: `${base}.xlsx`,
        body: await statementWorkbook(
          statementSections(statementModel(deal, distribution, options)),
        ),
      };
  }
}
