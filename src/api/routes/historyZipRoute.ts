import type { FastifyInstance } from 'fastify';
import { historyFiles, zipStream } from '../investors/historyZip.ts';
import type { Portal } from '../service/portal.ts';
import { dealParams, errorResponses, fileResponse } from '../schemas.ts';

/** A deal's whole published history as one ZIP, streamed as it is made. */
export function historyZipRoute(app: FastifyInstance, portal: Portal): void {
  app.get<{ Params: { dealId: string } }>(
    '/api/deals/:dealId/history.zip',
    {
      schema: {
        tags: ['filings'],
        summary:
          'Every published statement in every format, each 8-K, the 10-K of each full year, the closing 8-K, and a manifest with SHA-256',
        params: dealParams,
        response: { 200: fileResponse('The ZIP', ['application/zip']), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const deal = await portal.resolve(request.params.dealId);
      const about = {
        dealId: deal.id,
        dealName: deal.name,
        generatedAt: new Date().toISOString(),
        note: 'each closed date in its current version; sha256 of each file as stored in this archive',
      };
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${deal.id}-history.zip"`)
        .send(zipStream(historyFiles(portal, deal.id), about));
    },
  );
}
