import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../api/signedIn.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { seedStore } from '../../src/api/service/seedStore.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { resolveDeal } from '../../src/deal/builtIn.ts';
import { errorCatalogue, type ErrorCode } from '../../src/errors/catalogue.ts';
import { openStore } from '../../src/store/openStore.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { storeDigest } from '../support/storeDigest.ts';

/**
 * The bad-input catalogue for the API: request bodies, query strings, paths and media types a
 * client may send wrong. Each case is sent to the portal on a SQLite store with the 2002 history
 * closed (as `trustee serve` runs it, with its default limits) and checks the error's code and
 * status (the catalogue's), the field its first detail names, what it says (a "did you mean",
 * the limit), and that the store holds exactly what it held before (a digest of every table).
 */

const dir = mkdtempSync(join(tmpdir(), 'trustee-bad-api-'));
const db = join(dir, 'trustee.sqlite');
const PROJECTIONS = '/api/deals/nchet-2002-1/projections';
const GRIDS = '/api/deals/nchet-2002-1/scenario-grids';
const APRIL = '/api/deals/nchet-2002-1/distributions/2002-04-25';
const JOB = '/api/jobs/00000000-0000-0000-0000-000000000000';
const range = (n: number) => Array.from({ length: n }, (_, i) => i % 100);
const json = (url: string, payload: string, type = 'application/json'): InjectOptions => ({
  method: 'POST',
  url,
  headers: { 'content-type': type },
  payload,
});
const post = (url: string, payload: Record<string, unknown>): InjectOptions => ({
  method: 'POST',
  url,
  payload,
});

interface Case {
  readonly name: string;
  readonly request: InjectOptions;
  readonly code: ErrorCode;
  /** The field the first detail names. */
  readonly field: string;
  /** A phrase the message or the first detail's message or `expected` must contain. */
  readonly says?: string;
}

