import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { createPortal } from '../../src/api/service/portal.ts';

let app: Promise<FastifyInstance> | undefined;

/** The API on the built-in files (no database, no dashboard): one instance per test file. */
export function testApp(): Promise<FastifyInstance> {
  app ??= buildApp({ portal: createPortal(builtInHistory()) });
  return app;
}

export const APRIL = '/api/deals/nchet-2002-1/distributions/2002-04-25';

/** A 4xx answered as JSON {code, message, details}: never a 500, never HTML. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json() as { code: string; message: string; details: unknown[] };
  expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
  expect(Array.isArray(body.details)).toBe(true);
  return body;
}
