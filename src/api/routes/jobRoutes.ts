import type { FastifyInstance } from 'fastify';
import { TrusteeError } from '../../errors/catalogue.ts';
import { projectionCsv, projectionWorkbook } from '../downloads/projectionFiles.ts';
import type { JobRegistry } from '../jobs/jobRegistry.ts';
import type { Portal } from '../service/portal.ts';
import type { GridResult, ProjectionResult } from '../service/projectionTypes.ts';
import { gridFromRequest, scenarioFromRequest, type Projections } from '../service/projections.ts';
import { dealParams, errorResponses, fileResponse, objectResponse } from '../schemas.ts';
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
          "class's breakeven CDR. Poll GET /api/jobs/{jobId}.",
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
        response: { 202: objectResponse('The job'), ...errorResponses(400, 404, 422) },
      },
    },
    async (request, reply) => {
      const deal = portal.deal(request.params.dealId);
      const scenario = scenarioFromRequest(request.body.scenario);
      const { breakevens } = request.body;
      const total = 1 + (breakevens ? deal.floatingClasses.length : 0);
      const job = jobs.start('projection', deal.id, total, (report) =>
        runs.project(deal, scenario, breakevens, report),
      );
      return reply.status(202).header('location', `/api/jobs/${job.id}`).send(job);
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
          '"default.cdr": [0, 5]}} or {"scenarios": [...]}. Progress counts scenarios run.',
        params: dealParams,
        body: {
          type: 'object',
          properties: { grid: { type: 'object' } },
          required: ['grid'],
          additionalProperties: false,
        },
        response: { 202: objectResponse('The job'), ...errorResponses(400, 404, 422) },
      },
    },
    async (request, reply) => {
      const deal = portal.deal(request.params.dealId);
      const scenarios = gridFromRequest(request.body.grid);
      const job = jobs.start('grid', deal.id, scenarios.length, (report) =>
        runs.grid(deal, scenarios, report),
      );
      return reply.status(202).header('location', `/api/jobs/${job.id}`).send(job);
    },
  );
  app.get<{ Params: { jobId: string } }>(
    '/api/jobs/:jobId',
    {
      schema: {
        tags: ['projections'],
        summary: 'A job: status (running, done, failed), progress, and its result or error',
        params: jobParams,
        response: { 200: objectResponse('The job'), ...errorResponses(404, 422) },
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
