import Fastify, { type FastifyInstance } from 'fastify';
import { closeGridPool } from '../projection/gridRunner.ts';
import { registerErrorHandling } from './errorHandler.ts';
import { registerOpenApi } from './openapi.ts';
import { dealRoutes } from './routes/dealRoutes.ts';
import { filingRoutes } from './routes/filingRoutes.ts';
import { jobRegistry, type JobRegistryOptions } from './jobs/jobRegistry.ts';
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
  jobs?: JobRegistryOptions;
}

/** The portal's HTTP server: the JSON API under /api, OpenAPI at /docs, the dashboard at /. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    ajv: { customOptions: { allErrors: true, coerceTypes: true, removeAdditional: false } },
  });
  registerErrorHandling(app);
  await registerOpenApi(app);
  dealRoutes(app, options.portal);
  statementRoutes(app, options.portal);
  filingRoutes(app, options.portal);
  loanRoutes(app, options.portal);
  remittanceRoutes(app, options.portal);
  jobRoutes(app, options.portal, jobRegistry(options.jobs), projections(options.portal));
  // The projection's worker threads stop with the server.
  app.addHook('onClose', () => closeGridPool());
  if (options.webRoot) await registerWebAssets(app, options.webRoot);
  return app;
}
