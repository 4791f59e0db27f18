import type { FastifyInstance } from 'fastify';
import { versionNote } from '../../administration/index.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { historyFiles, zipStream, type EarlierVersions } from '../investors/historyZip.ts';
import type { Portal } from '../service/portal.ts';
import { dealParams, errorResponses, fileResponse } from '../schemas.ts';

/** A deal's whole published history as one ZIP, streamed as it is made. */
/** The versions of a date that corrections replaced, from the store (the portal shows the current). */
function earlierVersions(store: TrustStore, dealId: string): EarlierVersions {
  return async (date) => {
    const versions = (await store.listDistributions(dealId)).filter(
      (v) => v.distributionDate === date,
    );
    const current = Math.max(...versions.map((v) => v.version));
    const found = [];
    for (const v of versions.filter((x) => x.version < current)) {
      const stored = await store.getDistribution(dealId, date as PlainDate, v.version);
      if (stored) {
        found.push({
          version: v.version,
          distribution: stored.distribution,
          note: versionNote(stored),
        });
      }
    }
    return found;
  };
}

export function historyZipRoute(app: FastifyInstance, portal: Portal, store: TrustStore): void {
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
        note: 'each closed date in its current version, and under version-<n>/ each version a correction replaced; sha256 of each file as stored in this archive',
      };
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${deal.id}-history.zip"`)
        .send(zipStream(historyFiles(portal, deal.id, earlierVersions(store, deal.id)), about));
    },
  );
}
