import type { FastifyInstance } from 'fastify';
import type { Portal } from '../service/portal.ts';
import {
  statementDownload,
  statementFormats,
  type StatementFormat,
} from '../service/statementDownload.ts';
import { statementModel } from '../../reports/index.ts';
import { statementSections } from '../service/statementSections.ts';
import { dealDateParams, errorResponses, fileResponse, objectResponse } from '../schemas.ts';
import { sendDownload } from './sendDownload.ts';

interface DateRequest {
  Params: { dealId: string; date: string };
}

/** One distribution date: its figures, its statement in every rendering, its sections. */
export function statementRoutes(app: FastifyInstance, portal: Portal): void {
  app.get<DateRequest>(
    '/api/deals/:dealId/distributions/:date',
    {
      schema: {
        tags: ['distributions'],
        summary: 'Every figure of one distribution date, with the waterfall trace',
        params: dealDateParams,
        response: { 200: objectResponse('The distribution'), ...errorResponses(404, 422) },
      },
    },
    (request) => portal.distribution(request.params.dealId, request.params.date),
  );
  app.get<DateRequest>(
    '/api/deals/:dealId/distributions/:date/sections',
    {
      schema: {
        tags: ['statements'],
        summary: "The statement laid out in the filing's sections (what the dashboard shows)",
        params: dealDateParams,
        response: { 200: objectResponse('header lines and sections'), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const { dealId, date } = request.params;
      const version = await portal.version(dealId, date);
      const model = statementModel(
        portal.deal(dealId),
        await portal.distribution(dealId, date),
        version ? { version } : {},
      );
      return statementSections(model);
    },
  );
  app.get<DateRequest & { Querystring: { format: StatementFormat; download?: boolean } }>(
    '/api/deals/:dealId/distributions/:date/statement',
    {
      schema: {
        tags: ['statements'],
        summary: 'The Statement to Certificateholders as text, JSON, CSV, PDF or Excel',
        params: dealDateParams,
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: [...statementFormats], default: 'text' },
            download: {
              type: 'boolean',
              default: false,
              description: 'Send as an attachment (Content-Disposition) rather than inline',
            },
          },
          additionalProperties: false,
        },
        response: {
          200: fileResponse('The statement', [
            'text/plain',
            'application/json',
            'text/csv',
            'application/pdf',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ]),
          ...errorResponses(404, 422),
        },
      },
    },
    async (request, reply) => {
      const { dealId, date } = request.params;
      const deal = portal.deal(dealId);
      const distribution = await portal.distribution(dealId, date);
      const version = await portal.version(dealId, date);
      const file = await statementDownload(deal, distribution, request.query.format, version);
      return sendDownload(reply, file, request.query.download ?? false);
    },
  );
}
