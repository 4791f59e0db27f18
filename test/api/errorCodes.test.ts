import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from './signedIn.ts';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { errorCatalogue, type ErrorCode } from '../../src/errors/catalogue.ts';
import { expectProblem } from './testApp.ts';

const PROJECTIONS = '/api/deals/nchet-2002-1/projections';

/** Requests every layer refuses (fastify, its schemas, the static files, our routes), and the code each gets. */
const REFUSED: [string, InjectOptions, ErrorCode][] = [
  ['a dotfile of the dashboard', { url: '/.env' }, 'FORBIDDEN'],
  ['a NUL in a static path', { url: '/a%00b' }, 'FORBIDDEN'],
  ['a URL that cannot be decoded', { url: '/api/deals/%' }, 'MALFORMED_REQUEST'],
  [
    'malformed JSON',
    {
      method: 'POST',
      url: PROJECTIONS,
      headers: { 'content-type': 'application/json' },
      payload: '{"scenario":',
    },
    'MALFORMED_REQUEST',
  ],
  [
    'an empty JSON body',
    {
      method: 'POST',
      url: PROJECTIONS,
      headers: { 'content-type': 'application/json' },
      payload: '',
    },
    'MALFORMED_REQUEST',
  ],
  [
    'XML (415)',
    {
      method: 'POST',
      url: PROJECTIONS,
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    },
    'MALFORMED_REQUEST',
  ],
  [
    'plain text',
    {
      method: 'POST',
      url: PROJECTIONS,
      headers: { 'content-type': 'text/plain' },
      payload: 'cpr 25',
    },
    'MALFORMED_REQUEST',
  ],
  [
    'a body over the limit',
    { method: 'POST', url: PROJECTIONS, payload: { scenario: { name: 'x'.repeat(3000) } } },
    'LIMIT_EXCEEDED',
  ],
  [
    'a horizon over the limit',
    { method: 'POST', url: PROJECTIONS, payload: { scenario: { horizon: 500 } } },
    'LIMIT_EXCEEDED',
  ],
  [
    'an unknown body key',
    { method: 'POST', url: PROJECTIONS, payload: { scenario: {}, breakeven: true } },
    'INVALID_INPUT',
  ],
  ['an unknown query parameter', { url: '/api/deals/nchet-2002-1/loans?limt=5' }, 'INVALID_INPUT'],
  [
    'a bad scenario',
    { method: 'POST', url: PROJECTIONS, payload: { scenario: { severity: 140 } } },
    'INVALID_SCENARIO',
  ],
  ['an unknown deal', { url: '/api/deals/nope' }, 'UNKNOWN_DEAL'],
  ['an unknown route', { url: '/api/nothing' }, 'NOT_FOUND'],
  ['an unknown job', { url: '/api/jobs/00000000-0000-0000-0000-000000000000' }, 'NOT_FOUND'],
  [
    'a date not closed',
    { url: '/api/deals/nchet-2002-1/distributions/2001-01-25' },
    'NO_DISTRIBUTION',
  ],
];

describe('every error answered has the status of its code in the catalogue', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const web = mkdtempSync(join(tmpdir(), 'trustee-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>trustee</title>');
    writeFileSync(join(web, '.env'), 'SECRET=1');
    app = await signedInApp({
      portal: createPortal(builtInHistory()),
      webRoot: web,
      limits: { maxBodyBytes: 2048 },
    });
  });
  afterAll(() => app.close());

  it.each(REFUSED.map(([what, request, code]) => [what, code, request] as const))(
    '%s: %s',
    async (_, code, request) => {
      const res = await app.inject(request);
      const body = expectProblem(res, errorCatalogue[code].status, code);
      expect(body.details.length).toBeGreaterThan(0);
    },
  );

  it('an unknown key names the field and suggests the known one', async () => {
    const res = await app.inject({
      method: 'POST',
      url: PROJECTIONS,
      payload: { scenario: {}, breakeven: true },
    });
    const body = expectProblem(res, 422, 'INVALID_INPUT');
    expect(body.details).toEqual([
      {
        field: 'body.breakeven',
        message: 'unknown field',
        expected: 'a known field (did you mean "breakevens"?): one of scenario, breakevens',
      },
    ]);
    const query = expectProblem(
      await app.inject('/api/deals/nchet-2002-1/loans?limt=5'),
      422,
      'INVALID_INPUT',
    );
    expect(query.details[0]).toMatchObject({
      field: 'querystring.limt',
      expected: 'a known field (did you mean "limit"?): one of offset, limit',
    });
  });
});
