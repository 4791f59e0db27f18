import Fastify, { type FastifyInstance } from 'fastify';
import { openStore } from '../store/openStore.ts';
import type { TrustStore } from '../store/trustStore.ts';
import { registerAccessControl } from './access/accessControl.ts';
import { closeGridPool, type GridBackend } from '../projection/gridRunner.ts';
import { registerJsonBodies } from './jsonBody.ts';
import { registerErrorHandling, sendError } from './errorHandler.ts';
import { registerOpenApi } from './openapi.ts';
import { noQuery } from './schemas.ts';
import { cycleRoutes } from './routes/cycleRoutes.ts';
import { dealRoutes } from './routes/dealRoutes.ts';
import { bookRoutes } from './routes/bookRoutes.ts';
import { filingRoutes } from './routes/filingRoutes.ts';
import { DEFAULT_LIMITS, type JobLimits } from './jobs/jobLimits.ts';
import { jobRegistry, type JobRegistryOptions } from './jobs/jobRegistry.ts';
import { resultFiles } from './jobs/resultFiles.ts';
import { jobReadRoutes } from './routes/jobReadRoutes.ts';
import { jobRoutes } from './routes/jobRoutes.ts';
import { loanRoutes } from './routes/loanRoutes.ts';
import { remittanceRoutes } from './routes/remittanceRoutes.ts';
import { sessionRoutes } from './routes/sessionRoutes.ts';
import { auditRoutes } from './routes/auditRoutes.ts';
import { statementRoutes } from './routes/statementRoutes.ts';
import { factorRoutes } from './routes/factorRoutes.ts';
import { historyZipRoute } from './routes/historyZipRoute.ts';
import { positionRoutes } from './routes/positionRoutes.ts';
import { userRoutes } from './routes/userRoutes.ts';
import { watchRoutes } from './routes/watchRoutes.ts';
import { webhookDispatcher } from './investors/webhookDispatcher.ts';
import type { Portal } from './service/portal.ts';
import { projections } from './service/projections.ts';
import { registerWebAssets } from './webAssets.ts';

export interface AppOptions {
  portal: Portal;
  /** The built dashboard (index.html and assets); omitted, the app serves the API only. */
  webRoot?: string;
  /**
   * The store of the users, tokens and sessions who may sign in, and of the audit log of
   * sign-ins. Omitted, the app keeps them in a private in-memory store with no user: every
   * route but the sign-in page answers 401 (secure by default, never open).
   */
  store?: TrustStore;
  /**
   * The reverse proxies (addresses, comma-separated) whose X-Forwarded-For names the client:
   * the address the audit log records and the sign-in limit counts. Unset, the header is
   * ignored (anyone could write it and sign in past the limit under made-up addresses).
   */
  trustProxy?: string;
  /** Session cookies marked Secure (default true; browsers accept them from http://127.0.0.1). */
  secureCookies?: boolean;
  /** Log requests (pino, as fastify does); authorization and cookie headers are redacted. */
  logger?: boolean | { stream: { write(line: string): void } };
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
  /**
   * Deliver webhook notices of new published versions from this process (`trustee serve`):
   * a timer apart from the requests, stopped when the app closes.
   */
  dispatchWebhooks?: boolean;
}

/** The portal's HTTP server: the JSON API under /api, OpenAPI at /docs, the dashboard at /. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    // No password, token or cookie in any log: fastify's request log has no headers and no
    // body; should a serializer ever add them, these paths are censored.
    logger: options.logger
      ? {
          ...(typeof options.logger === 'object' ? options.logger : {}),
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            censor: '***',
          },
        }
      : false,
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
  const people = options.store ?? (await openStore(':memory:'));
  if (!options.store) app.addHook('onClose', () => people.close());
  await registerAccessControl(app, people);
  await registerOpenApi(app);
  sessionRoutes(app, people, { secureCookies: options.secureCookies ?? true });
  auditRoutes(app, people);
  // The monthly cycle: upload, prepare, approve or reject, publish (on the people's store).
  cycleRoutes(app, people);
  // A deal of the book is found in the store before a route reads it by id (portal.deal).
  app.addHook('preHandler', async (request) => {
    const { dealId } = (request.params ?? {}) as { dealId?: unknown };
    if (typeof dealId === 'string') await options.portal.resolve(dealId).catch(() => undefined);
  });
  dealRoutes(app, options.portal);
  bookRoutes(app, people, options.portal);
  statementRoutes(app, options.portal);
  filingRoutes(app, options.portal);
  loanRoutes(app, options.portal);
  remittanceRoutes(app, options.portal);
  const files = resultFiles(options.resultsDir);
  const jobs = jobRegistry({ ...options.jobs, onDrop: (id) => files.drop(id) });
  const services = { jobs, runs: projections(options.portal, options.grids), files, limits };
  jobRoutes(app, options.portal, services);
  jobReadRoutes(app, services);
  // The investor portal (watch list, feed, webhooks, factors, positions, history ZIP); users.
  watchRoutes(app, options.portal, people);
  factorRoutes(app, options.portal);
  positionRoutes(app, options.portal, people, services.runs);
  historyZipRoute(app, options.portal, people);
  userRoutes(app, options.portal, people);
  // The projection's worker threads stop with the server; a temporary results folder goes.
  app.addHook('onClose', async () => {
    await closeGridPool();
    files.close();
  });
  if (options.dispatchWebhooks) {
    const dispatcher = webhookDispatcher({
      store: people,
      portal: options.portal,
      log: (line) => app.log.warn(line),
    });
    dispatcher.start();
    app.addHook('onClose', () => dispatcher.stop());
  }
  if (options.webRoot) await registerWebAssets(app, options.webRoot);
  return app;
}
