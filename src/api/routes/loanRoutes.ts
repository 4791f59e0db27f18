import type { FastifyInstance } from 'fastify';
import type { StratificationKey } from '../../collateral/stratify.ts';
import {
  loanTapePage,
  loanTapes,
  stratification,
  stratificationKeys,
} from '../service/loanTapeView.ts';
import type { Portal } from '../service/portal.ts';
import { dealIdSchema, dealParams, errorResponses, objectResponse } from '../schemas.ts';

/** The loan tape of a deal, a page at a time, and its stratification tables. */
export function loanRoutes(app: FastifyInstance, portal: Portal): void {
  const tapeOf = loanTapes((dealId) => portal.bookLoans(dealId));
  app.get<{ Params: { dealId: string }; Querystring: { offset: number; limit: number } }>(
    '/api/deals/:dealId/loans',
    {
      schema: {
        tags: ['collateral'],
        summary: 'The loan tape: a page of loans and the pool totals',
        params: dealParams,
        querystring: {
          type: 'object',
          properties: {
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
          },
          additionalProperties: false,
        },
        response: {
          200: objectResponse('asOf, total, offset, totals, loans'),
          ...errorResponses(404, 422),
        },
      },
    },
    async (request) => {
      const deal = portal.deal(request.params.dealId);
      return loanTapePage(deal, await tapeOf(deal), request.query.offset, request.query.limit);
    },
  );
  app.get<{ Params: { dealId: string; by: StratificationKey } }>(
    '/api/deals/:dealId/loans/stratifications/:by',
    {
      schema: {
        tags: ['collateral'],
        summary: 'A stratification table of the pool by product, rate, term, state, FICO or LTV',
        params: {
          type: 'object',
          properties: {
            dealId: dealIdSchema,
            by: { type: 'string', enum: [...stratificationKeys] },
          },
          required: ['dealId', 'by'],
          additionalProperties: false,
        },
        response: { 200: objectResponse('by, totals, strata'), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const deal = portal.deal(request.params.dealId);
      return stratification(await tapeOf(deal), request.params.by);
    },
  );
}
