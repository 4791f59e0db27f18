import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * The OpenAPI description, generated from the routes' schemas (@fastify/swagger), served as
 * /openapi.json, with the Swagger UI at /docs (its assets served by the app, no CDN).
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'trustee portal API',
        version: '0.1.0',
        description:
          'Deals, distribution dates, statements (text, JSON, CSV, PDF, Excel), filings, the ' +
          'loan tape, remittances and projections of the trusts trustee administers. Money is ' +
          'integer cents; rates are decimals. Errors are JSON {code, message, details} with the ' +
          'status of their code (docs/errors.md). Long runs (projections, scenario grids) are ' +
          'jobs: POST creates one, GET /api/jobs/{jobId} polls its progress. Every route but ' +
          'sign-in needs a signed-in user: a browser session (POST /api/session sets an ' +
          'HTTP-only cookie; state-changing requests send its CSRF token as x-csrf-token) or ' +
          'an API token (Authorization: Bearer, `trustee users token create`).',
      },
      // Scripts sign in with an API token; the Swagger UI's Authorize button takes one too.
      components: {
        securitySchemes: {
          token: { type: 'http', scheme: 'bearer', description: 'trustee users token create' },
          session: { type: 'apiKey', in: 'cookie', name: 'trustee_session' },
        },
      },
      security: [{ token: [] }, { session: [] }],
      tags: [
        { name: 'session' },
        { name: 'audit' },
        { name: 'deals' },
        { name: 'distributions' },
        { name: 'statements' },
        { name: 'filings' },
        { name: 'collateral' },
        { name: 'projections' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
