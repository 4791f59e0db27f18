import { errorSchema } from '../schemas.ts';
import { JOB_STATUSES } from './jobRegistry.ts';

/**
 * A job as the API answers it (the registry's `Job`), for fastify's serializer and the OpenAPI
 * description. Every field of `Job` is listed: one left out here would be dropped from answers.
 */
export const jobSchema = {
  type: 'object',
  description: 'A projection or scenario grid job: poll GET /api/jobs/{jobId} until done or failed',
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: { type: 'string', description: 'projection or grid', examples: ['grid'] },
    dealId: { type: 'string', examples: ['nchet-2002-1'] },
    status: {
      type: 'string',
      enum: JOB_STATUSES,
      description:
        'queued: waiting for a free slot (a few jobs run at a time, first come first served); ' +
        'running; done (result set), failed (error set) or cancelled (DELETE /api/jobs/{jobId})',
    },
    position: {
      type: ['integer', 'null'],
      minimum: 1,
      description: 'Place in the queue while queued (1 = the next to start); null otherwise',
    },
    progress: {
      type: 'object',
      description:
        'Units done and in all (runs of a projection, scenarios of a grid); 0 while queued',
      properties: { done: { type: 'integer' }, total: { type: 'integer' } },
      required: ['done', 'total'],
    },
    createdAt: { type: 'string', format: 'date-time' },
    startedAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: 'When it left the queue; null while queued',
    },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    result: {
      anyOf: [
        {
          type: 'object',
          properties: {
            href: {
              type: 'string',
              description: 'GET it for the result, a page at a time (?offset=&limit=)',
              examples: ['/api/jobs/0b7e7d4e-8f43-4a5e-9b7a-2c1d8e0f6a31/result'],
            },
            count: {
              type: 'integer',
              description: "Rows of the result: a grid's scenarios, a projection's months",
            },
          },
          required: ['href', 'count'],
          additionalProperties: false,
        },
        { type: 'null' },
      ],
      description: 'Once done, where to read the result (kept on disk, not in the job); else null',
    },
    error: { anyOf: [errorSchema, { type: 'null' }], description: 'Why it failed; else null' },
  },
  required: [
    'id',
    'kind',
    'dealId',
    'status',
    'position',
    'progress',
    'createdAt',
    'startedAt',
    'finishedAt',
    'result',
    'error',
  ],
  additionalProperties: false,
} as const;

/** A page of a finished job's result (GET /api/jobs/{jobId}/result), for the OpenAPI description. */
export const resultPageSchema = {
  type: 'object',
  description:
    "The result's other fields (dealId, asOf, loans; a projection's scenario, classes and " +
    'breakevens) with a page of its rows',
  properties: {
    dealId: { type: 'string', examples: ['nchet-2002-1'] },
    asOf: { type: 'string', format: 'date', description: 'The closed date it starts after' },
    loans: { type: 'string', description: 'Where the loans came from' },
    total: { type: 'integer', description: 'Rows in all' },
    offset: { type: 'integer', description: 'The first row of this page (0-based)' },
    limit: { type: 'integer', description: 'Rows a page' },
    next: {
      type: ['string', 'null'],
      description: 'The URL of the next page; null on the last',
    },
    rows: {
      type: 'array',
      description:
        "A grid's scenarios (index, name, assumptions, classes) or a projection's months",
      items: { type: 'object', additionalProperties: true },
    },
  },
  required: ['dealId', 'asOf', 'loans', 'total', 'offset', 'limit', 'next', 'rows'],
  additionalProperties: true,
} as const;

/** Seconds a refused client is told to wait: about the time a running grid takes to end. */
export const RETRY_AFTER_SECONDS = 5;

/** The refusal of a job when the queue is full: 503 BUSY with Retry-After. */
export const busyResponse = {
  ...errorSchema,
  description:
    'BUSY: the job queue is full (docs/errors.md); nothing was started. Post again after ' +
    'Retry-After seconds.',
  headers: {
    'retry-after': { type: 'integer', description: 'Seconds to wait before posting again' },
  },
} as const;
