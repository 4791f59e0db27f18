import type { FastifyInstance } from 'fastify';
import { findCusip } from '../investors/cusipLookup.ts';
import { factorTable } from '../investors/factorTable.ts';
import { maySee } from '../investors/watchedDeals.ts';
import type { Portal } from '../service/portal.ts';
import { dealParams, errorResponses, objectResponse } from '../schemas.ts';
import { callerOf } from './requestWho.ts';

/** The factor table of a deal's classes by date, and the class (and its factors) of a CUSIP. */
export function factorRoutes(app: FastifyInstance, portal: Portal): void {
  app.get<{ Params: { dealId: string } }>(
    '/api/deals/:dealId/factors',
    {
      schema: {
        tags: ['investors'],
        summary:
          'Every class factor (ending / original balance, 9 decimals) by published distribution date',
        params: dealParams,
        response: {
          200: objectResponse('dealId, decimals, classes, rows'),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const { dealId } = request.params;
      return factorTable(await portal.resolve(dealId), await portal.distributions(dealId));
    },
  );
  app.get<{ Params: { cusip: string } }>(
    '/api/cusips/:cusip',
    {
      schema: {
        tags: ['investors'],
        summary: "A CUSIP's deal and class, with the class's factors by date",
        params: {
          type: 'object',
          properties: { cusip: { type: 'string', minLength: 1, maxLength: 20 } },
          required: ['cusip'],
          additionalProperties: false,
        },
        response: {
          200: objectResponse('cusip, dealId, dealName, class, factors'),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const user = callerOf(request);
      const match = await findCusip(portal, request.params.cusip, (id) => maySee(user, id));
      const deal = await portal.resolve(match.dealId);
      const table = factorTable(deal, await portal.distributions(deal.id));
      return {
        ...match,
        decimals: table.decimals,
        originalBalance: table.classes.find((c) => c.class === match.class)?.originalBalance,
        factors: table.rows.map((r) => ({
          date: r.date,
          factor: r.factors[match.class] ?? null,
          endingBalance: r.endingBalances[match.class] ?? null,
        })),
      };
    },
  );
}
