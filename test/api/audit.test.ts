import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { openStore } from '../../src/store/openStore.ts';
import { addPerson } from '../../src/store/peopleChanges.ts';
import { expectProblem } from './testApp.ts';
import { signedInApp } from './signedIn.ts';

describe('GET /api/audit: the audit log for auditors and administrators', () => {
  it('lists every change and sign-in, filtered by deal, user and days, as JSON or CSV', async () => {
    const store = await openStore(':memory:');
    const at = '2026-12-01T10:00:00.000Z';
    await addPerson(
      store,
      { name: 'paula', role: 'preparer', password: 'paulas passphrase' },
      {
        actor: 'ada',
        at,
        address: 'cli on host',
      },
    );
    await store.appendAudit({
      at: '2026-12-01T11:00:00.000Z',
      actor: 'paula',
      action: 'close',
      dealId: 'nchet-2002-1',
      reason: 'monthly',
      details: { version: 1 },
    });
    const app = await signedInApp({ portal: createPortal(builtInHistory()), store }, 'auditor');
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { authorization: '' },
      payload: { name: 'paula', password: 'paulas passphrase' },
      remoteAddress: '192.0.2.7',
    });
    expect(signIn.statusCode).toBe(200);

    const list = async (query: string) =>
      ((await app.inject(`/api/audit${query}`)).json() as { action: string; actor: string }[]).map(
        (e) => `${e.actor} ${e.action}`,
      );
    const everything = await list('');
    expect(everything.slice(0, 2)).toEqual(['ada add-user', 'paula close']);
    expect(everything).toContain('paula sign-in');
    expect(await list('?dealId=nchet-2002-1')).toEqual(['paula close']);
    expect(await list('?actor=paula')).toEqual(['paula close', 'paula sign-in']);
    expect(await list('?from=2026-12-01&to=2026-12-01')).toEqual(['ada add-user', 'paula close']);
    expectProblem(await app.inject('/api/audit?from=yesterday'), 422, 'INVALID_INPUT');

    const csv = await app.inject('/api/audit?actor=paula&format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="audit-log.csv"');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['actor'], r['action'], r['deal'], r['address']])).toEqual([
      ['paula', 'close', 'nchet-2002-1', ''],
      ['paula', 'sign-in', '', '192.0.2.7'],
    ]);
    expect(JSON.parse(rows[0]!['details']!)).toEqual({ version: 1 });
    expect(rows[1]!['previous_hash']).toMatch(/^[0-9a-f]{64}$/);
    await app.close();
    await store.close();
  });
});
