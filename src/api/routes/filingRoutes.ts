import type { FastifyInstance } from 'fastify';
import { form10kDownload, form8kDownload } from '../service/filings.ts';
import type { Portal } from '../service/portal.ts';
import { dealDateParams, dealIdSchema, errorResponses, fileResponse } from '../schemas.ts';
import { sendDownload } from './sendDownload.ts';

const downloadQuery = {
  type: 'object',
  properties: {
    download: { type: 'boolean', default: false, description: 'Send as an attachment' },
  },
  additionalProperties: false,
} as const;

/** The SEC filings as text: the Form 8-K of a date, the Form 10-K of a year. */
export function filingRoutes(app: FastifyInstance, portal: Portal): void {
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
      const file = form10kDownload(deal, await portal.distributions(dealId), year);
      return sendDownload(reply, file, request.query.download);
    },
  );
}
