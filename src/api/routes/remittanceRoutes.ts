import type { FastifyInstance } from 'fastify';
import type { Portal } from '../service/portal.ts';
import { dealDateParams, errorResponses, objectResponse } from '../schemas.ts';

/** The servicer's remittance of a closed period: its totals and its loan-level rows. */
export function remittanceRoutes(app: FastifyInstance, portal: Portal): void {
  app.get<{ Params: { dealId: string; date: string } }>(
    '/api/deals/:dealId/distributions/:date/remittance',
    {
      schema: {
        tags: ['distributions'],
        summary:
          'The remittance a distribution date was run from: source, collection-period totals ' +
          '(cents), and the servicer rows as given',
        params: dealDateParams,
        response: {
          200: objectResponse('distributionDate, source, period, rows'),
          ...errorResponses(404, 422),
        },
      },
    },
    (request) => portal.remittance(request.params.dealId, request.params.date),
  );
}
