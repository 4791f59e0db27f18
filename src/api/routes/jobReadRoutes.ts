import type { FastifyInstance } from 'fastify';
import { TrusteeError } from '../../errors/catalogue.ts';
import { projectionCsv, projectionWorkbook } from '../downloads/projectionFiles.ts';
import type { Job } from '../jobs/jobRegistry.ts';
import { jobSchema, resultPageSchema } from '../jobs/jobSchema.ts';
import type { StoredResult } from '../jobs/resultFiles.ts';
import type { GridResult, ProjectionResult } from '../service/projectionTypes.ts';
import { errorResponses, fileResponse } from '../schemas.ts';
import type { JobServices } from './jobRoutes.ts';
import { sendDownload } from './sendDownload.ts';

const jobParams = {
  type: 'object',
  properties: { jobId: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
  required: ['jobId'],
  additionalProperties: false,
} as const;

/** The largest page of a result: a grid's 1,000 scenarios (about 600 KB), or any projection. */
export const MAX_PAGE = 1000;

/** A finished job's stored result, or JOB_NOT_DONE saying what it is instead. */
function storedResult(job: Job): StoredResult {
  if (job.status !== 'done' || !job.result) {
    throw new TrusteeError('JOB_NOT_DONE', `job ${job.id} is ${job.status}`, [
      {
        field: 'jobId',
        message:
          job.error?.message ??
          (job.status === 'cancelled'
            ? 'cancelled: it has no result'
            : `${job.progress.done} of ${job.progress.total} done`),
        expected: 'a finished job',
      },
    ]);
  }
  return job.result as StoredResult;
}

/** Polling a job, cancelling it, and reading its result a page at a time or as a file. */
export function jobReadRoutes(app: FastifyInstance, { jobs, files }: JobServices): void {
  app.get<{ Params: { jobId: string } }>(
    '/api/jobs/:jobId',
    {
      schema: {
        tags: ['projections'],
        summary:
          'A job: status (queued, running, done, failed, cancelled), its place in the queue, ' +
          'progress, and where its result is or its error',
        params: jobParams,
        response: { 200: jobSchema, ...errorResponses(404, 422) },
      },
    },
    (request) => jobs.get(request.params.jobId),
  );
  app.delete<{ Params: { jobId: string } }>(
    '/api/jobs/:jobId',
    {
      schema: {
        tags: ['projections'],
        summary: 'Cancel a job',
        description:
          'A queued job leaves the queue; a running one stops at its next check (a grid ' +
          'dispatches no further scenarios; the work in flight ends and is discarded). Its ' +
          'status is cancelled at once and its result route answers 409 JOB_NOT_DONE. An ' +
          'ended job (done, failed, cancelled) is answered as it is.',
        params: jobParams,
        response: { 200: jobSchema, ...errorResponses(404, 422) },
      },
    },
    (request) => jobs.cancel(request.params.jobId),
  );
  app.get<{ Params: { jobId: string }; Querystring: { offset: number; limit: number } }>(
    '/api/jobs/:jobId/result',
    {
      schema: {
        tags: ['projections'],
        summary: "A finished job's result, a page of rows at a time",
        description:
          "The result's fields (dealId, asOf, loans; a projection's scenario, classes and " +
          "breakevens) with `rows`: a grid's scenarios or a projection's months, `limit` of " +
          'them from `offset`; `total` rows in all; `next` the URL of the next page, null on ' +
          "the last. The rows are read from the job's file on disk, as written.",
        params: jobParams,
        querystring: {
          type: 'object',
          properties: {
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 100 },
          },
          additionalProperties: false,
        },
        response: {
          200: resultPageSchema,
          ...errorResponses(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const job = jobs.get(request.params.jobId);
      const stored = storedResult(job);
      const { offset, limit } = request.query;
      const page = await files.page(job.id, offset, limit);
      const next =
        offset + limit < page.total
          ? `${stored.href}?offset=${offset + limit}&limit=${limit}`
          : null;
      // The rows go out as the text they were written as: no parse, no serialize of the page.
      const fields = JSON.stringify({ ...page.head, total: page.total, offset, limit, next });
      return reply
        .type('application/json; charset=utf-8')
        .send(`${fields.slice(0, -1)},"rows":[${page.rows.join(',')}]}`);
    },
  );
  app.get<{ Params: { jobId: string }; Querystring: { format: 'csv' | 'xlsx' } }>(
    '/api/jobs/:jobId/download',
    {
      schema: {
        tags: ['projections'],
        summary: "A finished job's result as CSV or Excel",
        params: jobParams,
        querystring: {
          type: 'object',
          properties: { format: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' } },
          additionalProperties: false,
        },
        response: {
          200: fileResponse('The projection', [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ]),
          ...errorResponses(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const job = jobs.get(request.params.jobId);
      storedResult(job);
      // At most the limits' rows (2,000 scenarios, 600 months): small enough to build whole.
      const { head, rows } = await files.readAll(job.id);
      const result =
        job.kind === 'grid'
          ? ({ ...head, rows } as unknown as GridResult)
          : ({ ...head, periods: rows } as unknown as ProjectionResult);
      const name = `${job.dealId}-${job.kind}-${job.id.slice(0, 8)}`;
      const file =
        request.query.format === 'xlsx'
          ? await projectionWorkbook(name, result)
          : projectionCsv(name, result);
      return sendDownload(reply, file, true);
    },
  );
}
