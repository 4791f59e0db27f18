import type { FastifyInstance, FastifyReply } from 'fastify';
import { TrusteeError } from '../../errors/catalogue.ts';
import { projectionCsv, projectionWorkbook } from '../downloads/projectionFiles.ts';
import type { Job, JobRegistry, Work } from '../jobs/jobRegistry.ts';
import { busyResponse, jobSchema, RETRY_AFTER_SECONDS } from '../jobs/jobSchema.ts';
import type { Portal } from '../service/portal.ts';
import type { GridResult, ProjectionResult } from '../service/projectionTypes.ts';
import { gridFromRequest, scenarioFromRequest, type Projections } from '../service/projections.ts';
import { dealParams, errorResponses, fileResponse } from '../schemas.ts';
import { sendDownload } from './sendDownload.ts';

const jobParams = {
  type: 'object',
  properties: { jobId: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
  required: ['jobId'],
  additionalProperties: false,
} as const;

const SCENARIO_NOTE =
  'A scenario as in docs/projections.md: rates in percent, e.g. {"prepayment": {"cpr": 25}, ' +
  '"default": {"cdr": 2}, "severity": 40, "recoveryLag": 6, "cleanUpCall": true}';

/** The answers of a POST that starts a job: 202 with the job, or why it was refused. */
const startResponses = { 202: jobSchema, ...errorResponses(400, 404, 422), 503: busyResponse };

/**
 * Starts (or queues) a job and answers 202 with it and its Location; when the queue is full the
 * registry's BUSY goes out as 503 with Retry-After, the header set here because the error
 * handler knows nothing of queues.
 */
function startJob<T>(reply: FastifyReply, start: () => Job<T>): FastifyReply {
  let job: Job<T>;
  try {
    job = start();
  } catch (error) {
    if (error instanceof TrusteeError && error.code === 'BUSY') {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    }
    throw error;
  }
  return reply.status(202).header('location', `/api/jobs/${job.id}`).send(job);
}

/** Projections and scenario grids as jobs: POST starts one (202), GET polls it, then download. */
export function jobRoutes(
  app: FastifyInstance,
  portal: Portal,
  jobs: JobRegistry,
  runs: Projections,
): void {
  app.post<{ Params: { dealId: string }; Body: { scenario: unknown; breakevens: boolean } }>(
    '/api/deals/:dealId/projections',
    {
      schema: {
        tags: ['projections'],
        summary: 'Start a projection of one scenario from the latest closed date (a job)',
        description:
          'Validates the scenario at once (422 INVALID_SCENARIO naming the field), then runs it ' +
          'as a job: class cash flows, WAL, yield at the price and, with breakevens, each ' +
          "class's breakeven CDR. Poll GET /api/jobs/{jobId}. A job waits (status queued) while " +
          'the maximum number of jobs run; 503 BUSY when too many already wait.',
        params: dealParams,
        body: {
          type: 'object',
          properties: {
            scenario: { type: 'object', description: SCENARIO_NOTE },
            breakevens: { type: 'boolean', default: false },
          },
          required: ['scenario'],
          additionalProperties: false,
        },
        response: startResponses,
      },
    },
    async (request, reply) => {
      const deal = portal.deal(request.params.dealId);
      const scenario = scenarioFromRequest(request.body.scenario);
      const { breakevens } = request.body;
      const total = 1 + (breakevens ? deal.floatingClasses.length : 0);
      const work: Work<ProjectionResult> = (report) =>
        runs.project(deal, scenario, breakevens, report);
      return startJob(reply, () => jobs.start('projection', deal.id, total, work));
    },
  );
  app.post<{ Params: { dealId: string }; Body: { grid: unknown } }>(
    '/api/deals/:dealId/scenario-grids',
    {
      schema: {
        tags: ['projections'],
        summary: 'Start a scenario grid (a job): every combination of the values to vary',
        description:
          'The grid as in docs/projections.md: {"base": {...}, "vary": {"prepayment.cpr": [10, 20], ' +
          '"default.cdr": [0, 5]}} or {"scenarios": [...]}. Progress counts scenarios run. ' +
          'Queued like projections (status queued, then running); 503 BUSY when the queue is full.',
        params: dealParams,
        body: {
          type: 'object',
          properties: { grid: { type: 'object' } },
          required: ['grid'],
          additionalProperties: false,
        },
        response: startResponses,
      },
    },
    async (request, reply) => {
      const deal = portal.deal(request.params.dealId);
      const scenarios = gridFromRequest(request.body.grid);
      const work: Work<GridResult> = (report) => runs.grid(deal, scenarios, report);
      return startJob(reply, () => jobs.start('grid', deal.id, scenarios.length, work));
    },
  );
  app.get<{ Params: { jobId: string } }>(
    '/api/jobs/:jobId',
    {
      schema: {
        tags: ['projections'],
        summary:
          'A job: status (queued, running, done, failed), its place in the queue, progress, ' +
          'and its result or error',
        params: jobParams,
        response: { 200: jobSchema, ...errorResponses(404, 422) },
      },
    },
    (request) => jobs.get(request.params.jobId),
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
      if (job.status !== 'done' || !job.result) {
        throw new TrusteeError('JOB_NOT_DONE', `job ${job.id} is ${job.status}`, [
          {
            field: 'jobId',
            message: job.error?.message ?? `${job.progress.done} of ${job.progress.total} done`,
            expected: 'a finished job',
          },
        ]);
      }
      const result = job.result as ProjectionResult | GridResult;
      const name = `${job.dealId}-${job.kind}-${job.id.slice(0, 8)}`;
      const file =
        request.query.format === 'xlsx'
          ? await projectionWorkbook(name, result)
          : projectionCsv(name, result);
      return sendDownload(reply, file, true);
    },
  );
}
