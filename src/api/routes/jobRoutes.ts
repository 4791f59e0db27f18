import type { FastifyInstance, FastifyReply } from 'fastify';
import { TrusteeError } from '../../errors/catalogue.ts';
import type { Job, JobRegistry } from '../jobs/jobRegistry.ts';
import { checkGridSize, checkMonths, type JobLimits } from '../jobs/jobLimits.ts';
import { busyResponse, jobSchema, RETRY_AFTER_SECONDS } from '../jobs/jobSchema.ts';
import type { ResultFiles } from '../jobs/resultFiles.ts';
import { gridWork, projectionWork } from '../jobs/storedWork.ts';
import type { Portal } from '../service/portal.ts';
import { gridFromRequest, scenarioFromRequest, type Projections } from '../service/projections.ts';
import { dealParams, errorResponses } from '../schemas.ts';

const SCENARIO_NOTE =
  'A scenario as in docs/projections.md: rates in percent, e.g. {"prepayment": {"cpr": 25}, ' +
  '"default": {"cdr": 2}, "severity": 40, "recoveryLag": 6, "cleanUpCall": true}';

/** The answers of a POST that starts a job: 202 with the job, or why it was refused. */
const startResponses = {
  202: jobSchema,
  ...errorResponses(400, 404, 413, 422),
  503: busyResponse,
};

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

/** What the job routes work with: the queue, the projections, the result files, the limits. */
export interface JobServices {
  jobs: JobRegistry;
  runs: Projections;
  files: ResultFiles;
  limits: JobLimits;
}

/**
 * Projections and scenario grids as jobs: POST checks the input and the limits (nothing is
 * queued when they fail), then starts one (202). Polling, results and cancel: jobReadRoutes.
 */
export function jobRoutes(app: FastifyInstance, portal: Portal, services: JobServices): void {
  const { jobs, runs, files, limits } = services;
  app.post<{ Params: { dealId: string }; Body: { scenario: unknown; breakevens: boolean } }>(
    '/api/deals/:dealId/projections',
    {
      schema: {
        tags: ['projections'],
        summary: 'Start a projection of one scenario from the latest closed date (a job)',
        description:
          'Validates the scenario at once (422 INVALID_SCENARIO naming the field; 413 ' +
          'LIMIT_EXCEEDED for a horizon over the maxMonths limit), then runs it as a job: class ' +
          "cash flows, WAL, yield at the price and, with breakevens, each class's breakeven " +
          'CDR. Poll GET /api/jobs/{jobId}. A job waits (status queued) while the maximum ' +
          'number of jobs run; 503 BUSY when too many already wait.',
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
      checkMonths(scenario, 'scenario', limits);
      const { breakevens } = request.body;
      const total = 1 + (breakevens ? deal.interestBearingClasses.length : 0);
      const work = projectionWork(runs, files, deal, scenario, breakevens);
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
          '"default.cdr": [0, 5]}} or {"scenarios": [...]}. 413 LIMIT_EXCEEDED when it expands ' +
          'to more scenarios than the maxScenarios limit (counted before anything runs). ' +
          'Progress counts scenarios run. Queued like projections (status queued, then ' +
          'running); 503 BUSY when the queue is full.',
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
      checkGridSize(request.body.grid, limits);
      const scenarios = gridFromRequest(request.body.grid);
      scenarios.forEach((scenario, i) => checkMonths(scenario, `grid[${i}]`, limits));
      const work = gridWork(runs, files, deal, scenarios);
      return startJob(reply, () => jobs.start('grid', deal.id, scenarios.length, work));
    },
  );
}
