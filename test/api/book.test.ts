import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { storeBook } from '../../src/api/service/bookSource.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { openStore } from '../../src/store/openStore.ts';
import { dumpTables } from '../../src/store/testBackends.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { bookDealFiles } from '../support/bookDeal.ts';
import { expectProblem, waitFor } from './testApp.ts';
import { injectingAs, tokenFor } from './signedIn.ts';

describe('the book of deals through the API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trustee-book-api-'));
  const db = join(dir, 'trustee.sqlite');
  const deal = bookDealFiles();
  let store: TrustStore;
  let app: FastifyInstance;
  let admin: string;
  let preparer: string;
  let investor: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const add = (token: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/deals', headers: as(token), payload });
  const list = async (search?: string) => {
    const url =
      search === undefined ? '/api/deals' : `/api/deals?search=${encodeURIComponent(search)}`;
    const res = await app.inject({ url, headers: as(admin) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { id: string }[]).map((d) => d.id);
  };

  beforeAll(async () => {
    store = await openStore(db);
    app = await buildApp({ portal: createPortal(storeHistory(store), storeBook(store)), store });
    admin = await tokenFor(store, 'administrator');
    preparer = await tokenFor(store, 'preparer');
    investor = await tokenFor(store, 'investor', { deals: [deal.id] });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a tape with a bad row (422 naming row and field) and a preparer (403), storing nothing', async () => {
    const before = await dumpTables(db);
    const bad = deal.tape.replace(/\n(\d+),(\d+\.\d\d),/, '\n$1,not-money,');
    const refused = expectProblem(
      await add(admin, { deal: deal.file, tape: bad }),
      422,
      'INVALID_INPUT',
    );
    expect(refused.details[0]).toMatchObject({
      file: 'body.tape',
      row: 2,
      field: 'original_balance',
    });
    expectProblem(await add(preparer, { deal: deal.file, tape: deal.tape }), 403, 'FORBIDDEN');
    const noTape = expectProblem(await add(admin, { deal: deal.file }), 422, 'INVALID_INPUT');
    expect(JSON.stringify(noTape.details)).toContain('tape');
    const badDeal = { ...deal.file, seniority: 'A' };
    expectProblem(await add(admin, { deal: badDeal, tape: deal.tape }), 422, 'INVALID_DEAL');
    // A body over the other routes' limit (1 MiB) reaches this route's schema (a tape is big).
    const big = await add(admin, { deal: deal.file, tape: deal.tape, reason: 'x'.repeat(2 ** 21) });
    expect(JSON.stringify(expectProblem(big, 422, 'INVALID_INPUT').details)).toContain('reason');
    expect(await dumpTables(db)).toEqual(before);
  });

  it('adds a deal (201, audited with the address) that the portal then lists and reads', async () => {
    const res = await add(admin, { deal: deal.file, tape: deal.tape, reason: 'new mandate' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      dealId: deal.id,
      addedBy: 'administrator',
      cusips: deal.cusips,
    });
    const [entry] = await store.auditLog(deal.id);
    expect(entry).toMatchObject({
      action: 'add-deal',
      actor: 'administrator',
      reason: 'new mandate',
    });
    expect(entry?.address).toBe('127.0.0.1');
    expect(await list()).toContain(deal.id);
    expect(await list()).toContain('nchet-2002-1');
    const overview = await app.inject({ url: `/api/deals/${deal.id}`, headers: as(admin) });
    expect(overview.statusCode, overview.body).toBe(200);
    const classes = await app.inject({
      url: `/api/deals/${deal.id}/classes`,
      headers: as(investor),
    });
    expect(classes.statusCode, classes.body).toBe(200);
    expect((classes.json() as { cusip: string }[]).map((c) => c.cusip)).toEqual(
      expect.arrayContaining(deal.cusips.slice(0, 3)),
    );
    const loans = await app.inject({
      url: `/api/deals/${deal.id}/loans?limit=2`,
      headers: as(admin),
    });
    expect(loans.statusCode, loans.body).toBe(200);
    const tapeRows = deal.tape.trim().split('\n').length - 1;
    expect(loans.json()).toMatchObject({ total: tapeRows, asOf: '2003-12-01' });
    const byState = await app.inject({
      url: `/api/deals/${deal.id}/loans/stratifications/state`,
      headers: as(admin),
    });
    expect((byState.json() as { totals: { count: number } }).totals.count).toBe(tapeRows);
    const job = await app.inject({
      method: 'POST',
      url: `/api/deals/${deal.id}/projections`,
      headers: as(admin),
      payload: { scenario: { prepayment: { cpr: 20 }, horizon: 6 } },
    });
    expect(job.statusCode, job.body).toBe(202);
    const seen = await waitFor(injectingAs(app, admin), (job.json() as { id: string }).id);
    expect(seen.at(-1)?.status, JSON.stringify(seen.at(-1)?.error)).toBe('done');
    expectProblem(await add(admin, { deal: deal.file, tape: deal.tape }), 409, 'DEAL_EXISTS');
  });

  it('searches deals by name, CUSIP and servicer, any case; an investor sees theirs only', async () => {
    expect(await list('quarry lane')).toEqual([deal.id]);
    expect(await list(deal.cusips[2]!.toLowerCase())).toEqual([deal.id]);
    expect(await list('MILLBROOK')).toEqual([deal.id]);
    expect(await list('ocwen')).toEqual(['nchet-2002-1']);
    expect(await list('65535')).toEqual([]);
    const mine = await app.inject({ url: '/api/deals?search=trust', headers: as(investor) });
    expect((mine.json() as { id: string }[]).map((d) => d.id)).toEqual([deal.id]);
    expectProblem(
      await app.inject({ url: '/api/deals?serch=x', headers: as(admin) }),
      422,
      'INVALID_INPUT',
    );
  });
});
