import type { FastifyInstance } from 'fastify';
import { approveDraft } from '../../administration/cycle/approveDraft.ts';
import { prepareDistribution } from '../../administration/cycle/prepareDistribution.ts';
import { publishDraft } from '../../administration/cycle/publishDraft.ts';
import { rejectDraft } from '../../administration/cycle/rejectDraft.ts';
import { uploadRemittance } from '../../administration/cycle/uploadRemittance.ts';
import { draftNotFound } from '../../administration/cycle/draftNotFound.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import {
  arrayResponse,
  dateSchema,
  dealDateParams,
  dealParams,
  errorResponses,
  objectResponse,
} from '../schemas.ts';
import { callerOf } from './requestWho.ts';

/** The largest remittance report taken: a pool of ~40,000 loans at ~250 bytes a row. */
export const REMITTANCE_BODY_BYTES = 10 * 1024 * 1024;

const draftParams = {
  type: 'object',
  properties: { draftId: { type: 'string', format: 'uuid', description: 'A draft id' } },
  required: ['draftId'],
  additionalProperties: false,
} as const;

/**
 * The monthly cycle through the API (who may use each route: permissions.ts): upload the
 * servicer's remittance and read its reconciliation, prepare the date's distribution (a draft
 * with its statement and trace), approve or reject it (a second person), publish it. Every
 * change is audited with the caller and their address.
 */
