import type { FastifyInstance } from 'fastify';
import type { Distribution } from '../../waterfall/types.ts';
import {
  closing8kDownload,
  form10kDownload,
  form8kDownload,
  type YearEndReports,
} from '../service/filings.ts';
import type { Portal } from '../service/portal.ts';
import {
  dealDateParams,
  dealIdSchema,
  dealParams,
  errorResponses,
  fileResponse,
} from '../schemas.ts';
import { sendDownload } from './sendDownload.ts';

const downloadQuery = {
  type: 'object',
  properties: {
    download: { type: 'boolean', default: false, description: 'Send as an attachment' },
  },
  additionalProperties: false,
} as const;

/**
 * The stored servicer rows of the year's last two dates, when the dates came from reports (the
 * 10-K route's and the history ZIP's).
 */
export async function lastReports(
  portal: Portal,
  dealId: string,
  history: readonly Distribution[],
  year: number,
): Promise<YearEndReports | undefined> {
  const dates = history.map((d) => d.distributionDate).filter((d) => d.startsWith(`${year}-`));
  const lastDate = dates.at(-1);
  if (!lastDate) return undefined;
  const last = await portal.remittance(dealId, lastDate);
  if (last.rows.length === 0) return undefined;
  const before = history[history.findIndex((d) => d.distributionDate === lastDate) - 1];
  const previous = before ? await portal.remittance(dealId, before.distributionDate) : undefined;
  return { previous: previous?.rows, last: last.rows };
}

/** The SEC filings as text: the closing 8-K, the Form 8-K of a date, the Form 10-K of a year. */
export function filingRoutes(app: FastifyInstance, portal: Portal): void {
  app.get<{ Params: { dealId: string }; Querystring: { download: boolean } }>(
    '/api/deals/:dealId/closing/8k',
    {
      schema: {
        tags: ['filings'],
        summary:
          "The deal's closing Form 8-K (the certificates issued, the pool, the parties), as text",
        params: dealParams,
        querystring: downloadQuery,
        response: {
          200: fileResponse('The closing 8-K', ['text/plain']),
          ...errorResponses(404, 422),
        },
      },
    },
    async (request, reply) => {
      const file = closing8kDownload(portal.deal(request.params.dealId));
      return sendDownload(reply, file, request.query.download);
    },
  );
  app.get<{ Params: { dealId: string; date: string }; Querystring: { download: boolean } }>(
    '/api/deals/:dealId/distributions/:date/8k',
    {
      schema: {
        tags: ['filings'],
        summary: 'The Form 8-K of a distribution date (cover, statement, signatures), as text',
        params: dealDateParams,
        querystring: downloadQuery,
        response: { 200: fileResponse('The 8-K', ['text/plain']), ...errorResponses(404, 422) },
      },
    },
    async (request, reply) => {
      const { dealId, date } = request.params;
      const file = form8kDownload(portal.deal(dealId), await portal.distribution(dealId, date));
      return sendDownload(reply, file, request.query.download);
    },
  );
  app.get<{ Params: { dealId: string; year: number }; Querystring: { download: boolean } }>(
    '/api/deals/:dealId/annual/:year/10k',
    {
      schema: {
        tags: ['filings'],
        summary:
          "The Form 10-K of a year with its annual summary (the year's closed dates), as text",
        params: {
          type: 'object',
          properties: {
            dealId: dealIdSchema,
            year: { type: 'integer', minimum: 1990, maximum: 2100 },
          },
          required: ['dealId', 'year'],
          additionalProperties: false,
        },
        querystring: downloadQuery,
        response: { 200: fileResponse('The 10-K', ['text/plain']), ...errorResponses(404, 422) },
      },
    },
    async (request, reply) => {
      const { dealId, year } = request.params;
      const deal = portal.deal(dealId);
      const history = await portal.distributions(dealId);
      const file = form10kDownload(
        deal,
        history,
        year,
        await lastReports(portal, dealId, history, year),
      );
      return sendDownload(reply, file, request.query.download);
    },
  );
}
