import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { dealsDirectory } from '../../src/deal/builtIn.ts';
import type { Role } from '../../src/store/people.ts';
import { openStore } from '../../src/store/openStore.ts';
import { backends, freshDatabase, type TestDatabase } from '../../src/store/testBackends.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { tokenFor } from './signedIn.ts';
import { expectProblem } from './testApp.ts';

const DEAL = '/api/deals/nchet-2002-1';
const aprilTotals = readFileSync(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`, 'utf8');
const mayReport = readFileSync(`${dealsDirectory}nchet-2002-1/remittances/2002-05-28.csv`, 'utf8');

/** May's report with two bad cells and a loan the pool does not have: every problem named. */
const badReport = mayReport
  .split('\n')
  .map((line, i) => {
    if (i === 2) return line.replace(/^2002-05-28,(\d+),[\d.]+,/, '2002-05-28,$1,12x.50,');
    if (i === 5) return line.replace(/,current,current,/, ',sideways,current,');
    return line;
  })
  .join('\n');

describe.each(backends)('the monthly cycle through the API, on %s', (backend) => {
  let db: TestDatabase;
  let store: TrustStore;
  let app: FastifyInstance;
  const tokens = new Map<string, string>();

  const as = (name: string) => ({ authorization: `Bearer ${tokens.get(name)}` });
  const call = (
    name: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: unknown,
    contentType?: string,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { ...as(name), ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  beforeEach(async () => {
    db = freshDatabase(backend);
    store = await openStore(db.location);
    app = await buildApp({ portal: createPortal(storeHistory(store)), store });
    const people: [string, Role, string[]][] = [
      ['paula', 'preparer', []],
      ['alan', 'approver', []],
      ['ada', 'administrator', []],
      ['ivan', 'investor', ['nchet-2002-1']],
      ['olga', 'investor', ['example-2003-6m']],
    ];
    for (const [name, role, deals] of people) {
      tokens.set(name, await tokenFor(store, role, { name, deals }));
    }
  });
  afterEach(async () => {
    await app.close();
    await store.close();
    await db.drop();
  });

  it('refuses a report with every row problem named, storing nothing', async () => {
    const response = await call(
      'paula',
      'POST',
      `${DEAL}/remittances?file=2002-05-28.csv`,
      badReport,
      'text/csv',
    );
    const body = expectProblem(response, 422, 'INVALID_INPUT') as {
      details: { file?: string; row?: number; field?: string }[];
    };
    expect(body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: '2002-05-28.csv', row: 3, field: 'beginning_balance' }),
        expect.objectContaining({ file: '2002-05-28.csv', row: 6, field: 'delinquency_mba' }),
      ]),
    );
    expect((await call('paula', 'GET', `${DEAL}/remittances/waiting`)).json()).toEqual([]);
    expect(await store.allAudit({ dealId: 'nchet-2002-1' })).toEqual([]);
  });

  it('upload, prepare, a second person approves, publish: investors see it then', async () => {
    const statement = `${DEAL}/distributions/2002-04-25/statement`;
    const uploaded = await call(
      'paula',
      'POST',
      `${DEAL}/remittances?file=2002-04-25.json`,
      aprilTotals,
      'application/json',
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({
      remittance: { distributionDate: '2002-04-25', source: '2002-04-25.json' },
      period: { beginningPoolBalance: 19_811_284_414, endingPoolBalance: 19_797_420_082 },
    });
    const waiting = (await call('alan', 'GET', `${DEAL}/remittances/waiting`)).json() as unknown[];
    expect(waiting).toHaveLength(1);

    const prepared = await call('paula', 'POST', `${DEAL}/drafts`, {
      distributionDate: '2002-04-25',
    });
    expect(prepared.statusCode, prepared.body).toBe(201);
    const draft = prepared.json() as { draftId: string; statementText: string; status: string };
    expect(draft.status).toBe('prepared');
    expect(draft.statementText).toContain('306,573.50');
    // Not published: investors do not see the date, nor the draft.
    expectProblem(await call('ivan', 'GET', statement), 404, 'NO_DISTRIBUTION');
    expectProblem(await call('ivan', 'GET', `/api/drafts/${draft.draftId}`), 403, 'FORBIDDEN');
    const read = (await call('alan', 'GET', `/api/drafts/${draft.draftId}`)).json() as {
      distribution: { trace: unknown[] };
    };
    expect(read.distribution.trace.length).toBeGreaterThan(0);

    // The preparer may not approve (the table), nor publish before an approval (the service).
    expectProblem(
      await call('paula', 'POST', `/api/drafts/${draft.draftId}/approve`, {}),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await call('paula', 'POST', `/api/drafts/${draft.draftId}/publish`),
      409,
      'DRAFT_NOT_APPROVED',
    );
    const approved = await call('alan', 'POST', `/api/drafts/${draft.draftId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'alan' });
    expectProblem(
      await call('ada', 'POST', `/api/drafts/${draft.draftId}/approve`, {}),
      409,
      'DRAFT_DECIDED',
    );

    const published = await call('paula', 'POST', `/api/drafts/${draft.draftId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      record: { version: 1 },
      draft: { status: 'published' },
    });
    const seen = await call('ivan', 'GET', statement);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('306,573.50');
    expectProblem(await call('olga', 'GET', statement), 403, 'FORBIDDEN');
    const versions = (
      await call('alan', 'GET', `${DEAL}/distributions/2002-04-25/versions`)
    ).json();
    expect(versions).toMatchObject([{ version: 1, closedBy: 'paula' }]);

    const actions = (await store.allAudit({ dealId: 'nchet-2002-1' })).map((e) => [
      e.action,
      e.actor,
      e.address,
    ]);
    expect(actions).toEqual([
      ['upload-remittance', 'paula', '127.0.0.1'],
      ['prepare-distribution', 'paula', '127.0.0.1'],
      ['approve-distribution', 'alan', '127.0.0.1'],
      ['close', 'paula', '127.0.0.1'],
      ['publish-distribution', 'paula', '127.0.0.1'],
    ]);
  });

  it('an administrator who prepared may not approve it; a rejection needs a reason', async () => {
    await call(
      'ada',
      'POST',
      `${DEAL}/remittances?file=april.json`,
      aprilTotals,
      'application/json',
    );
    const draft = (
      await call('ada', 'POST', `${DEAL}/drafts`, { distributionDate: '2002-04-25' })
    ).json() as { draftId: string };
    expectProblem(
      await call('ada', 'POST', `/api/drafts/${draft.draftId}/approve`, {}),
      403,
      'SECOND_PERSON_REQUIRED',
    );
    expectProblem(
      await call('alan', 'POST', `/api/drafts/${draft.draftId}/reject`, {}),
      422,
      'INVALID_INPUT',
    );
    const rejected = await call('alan', 'POST', `/api/drafts/${draft.draftId}/reject`, {
      reason: 'advances differ from the servicer certificate',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decisionReason: 'advances differ from the servicer certificate',
    });
    const listed = (await call('alan', 'GET', `${DEAL}/drafts`)).json();
    expect(listed).toMatchObject([{ draftId: draft.draftId, status: 'rejected' }]);
    expectProblem(
      await call('ada', 'POST', `${DEAL}/drafts`, { distributionDate: '2002-05-28' }),
      409,
      'NO_REMITTANCE',
    );
  });
});