export function cycleRoutes(app: FastifyInstance, store: TrustStore): void {
  // A remittance report is uploaded as the CSV file it is: its text, as the route's body.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.post<{ Params: { dealId: string }; Querystring: { file?: string }; Body: unknown }>(
    '/api/deals/:dealId/remittances',
    {
      bodyLimit: REMITTANCE_BODY_BYTES,
      schema: {
        tags: ['monthly cycle'],
        summary:
          "Upload the servicer's remittance for a date: a loan-level report (text/csv, " +
          'docs/formats-remittance.md), or collection-period totals (application/json, ' +
          'docs/formats.md) for a date given in totals. Every row problem is named by row and ' +
          'field (422, nothing stored); else it is reconciled against the loans before its ' +
          'date, stored as waiting for its date, and its collection-period totals returned',
        params: dealParams,
        querystring: {
          type: 'object',
          properties: {
            file: {
              type: 'string',
              maxLength: 200,
              description: "The file's name, as errors and the remittance's source name it",
            },
          },
          additionalProperties: false,
        },
        response: {
          201: objectResponse('remittance (id, date, source, rows, storedAt) and period (cents)'),
          ...errorResponses(400, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const json = typeof body !== 'string';
      const result = await uploadRemittance(store, {
        dealId: request.params.dealId,
        fileName: request.query.file ?? (json ? 'upload.json' : 'upload.csv'),
        content: json ? JSON.stringify(body) : body,
        uploadedBy: callerOf(request).name,
        address: request.ip,
      });
      return reply.code(201).send(result);
    },
  );

  app.get<{ Params: { dealId: string } }>(
    '/api/deals/:dealId/remittances/waiting',
    {
      schema: {
        tags: ['monthly cycle'],
        summary:
          'The remittances uploaded and not yet published, latest first, each with its ' +
          'reconciled collection-period totals (cents)',
        params: dealParams,
        response: { 200: arrayResponse('remittance and period'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const waiting = await store.waitingRemittances(request.params.dealId);
      return Promise.all(
        waiting.map(async (remittance) => ({
          remittance,
          period: (await store.getRemittance(remittance.remittanceId))!.period,
        })),
      );
    },
  );

  app.post<{ Params: { dealId: string }; Body: { distributionDate: PlainDate; reason?: string } }>(
    '/api/deals/:dealId/drafts',
    {
      schema: {
        tags: ['monthly cycle'],
        summary:
          'Prepare the distribution of a date from the remittance waiting for it: the close ' +
          '(or, with a reason, the correction of the closed date) run and kept as a draft with ' +
          'its figures, trace and statement, not published (NO_REMITTANCE when none waits)',
        params: dealParams,
        body: {
          type: 'object',
          properties: {
            distributionDate: dateSchema,
            reason: {
              type: 'string',
              minLength: 1,
              maxLength: 500,
              description: 'A correction of a closed date: why',
            },
          },
          required: ['distributionDate'],
          additionalProperties: false,
        },
        response: { 201: objectResponse('The draft'), ...errorResponses(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const draft = await prepareDistribution(store, {
        dealId: request.params.dealId,
        distributionDate: request.body.distributionDate,
        preparedBy: callerOf(request).name,
        address: request.ip,
        ...(request.body.reason !== undefined ? { reason: request.body.reason } : {}),
      });
      return reply.code(201).send(draft);
    },
  );

  app.get<{ Params: { dealId: string } }>(
    '/api/deals/:dealId/drafts',
    {
      schema: {
        tags: ['monthly cycle'],
        summary: "The deal's prepared distributions and their status, latest first",
        params: dealParams,
        response: { 200: arrayResponse('Drafts without their figures'), ...errorResponses(404) },
      },
    },
    (request) => store.listDrafts({ dealId: request.params.dealId }),
  );

  app.get<{ Params: { draftId: string } }>(
    '/api/drafts/:draftId',
    {
      schema: {
        tags: ['monthly cycle'],
        summary: 'A prepared distribution: status, who and when, figures, trace and statement',
        params: draftParams,
        response: { 200: objectResponse('The draft'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const draft = await store.getDraft(request.params.draftId);
      if (!draft) throw draftNotFound(request.params.draftId);
      return draft;
    },
  );

  app.post<{ Params: { draftId: string }; Body: { note?: string } | undefined }>(
    '/api/drafts/:draftId/approve',
    {
      schema: {
        tags: ['monthly cycle'],
        summary:
          'Approve a prepared distribution: a second person, never its preparer ' +
          '(SECOND_PERSON_REQUIRED); of two approvals at once one lands, the other is ' +
          'DRAFT_DECIDED',
        params: draftParams,
        body: {
          type: 'object',
          properties: { note: { type: 'string', maxLength: 500 } },
          additionalProperties: false,
        },
        response: { 200: objectResponse('The draft'), ...errorResponses(403, 404, 409) },
      },
    },
    (request) =>
      approveDraft(store, {
        draftId: request.params.draftId,
        approvedBy: callerOf(request).name,
        address: request.ip,
        ...(request.body?.note !== undefined ? { note: request.body.note } : {}),
      }),
  );

  app.post<{ Params: { draftId: string }; Body: { reason: string } }>(
    '/api/drafts/:draftId/reject',
    {
      schema: {
        tags: ['monthly cycle'],
        summary: 'Reject a prepared distribution, saying why (a second person, as to approve)',
        params: draftParams,
        body: {
          type: 'object',
          properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } },
          required: ['reason'],
          additionalProperties: false,
        },
        response: { 200: objectResponse('The draft'), ...errorResponses(403, 404, 409, 422) },
      },
    },
    (request) =>
      rejectDraft(store, {
        draftId: request.params.draftId,
        rejectedBy: callerOf(request).name,
        address: request.ip,
        reason: request.body.reason,
      }),
  );

  app.post<{ Params: { draftId: string } }>(
    '/api/drafts/:draftId/publish',
    {
      schema: {
        tags: ['monthly cycle'],
        summary:
          'Publish an approved distribution: the date closed (or corrected: a new version, ' +
          'the earlier kept) with its statement, in one transaction; investors see it from now',
        params: draftParams,
        response: {
          200: objectResponse('draft, record (the version written), followOn'),
          ...errorResponses(404, 409),
        },
      },
    },
    (request) =>
      publishDraft(store, {
        draftId: request.params.draftId,
        publishedBy: callerOf(request).name,
        address: request.ip,
      }),
  );

  app.get<{ Params: { dealId: string; date: string } }>(
    '/api/deals/:dealId/distributions/:date/versions',
    {
      schema: {
        tags: ['monthly cycle'],
        summary:
          'Every version of a closed date, the first closing first: who wrote it, when and why',
        params: dealDateParams,
        response: { 200: arrayResponse('Versions'), ...errorResponses(404) },
      },
    },
    async (request) =>
      (await store.listDistributions(request.params.dealId)).filter(
        (v) => v.distributionDate === request.params.date,
      ),
  );
}
