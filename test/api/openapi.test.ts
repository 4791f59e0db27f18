import { describe, expect, it } from 'vitest';
import { expectProblem, testApp } from './testApp.ts';

interface OpenApiResponse {
  headers?: Record<string, { schema: unknown }>;
  content: {
    'application/json': {
      schema: {
        properties: Record<string, { enum?: string[]; type?: unknown }>;
        required: string[];
      };
    };
  };
}

describe('OpenAPI', () => {
  it('says how to sign in: an API token (Bearer) or the session cookie, and lists the session routes', async () => {
    const doc = (await (await testApp()).inject('/openapi.json')).json() as {
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      security: Record<string, unknown>[];
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.components.securitySchemes['token']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.components.securitySchemes['session']).toMatchObject({ type: 'apiKey' });
    expect(doc.security).toEqual([{ token: [] }, { session: [] }]);
    expect(Object.keys(doc.paths['/api/session'] ?? {}).sort()).toEqual(['delete', 'get', 'post']);
    expect(Object.keys(doc.paths)).toContain('/api/session/link');
    expect(Object.keys(doc.paths)).toContain('/api/session/password');
  });

  it('/openapi.json describes every API route', async () => {
    const app = await testApp();
    const res = await app.inject('/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/api/deals',
      '/api/deals/{dealId}',
      '/api/deals/{dealId}/classes',
      '/api/deals/{dealId}/distributions',
      '/api/deals/{dealId}/distributions/{date}',
      '/api/deals/{dealId}/distributions/{date}/sections',
      '/api/deals/{dealId}/distributions/{date}/statement',
      '/api/deals/{dealId}/distributions/{date}/8k',
      '/api/deals/{dealId}/distributions/{date}/remittance',
      '/api/deals/{dealId}/annual/{year}/10k',
      '/api/deals/{dealId}/closing/8k',
      '/api/deals/{dealId}/loans',
      '/api/deals/{dealId}/loans/stratifications/{by}',
    ]) {
      expect(paths).toContain(path);
    }
    const statement = doc.paths['/api/deals/{dealId}/distributions/{date}/statement']!.get as {
      parameters: { name: string; schema: { enum?: string[] } }[];
      responses: Record<string, unknown>;
    };
    expect(statement.parameters.find((p) => p.name === 'format')?.schema.enum).toEqual([
      'text',
      'json',
      'csv',
      'pdf',
      'xlsx',
    ]);
    expect(Object.keys(statement.responses)).toEqual(expect.arrayContaining(['200', '404', '422']));
  });

  it('describes jobs: their statuses, place in the queue, and the 503 BUSY refusal', async () => {
    const doc = (await (await testApp()).inject('/openapi.json')).json() as {
      paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
    };
    const job = (response: OpenApiResponse) => response.content['application/json'].schema;
    const poll = doc.paths['/api/jobs/{jobId}']!.get!.responses;
    expect(job(poll['200']!).properties.status!.enum).toEqual([
      'queued',
      'running',
      'done',
      'failed',
      'cancelled',
    ]);
    // Cancel, and the result a page at a time.
    expect(Object.keys(doc.paths['/api/jobs/{jobId}']!)).toEqual(['get', 'delete']);
    const page = doc.paths['/api/jobs/{jobId}/result']!.get as unknown as {
      parameters: { name: string; schema: { maximum?: number } }[];
      responses: Record<string, unknown>;
    };
    expect(page.parameters.map((p) => p.name)).toEqual(['offset', 'limit', 'jobId']);
    expect(Object.keys(page.responses)).toEqual(expect.arrayContaining(['200', '409']));
    const pageBody = job(page.responses['200'] as OpenApiResponse);
    expect(pageBody.required).toEqual(
      expect.arrayContaining(['total', 'offset', 'limit', 'next', 'rows']),
    );
    expect(pageBody.properties.next!.type).toEqual(['string', 'null']);
    for (const path of ['/api/deals/{dealId}/projections', '/api/deals/{dealId}/scenario-grids']) {
      const responses = doc.paths[path]!.post!.responses;
      const started = job(responses['202']!);
      expect(started.properties.status!.enum).toContain('queued');
      expect(started.properties.position!.type).toEqual(['integer', 'null']);
      expect(started.properties.startedAt!.type).toEqual(['string', 'null']);
      expect(responses['503']!.headers?.['retry-after']?.schema).toEqual({ type: 'integer' });
      expect(Object.keys(responses)).toContain('413');
      expect(job(responses['503']!).required).toEqual(['code', 'message', 'details']);
    }
  });

  it('/docs serves the Swagger UI from the app (no CDN)', async () => {
    const app = await testApp();
    const res = await app.inject('/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui');
    expect(res.body).not.toMatch(
      /https?:\/\/(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\/[^"']*\.(js|css)/,
    );
    const css = await app.inject('/docs/static/swagger-ui.css');
    expect(css.statusCode).toBe(200);
  });
});

describe('errors are JSON {code, message, details}', () => {
  it('an unknown route: 404 NOT_FOUND', async () => {
    expectProblem(await (await testApp()).inject('/api/nothing-here'), 404, 'NOT_FOUND');
  });

  it('a method the route does not take: 404, not 500', async () => {
    expectProblem(
      await (await testApp()).inject({ method: 'DELETE', url: '/api/deals' }),
      404,
      'NOT_FOUND',
    );
  });
});
