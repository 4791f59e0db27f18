import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { signedInApp } from './signedIn.ts';

let app: Promise<FastifyInstance> | undefined;

/**
 * The API on the built-in files (no database, no dashboard), signed in as an administrator
 * with an API token: one instance per test file.
 */
export function testApp(): Promise<FastifyInstance> {
  app ??= signedInApp({ portal: createPortal(builtInHistory()) });
  return app;
}

/** A job as GET /api/jobs/:id answers it (the fields the tests read). */
export interface JobBody {
  id: string;
  status: string;
  position: number | null;
  progress: { done: number; total: number };
  startedAt: string | null;
  finishedAt: string | null;
  result: Record<string, unknown> | null;
  error: unknown;
}

/**
 * Polls GET /api/jobs/:id until the job has ended (neither queued nor running); returns every
 * state seen. A generous deadline, not a timing assumption: a loaded machine only polls longer.
 */
export async function waitFor(app: FastifyInstance, id: string): Promise<JobBody[]> {
  const seen: JobBody[] = [];
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const res = await app.inject(`/api/jobs/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json() as JobBody;
    seen.push(job);
    if (job.status !== 'queued' && job.status !== 'running') return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} still ${seen.at(-1)?.status} after 60 s`);
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
