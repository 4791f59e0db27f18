import Fastify, { type FastifyInstance } from 'fastify';
import { closeGridPool, type GridBackend } from '../projection/gridRunner.ts';
import { registerJsonBodies } from './jsonBody.ts';
import { registerErrorHandling, sendError } from './errorHandler.ts';
import { registerOpenApi } from './openapi.ts';
import { noQuery } from './schemas.ts';
import { dealRoutes } from './routes/dealRoutes.ts';
import { filingRoutes } from './routes/filingRoutes.ts';
import { DEFAULT_LIMITS, type JobLimits } from './jobs/jobLimits.ts';
import { jobRegistry, type JobRegistryOptions } from './jobs/jobRegistry.ts';
import { resultFiles } from './jobs/resultFiles.ts';
import { jobReadRoutes } from './routes/jobReadRoutes.ts';
import { jobRoutes } from './routes/jobRoutes.ts';
import { loanRoutes } from './routes/loanRoutes.ts';
import { remittanceRoutes } from './routes/remittanceRoutes.ts';
import { statementRoutes } from './routes/statementRoutes.ts';
import type { Portal } from './service/portal.ts';
import { projections } from './service/projections.ts';
import { registerWebAssets } from './webAssets.ts';

export interface AppOptions {
  portal: Portal;
  /** The built dashboard (index.html and assets); omitted, the app serves the API only. */
  webRoot?: string;
  logger?: boolean;
  /**
   * How many projection and grid jobs run at a time (`maxRunning`, default 2) and may wait
   * (`maxQueued`, default 20; one more is refused with 503 BUSY). docs/portal.md, "Jobs".
   */
  jobs?: Omit<JobRegistryOptions, 'onDrop'>;
  /**
   * How big a job and a request may be: scenarios a grid, months a projection, bytes a body
   * (jobLimits.ts has the defaults); beyond them, 413 LIMIT_EXCEEDED naming the limit.
   */
  limits?: Partial<JobLimits>;
  /** Where finished jobs' results are written (a file a job); default a temporary folder. */
  resultsDir?: string;
  /** Where grids run (default this machine's worker pool; `serve --queue`: a queue's workers). */
  grids?: GridBackend;
}

/** The portal's HTTP server: the JSON API under /api, OpenAPI at /docs, the dashboard at /. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.maxBodyBytes,
    // removeAdditional false: an unknown key is refused, never silently dropped; verbose: the
    // error carries its schema, whose known property names suggest the one meant.
    ajv: {
      customOptions: { allErrors: true, coerceTypes: true, removeAdditional: false, verbose: true },
    },
    // A URL fastify cannot decode is refused before routing: as JSON like every other error.
    frameworkErrors: (error, request, reply) => void sendError(error, request, reply, limits),
  });
  // The API takes JSON only: a text/plain body is refused (415 -> MALFORMED_REQUEST) rather
  // than handed to a route as a string.
  app.removeContentTypeParser('text/plain');
  registerJsonBodies(app);
  registerErrorHandling(app, limits);
  // Strict requests: an API route that declares no query string takes none (422 naming the
  // parameter), so that a misspelt ?formt=csv is never silently ignored.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.schema && !route.schema.querystring) {
      route.schema = { ...route.schema, querystring: noQuery };
    }
  });
  await registerOpenApi(app);
  dealRoutes(app, options.portal);
  statementRoutes(app, options.portal);
  filingRoutes(app, options.portal);
  loanRoutes(app, options.portal);
  remittanceRoutes(app, options.portal);
  const files = resultFiles(options.resultsDir);
  const jobs = jobRegistry({ ...options.jobs, onDrop: (id) => files.drop(id) });
  const services = { jobs, runs: projections(options.portal, options.grids), files, limits };
  jobRoutes(app, options.portal, services);
  jobReadRoutes(app, services);
  // The projection's worker threads stop with the server; a temporary results folder goes.
  app.addHook('onClose', async () => {
    await closeGridPool();
    files.close();
  });
  if (options.webRoot) await registerWebAssets(app, options.webRoot);
  return app;
}
