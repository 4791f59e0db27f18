import type { FastifyInstance } from 'fastify';
import type { Portal } from '../service/portal.ts';
import { arrayResponse, dealParams, errorResponses, objectResponse } from '../schemas.ts';

/** Deals, their classes and the distribution-date history. */
export function dealRoutes(app: FastifyInstance, portal: Portal): void {
  app.get<{ Querystring: { search?: string } }>(
    '/api/deals',
    {
      schema: {
        tags: ['deals'],
        summary:
          'The deals this server administers (built-in and the book), with their closed ' +
          'distribution dates; `search` keeps those whose name, CUSIP or servicer contains it',
        querystring: {
          type: 'object',
          properties: { search: { type: 'string', maxLength: 200 } },
          additionalProperties: false,
        },
        response: {
          200: arrayResponse('id, name, series, origin, servicers, cusips, distributionDates'),
        },
      },
    },
    async (request) => {
      // An investor's list holds the deals they are entitled to, and no other.
      const deals = await portal.deals(request.query.search);
      const user = request.caller?.user;
      return user?.role === 'investor' ? deals.filter((d) => user.deals.includes(d.id)) : deals;
    },
  );
  app.get<{ Params: { dealId: string } }>(
    '/api/deals/:dealId',
    {
      schema: {
        tags: ['deals'],
        summary:
          'Deal overview: parties, classes, balances and factors, CE, OC vs target, triggers',
        params: dealParams,
        response: {
          200: objectResponse('The overview as of the latest closed distribution date'),
          ...errorResponses(404, 422),
        },
      },
    },
    (request) => portal.overview(request.params.dealId),
  );
  app.get<{ Params: { dealId: string } }>(
    '/api/deals/:dealId/classes',
    {
      schema: {
        tags: ['deals'],
        summary: 'Classes: CUSIP, original and current balance, factor, margin, last coupon',
        params: dealParams,
        response: { 200: arrayResponse('One row per class'), ...errorResponses(404, 422) },
      },
    },
    (request) => portal.classes(request.params.dealId),
  );
  app.get<{ Params: { dealId: string } }>(
    '/api/deals/:dealId/distributions',
    {
      schema: {
        tags: ['distributions'],
        summary:
          'The distribution-date history: per date pool and class balances, factors, CPR/CDR/' +
          'severity, delinquency, excess spread, Net WAC and coupons',
        params: dealParams,
        response: {
          200: arrayResponse('One point per closed distribution date, oldest first'),
          ...errorResponses(404, 422),
        },
      },
    },
    (request) => portal.history(request.params.dealId),
  );
}