const CASES: Case[] = [
  // Projection bodies.
  {
    name: 'a misspelt body key',
    request: post(PROJECTIONS, { scenario: {}, breakeven: true }),
    code: 'INVALID_INPUT',
    field: 'body.breakeven',
    says: 'did you mean "breakevens"?',
  },
  {
    name: 'a misspelt scenario key at the top',
    request: post(PROJECTIONS, { scenaro: { severity: 40 } }),
    code: 'INVALID_INPUT',
    field: 'body.scenaro',
    says: 'did you mean "scenario"?',
  },
  {
    name: 'no scenario at all',
    request: post(PROJECTIONS, { breakevens: true }),
    code: 'INVALID_INPUT',
    field: 'body.scenario',
    says: 'required',
  },
  {
    name: 'a scenario that is not an object',
    request: post(PROJECTIONS, { scenario: 'fast' }),
    code: 'INVALID_INPUT',
    field: 'body.scenario',
  },
  {
    name: 'breakevens not a boolean',
    request: post(PROJECTIONS, { scenario: {}, breakevens: 'maybe' }),
    code: 'INVALID_INPUT',
    field: 'body.breakevens',
  },
  {
    name: 'an unknown scenario field',
    request: post(PROJECTIONS, { scenario: { severty: 40 } }),
    code: 'INVALID_SCENARIO',
    field: 'scenario.severty',
  },
  {
    name: 'a severity over 100%',
    request: post(PROJECTIONS, { scenario: { severity: 140 } }),
    code: 'INVALID_SCENARIO',
    field: 'scenario.severity',
  },
  {
    name: 'a fractional horizon',
    request: post(PROJECTIONS, { scenario: { horizon: 2.5 } }),
    code: 'INVALID_SCENARIO',
    field: 'scenario.horizon',
  },
  {
    name: 'server files (actuals) over HTTP',
    request: post(PROJECTIONS, { scenario: { actuals: ['/etc/passwd'] } }),
    code: 'INVALID_SCENARIO',
    field: 'scenario.actuals',
  },
  {
    name: 'a horizon over maxMonths',
    request: post(PROJECTIONS, { scenario: { horizon: 481 } }),
    code: 'LIMIT_EXCEEDED',
    field: 'scenario.horizon',
    says: 'at most 480 months (maxMonths)',
  },
  {
    name: 'an unknown deal',
    request: post('/api/deals/nchet-2099-9/projections', { scenario: {} }),
    code: 'UNKNOWN_DEAL',
    field: 'dealId',
    says: 'nchet-2002-1',
  },
  {
    name: 'a deal id that is not one',
    request: post('/api/deals/NCHET_2002/projections', { scenario: {} }),
    code: 'INVALID_INPUT',
    field: 'params.dealId',
  },
  // Grid bodies.
  {
    name: 'a misspelt grid key',
    request: post(GRIDS, { grids: { vary: { severity: [30, 40] } } }),
    code: 'INVALID_INPUT',
    field: 'body.grids',
    says: 'did you mean "grid"?',
  },
  {
    name: 'a misspelt key inside the grid',
    request: post(GRIDS, { grid: { bse: {}, vary: { severity: [30] } } }),
    code: 'INVALID_SCENARIO',
    field: 'grid.bse',
    says: 'did you mean "base"?',
  },
  {
    name: 'a value out of range in vary',
    request: post(GRIDS, { grid: { vary: { 'prepayment.cpr': [10, 500] } } }),
    code: 'INVALID_SCENARIO',
    field: 'grid.base.prepayment.cpr',
  },
  {
    name: 'a grid over maxScenarios (2,001)',
    request: post(GRIDS, { grid: { vary: { 'prepayment.cpr': range(23), severity: range(87) } } }),
    code: 'LIMIT_EXCEEDED',
    field: 'grid.vary',
    says: 'at most 2000 scenarios (maxScenarios)',
  },
  {
    name: "the issue's 100,000-scenario grid",
    request: post(GRIDS, {
      grid: {
        vary: { 'prepayment.cpr': range(100), 'default.cdr': range(100), severity: range(10) },
      },
    }),
    code: 'LIMIT_EXCEEDED',
    field: 'grid.vary',
    says: '100000 scenarios',
  },
  {
    name: 'a list of scenarios over maxScenarios',
    request: post(GRIDS, { grid: { scenarios: Array.from({ length: 2001 }, () => ({})) } }),
    code: 'LIMIT_EXCEEDED',
    field: 'grid.scenarios',
    says: 'maxScenarios',
  },
  {
    name: 'a grid whose base horizon is over maxMonths',
    request: post(GRIDS, { grid: { base: { horizon: 600 }, vary: { severity: [30, 40] } } }),
    code: 'LIMIT_EXCEEDED',
    field: 'grid[0].horizon',
    says: 'maxMonths',
  },
  // Bodies that cannot be read.
  {
    name: 'a body with a key given twice',
    request: json(PROJECTIONS, '{"scenario": {"severity": 40, "severity": 90}}'),
    code: 'INVALID_INPUT',
    field: 'body.scenario.severity',
    says: 'duplicate key "severity"',
  },
  {
    name: 'a body with a __proto__ key',
    request: json(PROJECTIONS, '{"scenario": {"__proto__": {"severity": 90}}}'),
    code: 'INVALID_INPUT',
    field: 'body.scenario.__proto__',
    says: 'not allowed',
  },
  {
    name: 'an empty JSON body',
    request: json(PROJECTIONS, ''),
    code: 'MALFORMED_REQUEST',
    field: 'body',
  },
  {
    name: 'malformed JSON',
    request: json(PROJECTIONS, '{"scenario": {"severity": 40'),
    code: 'MALFORMED_REQUEST',
    field: 'body',
  },
  {
    name: 'an XML body',
    request: json(GRIDS, '<grid/>', 'application/xml'),
    code: 'MALFORMED_REQUEST',
    field: 'content-type',
    says: 'application/json',
  },
  {
    name: 'a plain-text body',
    request: json(PROJECTIONS, 'cpr=25', 'text/plain'),
    code: 'MALFORMED_REQUEST',
    field: 'content-type',
  },
  {
    name: 'a body over maxBodyBytes',
    request: json(GRIDS, JSON.stringify({ grid: { name: 'x'.repeat(1_100_000) } })),
    code: 'LIMIT_EXCEEDED',
    field: 'body',
    says: 'at most 1048576 bytes (maxBodyBytes)',
  },
  // Query strings and paths.
  {
    name: 'a misspelt query parameter',
    request: { url: '/api/deals/nchet-2002-1/loans?ofset=25' },
    code: 'INVALID_INPUT',
    field: 'querystring.ofset',
    says: 'did you mean "offset"?',
  },
  {
    name: 'a query parameter on a route that takes none',
    request: { url: '/api/deals/nchet-2002-1/distributions?from=2002-06-25' },
    code: 'INVALID_INPUT',
    field: 'querystring.from',
    says: 'no other field',
  },
  {
    name: 'a page of loans over 1,000',
    request: { url: '/api/deals/nchet-2002-1/loans?limit=5000' },
    code: 'INVALID_INPUT',
    field: 'querystring.limit',
  },
  {
    name: 'a statement format there is none of',
    request: { url: `${APRIL}/statement?format=docx` },
    code: 'INVALID_INPUT',
    field: 'querystring.format',
    says: 'one of text, json, csv, pdf, xlsx',
  },
  {
    name: 'a date that is not a date',
    request: { url: '/api/deals/nchet-2002-1/distributions/2002-13-45' },
    code: 'INVALID_INPUT',
    field: 'params.date',
  },
  {
    name: 'a date with no distribution',
    request: { url: '/api/deals/nchet-2002-1/distributions/2002-04-26' },
    code: 'NO_DISTRIBUTION',
    field: 'date',
    says: '2002-04-25',
  },
  {
    name: 'a result page from a negative offset',
    request: { url: `${JOB}/result?offset=-1` },
    code: 'INVALID_INPUT',
    field: 'querystring.offset',
  },
  {
    name: 'a misspelt result query parameter',
    request: { url: `${JOB}/result?limt=10` },
    code: 'INVALID_INPUT',
    field: 'querystring.limt',
    says: 'did you mean "limit"?',
  },
  {
    name: 'cancelling a job id that is not one',
    request: { method: 'DELETE', url: '/api/jobs/1234' },
    code: 'INVALID_INPUT',
    field: 'params.jobId',
  },
  {
    name: 'cancelling an unknown job',
    request: { method: 'DELETE', url: JOB },
    code: 'NOT_FOUND',
    field: 'jobId',
  },
  {
    name: 'a dotfile of the dashboard',
    request: { url: '/.env' },
    code: 'FORBIDDEN',
    field: 'url',
  },
  {
    name: 'a URL that cannot be decoded',
    request: { url: '/api/deals/nchet-2002-1/loans/stratifications/%E0%A4%A' },
    code: 'MALFORMED_REQUEST',
    field: 'url',
  },
];

let store: TrustStore;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openStore(db);
  await seedStore(store, resolveDeal('nchet-2002-1'));
  const web = join(dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>trustee</title>');
  writeFileSync(join(web, '.env'), 'TRUSTEE_DB=postgres://secret');
  app = await signedInApp({ portal: createPortal(storeHistory(store)), webRoot: web });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the API refuses bad input and the store is unchanged', () => {
  it(`has at least 15 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c.code, c] as const))('%s: %s', async (_, code, c) => {
    const before = await storeDigest(db);
    const res = await app.inject(c.request);
    expect(res.statusCode, res.body).toBe(errorCatalogue[code].status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json() as {
      code: string;
      message: string;
      details: { field?: string; message?: string; expected?: string }[];
    };
    expect(body.code).toBe(code);
    expect(body.details[0]?.field).toBe(c.field);
    if (c.says) {
      const first = body.details[0];
      expect(`${body.message} ${first?.message ?? ''} ${first?.expected ?? ''}`).toContain(c.says);
    }
    expect(await storeDigest(db)).toBe(before);
  });
});
