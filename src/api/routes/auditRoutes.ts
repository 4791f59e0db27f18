import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { PlainDate } from '../../money/plainDate.ts';
import type { AuditEntry, TrustStore } from '../../store/trustStore.ts';
import { arrayResponse, dateSchema, dealIdSchema, errorResponses } from '../schemas.ts';
import { sendDownload } from './sendDownload.ts';

interface AuditQuery {
  dealId?: string;
  actor?: string;
  from?: PlainDate;
  to?: PlainDate;
  format: 'json' | 'csv';
}

const COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'deal',
  'distribution_date',
  'version',
  'reason',
  'address',
  'details',
  'previous_hash',
  'hash',
] as const;

/** The entries as CSV: one row an entry, the details as their JSON, the chain's two hashes. */
function auditCsv(entries: readonly AuditEntry[]): string {
  return stringify([
    [...COLUMNS],
    ...entries.map((e) => [
      e.seq,
      e.at,
      e.actor,
      e.action,
      e.dealId ?? '',
      e.distributionDate ?? '',
      e.version ?? '',
      e.reason ?? '',
      e.address ?? '',
      JSON.stringify(e.details),
      e.previousHash,
      e.hash,
    ]),
  ]);
}

/**
 * The audit log for auditors and administrators (permissions.ts): every change and sign-in,
 * filtered by deal, user and days, as JSON or a CSV download. The store the entries come from is
 * the one the portal's users and sign-ins are in.
 */
export function auditRoutes(app: FastifyInstance, store: TrustStore): void {
  app.get<{ Querystring: AuditQuery }>(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The audit log: who did what, when, why and from where, with its hash chain; ' +
          'filtered by deal, user and days (UTC), as JSON or CSV',
        querystring: {
          type: 'object',
          properties: {
            dealId: dealIdSchema,
            actor: { type: 'string', minLength: 1, maxLength: 64, description: 'who acted' },
            from: { ...dateSchema, description: 'the first day, YYYY-MM-DD (UTC)' },
            to: { ...dateSchema, description: 'the last day, YYYY-MM-DD (UTC), included' },
            format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
          },
          additionalProperties: false,
        },
        response: {
          200: arrayResponse('One entry a change or sign-in, oldest first'),
          ...errorResponses(401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const entries = await store.allAudit(filter);
      if (format === 'json') return entries;
      return sendDownload(
        reply,
        {
          contentType: 'text/csv; charset=utf-8',
          filename: 'audit-log.csv',
          body: auditCsv(entries),
        },
        true,
      );
    },
  );
}
