import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDistributionDate, correctDistributionDate } from '../../src/administration/index.ts';
import { buildApp } from '../../src/api/app.ts';
import { fullYears } from '../../src/api/investors/historyZip.ts';
import { webhookDispatcher } from '../../src/api/investors/webhookDispatcher.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { dealsDirectory, resolveDeal } from '../../src/deal/builtIn.ts';
import { readStateFile } from '../../src/deal/stateFile.ts';
import { cents } from '../../src/money/cents.ts';
import { fixedRatio } from '../../src/reports/fixedRatio.ts';
import { readPeriodTotalsFile } from '../../src/servicing/periodTotalsFile.ts';
import { openStore } from '../../src/store/openStore.ts';
import { createToken } from '../../src/store/peopleChanges.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { injectingAs, tokenFor } from './signedIn.ts';
import { expectProblem } from './testApp.ts';

const deal = resolveDeal('nchet-2002-1');
const openingState = readStateFile(deal, `${dealsDirectory}nchet-2002-1/state-2002-03-25.json`);
const april = readPeriodTotalsFile(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
const NCHET = '/api/deals/nchet-2002-1';
const who = { actor: 'test', at: '2026-12-02T00:00:00.000Z', address: 'test' };

/** A local receiver of webhook notices: it answers `status()` and keeps what it was sent. */
function receiver(status: () => number) {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = status();
      response.end();
    });
  });
  return {
    received,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the investor portal', () => {
  let store: TrustStore;
  let app: FastifyInstance;
  let ivan: FastifyInstance;
  let olga: FastifyInstance;
  let admin: FastifyInstance;
  let auditor: FastifyInstance;
  const portal = () => createPortal(storeHistory(store));

  beforeAll(async () => {
    store = await openStore(join(mkdtempSync(join(tmpdir(), 'trustee-investors-')), 't.sqlite'));
    app = await buildApp({ portal: portal(), store });
    ivan = injectingAs(
      app,
      await tokenFor(store, 'investor', { name: 'ivan', deals: ['nchet-2002-1'] }),
    );
    olga = injectingAs(
      app,
      await tokenFor(store, 'investor', { name: 'olga', deals: ['example-2003-6m'] }),
    );
    admin = injectingAs(app, await tokenFor(store, 'administrator'));
    auditor = injectingAs(app, await tokenFor(store, 'auditor'));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  describe('watch list, feed and webhooks', () => {
    const hook = receiver(() => 200);
    let url: string;
    let secret: string;
    beforeAll(async () => {
      url = await hook.listen();
    });
    afterAll(() => hook.close());

    it('watches entitled deals only; registers a webhook with its secret shown once', async () => {
      expect(
        (await ivan.inject({ method: 'PUT', url: '/api/watchlist/nchet-2002-1' })).statusCode,
      ).toBe(200);
      expectProblem(
        await ivan.inject({ method: 'PUT', url: '/api/watchlist/example-2003-6m' }),
        403,
        'FORBIDDEN',
      );
      expect((await ivan.inject('/api/watchlist')).json()).toMatchObject([
        { dealId: 'nchet-2002-1', name: deal.name },
      ]);
      expectProblem(
        await ivan.inject({ method: 'POST', url: '/api/webhooks', payload: { url: 'ftp://x/' } }),
        422,
        'INVALID_INPUT',
      );
      const made = await ivan.inject({
        method: 'POST',
        url: '/api/webhooks',
        payload: { url, label: 'ops' },
      });
      expect(made.statusCode).toBe(201);
      secret = (made.json() as { secret: string }).secret;
      const listed = await ivan.inject('/api/webhooks');
      expect(listed.json()).toMatchObject([{ url, label: 'ops' }]);
      expect(listed.body).not.toContain(secret);
      expect((await olga.inject('/api/webhooks')).json()).toEqual([]);
    });

    it('feeds the versions published for the watched deals, newest first, corrections too', async () => {
      expect((await ivan.inject('/api/feed')).json()).toEqual([]);
      await closeDistributionDate(store, deal, april, { actor: 'alice', openingState });
      const restated = { ...april, interestCollected: cents(april.interestCollected - 1_000_000) };
      await correctDistributionDate(store, deal, restated, {
        actor: 'bob',
        reason: 'servicer restated interest',
      });
      const feed = (await ivan.inject('/api/feed')).json() as Record<string, unknown>[];
      expect(feed.map((e) => [e['distributionDate'], e['version'], e['correction']])).toEqual([
        ['2002-04-25', 2, true],
        ['2002-04-25', 1, false],
      ]);
      expect(feed[0]).toMatchObject({ reason: 'servicer restated interest', dealName: deal.name });
      expect((await olga.inject('/api/feed')).json()).toEqual([]);
    });

    it('delivers each new version to the webhook once, signed, even with two dispatchers', async () => {
      const first = webhookDispatcher({ store, portal: portal() });
      const second = webhookDispatcher({ store, portal: portal() });
      await Promise.all([first.runOnce(), second.runOnce(), first.runOnce(), second.runOnce()]);
      await Promise.all([first.runOnce(), second.runOnce()]);
      expect(hook.received).toHaveLength(2);
      const versions = hook.received.map(
        (r) => (JSON.parse(r.body) as { version: number }).version,
      );
      expect(versions.sort()).toEqual([1, 2]);
      for (const { headers, body } of hook.received) {
        const timestamp = String(headers['x-trustee-timestamp']);
        const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
        expect(headers['x-trustee-signature']).toBe(`sha256=${expected}`);
        expect(JSON.parse(body)).toMatchObject({
          event: 'statement.published',
          dealId: 'nchet-2002-1',
        });
      }
      const [webhook] = (await ivan.inject('/api/webhooks')).json() as { webhookId: string }[];
      const deliveries = (
        await ivan.inject(`/api/webhooks/${webhook?.webhookId}/deliveries`)
      ).json();
      expect(deliveries).toMatchObject([{ status: 'delivered' }, { status: 'delivered' }]);
      expectProblem(
        await olga.inject(`/api/webhooks/${webhook?.webhookId}/deliveries`),
        404,
        'NOT_FOUND',
      );
    });

    it('retries a failed notice with backoff, then gives up', async () => {
      let answer = 500;
      const flaky = receiver(() => answer);
      const flakyUrl = await flaky.listen();
      try {
        const made = await admin.inject({
          method: 'POST',
          url: '/api/webhooks',
          payload: { url: flakyUrl },
        });
        const { webhook } = made.json() as { webhook: { webhookId: string } };
        await admin.inject({ method: 'PUT', url: '/api/watchlist/nchet-2002-1' });
        await correctDistributionDate(store, deal, april, {
          actor: 'bob',
          reason: 'restatement withdrawn',
        });
        let clock = Date.now();
        const dispatcher = webhookDispatcher({
          store,
          portal: portal(),
          now: () => new Date(clock),
          maxAttempts: 3,
          backoffMs: (n) => n * 60_000,
        });
        // ivan's webhook is told of the new version too (delivered); the flaky one is not yet.
        expect(await dispatcher.runOnce()).toMatchObject({ planned: 2, delivered: 1, retrying: 1 });
        expect(await dispatcher.runOnce()).toMatchObject({ planned: 0, retrying: 0, delivered: 0 });
        clock += 60_000;
        expect(await dispatcher.runOnce()).toMatchObject({ retrying: 1 });
        clock += 120_000;
        answer = 204;
        expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1 });
        expect(flaky.received).toHaveLength(3);
        const deliveries = (
          await admin.inject(`/api/webhooks/${webhook.webhookId}/deliveries`)
        ).json();
        expect(deliveries).toMatchObject([{ version: 3, status: 'delivered', attempts: 3 }]);
      } finally {
        await flaky.close();
      }
    });
    it('is delivered by the app started with dispatchWebhooks (trustee serve), on its own timer', async () => {
      const own = receiver(() => 200);
      const ownUrl = await own.listen();
      const served = await buildApp({ portal: portal(), store, dispatchWebhooks: true });
      try {
        await injectingAs(served, await tokenFor(store, 'administrator')).inject({
          method: 'POST',
          url: '/api/webhooks',
          payload: { url: ownUrl },
        });
        const again = { ...april, interestCollected: cents(april.interestCollected - 2_000_000) };
        await correctDistributionDate(store, deal, again, { actor: 'bob', reason: 'once more' });
        for (
          const deadline = Date.now() + 20_000;
          own.received.length === 0 && Date.now() < deadline;
        ) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(
          own.received.map((r) => (JSON.parse(r.body) as { version: number }).version),
        ).toEqual([4]);
      } finally {
        await served.close();
        await own.close();
      }
    });
  });

  describe('factors and CUSIPs', () => {
    it('gives every class its factor by date to 9 decimals, the statement rounded to 6', async () => {
      const table = (await ivan.inject(`${NCHET}/factors`)).json() as {
        decimals: number;
        rows: { date: string; factors: Record<string, number | null> }[];
      };
      expect(table.decimals).toBe(9);
      const row = table.rows.find((r) => r.date === '2002-04-25');
      const stored = await store.getDistribution('nchet-2002-1', '2002-04-25' as never);
      const a = stored?.distribution.classes.find((c) => c.name === 'A');
      expect(row?.factors['A']).toBe(fixedRatio(a?.endingBalance ?? 0, 16_090_100_000, 9));
      const statement = (await ivan.inject(`${NCHET}/distributions/2002-04-25/statement`)).body;
      for (const [name, factor] of Object.entries(row?.factors ?? {})) {
        if (factor === null) continue;
        const printed = new RegExp(`Class ${name}\\s+${factor.toFixed(6).replace('.', '\\.')}`);
        if (/^(A|M-\d|CE)$/.test(name)) expect(statement).toMatch(printed);
      }
      expect(row?.factors['R']).toBeNull();
      expectProblem(await olga.inject(`${NCHET}/factors`), 403, 'FORBIDDEN');
    });

    it('finds a CUSIP among the deals the caller may see; suggests the nearest one', async () => {
      const found = (await ivan.inject('/api/cusips/64352VCC3')).json() as Record<string, unknown>;
      expect(found).toMatchObject({ dealId: 'nchet-2002-1', class: 'A', decimals: 9 });
      expect(found['factors']).toHaveLength(1);
      const typo = expectProblem(await ivan.inject('/api/cusips/64352VCC4'), 404, 'UNKNOWN_CUSIP');
      expect(typo.message).toContain('64352VCC3');
      const hidden = expectProblem(
        await olga.inject('/api/cusips/64352VCC3'),
        404,
        'UNKNOWN_CUSIP',
      );
      // The suggestion is among olga's deal's CUSIPs, never another of the deal she may not see.
      const nchetCusips = deal.classes.flatMap((c) => (c.cusip ? [c.cusip] : []));
      const suggested = hidden.details[0] as { expected?: string };
      expect(nchetCusips.some((c) => suggested.expected?.includes(c))).toBe(false);
    });
  });

  describe('positions', () => {
    it("shows a holding's cash flows received and projected, in cents, floored", async () => {
      expectProblem(
        await ivan.inject({
          method: 'POST',
          url: '/api/positions',
          payload: { dealId: 'nchet-2002-1', class: 'A', originalFace: '1,000,000.001' },
        }),
        422,
        'INVALID_INPUT',
      );
      expectProblem(
        await ivan.inject({
          method: 'POST',
          url: '/api/positions',
          payload: { dealId: 'nchet-2002-1', class: 'Z', originalFace: 1 },
        }),
        422,
        'UNKNOWN_CLASS',
      );
      expectProblem(
        await olga.inject({
          method: 'POST',
          url: '/api/positions',
          payload: { dealId: 'nchet-2002-1', class: 'A', originalFace: 1 },
        }),
        403,
        'FORBIDDEN',
      );
      const made = await ivan.inject({
        method: 'POST',
        url: '/api/positions',
        payload: {
          dealId: 'nchet-2002-1',
          class: 'A',
          originalFace: '1,000,000.00',
          label: 'fund 1',
        },
      });
      expect(made.statusCode).toBe(201);
      const position = made.json() as { positionId: string; originalFace: number };
      expect(position.originalFace).toBe(100_000_000);
      const view = (await ivan.inject(`/api/positions/${position.positionId}`)).json() as {
        received: {
          rows: { date: string; interest: number; principal: number; balance: number }[];
        };
        remainingBalance: number;
        projected: {
          scenario: string;
          asOf: string;
          rows: { principal: number }[];
          principal: number;
        };
      };
      const a = (
        await store.getDistribution('nchet-2002-1', '2002-04-25' as never)
      )?.distribution.classes.find((c) => c.name === 'A');
      const share = (x: number) => Math.floor((x * 100_000_000) / 16_090_100_000);
      expect(view.received.rows).toEqual([
        {
          date: '2002-04-25',
          interest: share(a?.interestPaid ?? 0),
          principal: share(a?.principalPaid ?? 0),
          total: share(a?.interestPaid ?? 0) + share(a?.principalPaid ?? 0),
          balance: share(a?.endingBalance ?? 0),
        },
      ]);
      expect(view.remainingBalance).toBe(share(a?.endingBalance ?? 0));
      expect(view.projected.asOf).toBe('2002-04-25');
      expect(view.projected.scenario).toContain('PPC');
      expect(view.projected.rows.length).toBeGreaterThan(0);
      // The projection pays down what remains, within a cent a month of flooring.
      expect(view.remainingBalance - view.projected.principal).toBeGreaterThanOrEqual(0);
      expect(view.remainingBalance - view.projected.principal).toBeLessThanOrEqual(
        view.projected.rows.length,
      );
      expectProblem(await olga.inject(`/api/positions/${position.positionId}`), 404, 'NOT_FOUND');
      expect((await olga.inject('/api/positions')).json()).toEqual([]);
      const audit = await store.auditLog('nchet-2002-1');
      expect(audit.some((e) => e.action === 'add-position' && e.actor === 'ivan')).toBe(true);
    });
  });

  describe('a position after the entitlement is withdrawn', () => {
    it('is no longer shown (403) but can still be removed', async () => {
      const pia = injectingAs(
        app,
        await tokenFor(store, 'investor', { name: 'pia', deals: ['nchet-2002-1'] }),
      );
      const made = await pia.inject({
        method: 'POST',
        url: '/api/positions',
        payload: { dealId: 'nchet-2002-1', class: 'M-2', originalFace: 250000 },
      });
      const { positionId } = made.json() as { positionId: string };
      await admin.inject({ method: 'DELETE', url: '/api/users/pia/deals/nchet-2002-1' });
      expectProblem(await pia.inject(`/api/positions/${positionId}`), 403, 'FORBIDDEN');
      expect((await pia.inject('/api/positions')).json()).toEqual([]);
      const removed = await pia.inject({ method: 'DELETE', url: `/api/positions/${positionId}` });
      expect(removed.statusCode).toBe(200);
    });
  });

  describe('the history ZIP', () => {
    it('holds every statement in every format, the 8-Ks, and a manifest with SHA-256', async () => {
      const response = await ivan.inject(`${NCHET}/history.zip`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/zip');
      const files = unzipSync(new Uint8Array(response.rawPayload));
      const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as {
        files: { path: string; sha256: string; bytes: number }[];
      };
      expect(manifest.files.map((f) => f.path).sort()).toEqual(
        [
          'closing/nchet-2002-1-8k-closing.txt',
          '2002-04-25/nchet-2002-1-8k-2002-04-25.txt',
          ...['txt', 'json', 'csv', 'pdf', 'xlsx'].flatMap((x) =>
            ['', 'version-1/', 'version-2/', 'version-3/'].map(
              (v) => `2002-04-25/${v}nchet-2002-1-statement-2002-04-25.${x}`,
            ),
          ),
        ].sort(),
      );
      const { createHash } = await import('node:crypto');
      for (const f of manifest.files) {
        const bytes = files[f.path] as Uint8Array;
        expect(bytes.byteLength, f.path).toBe(f.bytes);
        expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
      }
      expect(
        strFromU8(files['2002-04-25/nchet-2002-1-statement-2002-04-25.txt'] as Uint8Array),
      ).toContain('Version 4');
      // A replaced version keeps its own note: version 2 was the restatement.
      const v2 = files['2002-04-25/version-2/nchet-2002-1-statement-2002-04-25.txt'] as Uint8Array;
      expect(strFromU8(v2)).toMatch(
        /Version 2 \(corrected \d{4}-\d{2}-\d{2} by bob: servicer restated/,
      );
      expectProblem(await olga.inject(`${NCHET}/history.zip`), 403, 'FORBIDDEN');
    });

    it("counts a year full once its December date or a later year's date is closed", () => {
      expect(fullYears(['2002-03-25', '2002-04-25'])).toEqual([]);
      expect(fullYears(['2002-11-25', '2002-12-26'])).toEqual([2002]);
      expect(fullYears(['2002-11-25', '2003-01-27'])).toEqual([2002]);
    });
  });

  describe('the users page', () => {
    it('adds a user with a one-time link, entitles and withdraws deals, disables; all audited', async () => {
      const added = await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: { name: 'petra', role: 'investor', deals: ['nchet-2002-1'] },
      });
      expect(added.statusCode).toBe(201);
      expect((added.json() as { link: string }).link).toMatch(/\/#\/sign-in\/[\w-]{43}$/);
      expectProblem(
        await admin.inject({
          method: 'POST',
          url: '/api/users',
          payload: { name: 'petra', role: 'investor' },
        }),
        409,
        'USER_EXISTS',
      );
      expectProblem(
        await admin.inject({
          method: 'POST',
          url: '/api/users',
          payload: { name: 'quinn', role: 'investor', deals: ['no-such-deal'] },
        }),
        404,
        'UNKNOWN_DEAL',
      );
      expect(await store.people.getUser('quinn')).toBeUndefined();
      const entitled = await admin.inject({
        method: 'PUT',
        url: '/api/users/petra/deals/example-2003-6m',
      });
      expect(entitled.json()).toMatchObject({ deals: ['example-2003-6m', 'nchet-2002-1'] });
      const withdrawn = await admin.inject({
        method: 'DELETE',
        url: '/api/users/petra/deals/nchet-2002-1',
      });
      expect(withdrawn.json()).toMatchObject({ deals: ['example-2003-6m'] });
      const role = await admin.inject({
        method: 'PUT',
        url: '/api/users/petra/role',
        payload: { role: 'auditor' },
      });
      expect(role.json()).toMatchObject({ role: 'auditor', deals: [] });
      const listed = (await auditor.inject('/api/users')).json() as { name: string }[];
      expect(listed.map((u) => u.name)).toContain('petra');
      expectProblem(
        await auditor.inject({ method: 'POST', url: '/api/users/petra/disable' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(await ivan.inject('/api/users'), 403, 'FORBIDDEN');
      expect(
        (await admin.inject({ method: 'POST', url: '/api/users/petra/disable' })).json(),
      ).toMatchObject({
        name: 'petra',
        disabledAt: expect.any(String),
      });
      const actions = (await store.allAudit({ actor: 'administrator' })).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['add-user', 'create-sign-in-link', 'set-role', 'disable-user']),
      );
    });

    it('keeps an enabled administrator: the last one is neither disabled nor demoted', async () => {
      const lonely = await openStore(':memory:');
      const alone = await buildApp({ portal: portal(), store: lonely });
      try {
        const ada = injectingAs(alone, await tokenFor(lonely, 'administrator', { name: 'ada' }));
        const last = expectProblem(
          await ada.inject({ method: 'POST', url: '/api/users/ada/disable' }),
          422,
          'INVALID_INPUT',
        );
        expect(last.message).toContain('last administrator');
        expectProblem(
          await ada.inject({
            method: 'PUT',
            url: '/api/users/ada/role',
            payload: { role: 'auditor' },
          }),
          422,
          'INVALID_INPUT',
        );
        expect((await lonely.people.getUser('ada'))?.role).toBe('administrator');
        await ada.inject({
          method: 'POST',
          url: '/api/users',
          payload: { name: 'bea', role: 'administrator' },
        });
        const demoted = await ada.inject({
          method: 'PUT',
          url: '/api/users/ada/role',
          payload: { role: 'auditor' },
        });
        expect(demoted.json()).toMatchObject({ role: 'auditor' });
      } finally {
        await alone.close();
        await lonely.close();
      }
    });

    it("lists and revokes a user's API tokens", async () => {
      const spare = await createToken(store, 'ivan', 'spare', who);
      const tokens = (await auditor.inject('/api/users/ivan/tokens')).json() as {
        tokenId: string;
      }[];
      expect(tokens.map((t) => t.tokenId)).toContain(spare.record.tokenId);
      expect(tokens.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(tokens)).not.toContain(spare.token);
      const url = `/api/users/ivan/tokens/${spare.record.tokenId}`;
      expectProblem(
        await admin.inject({ method: 'DELETE', url: url.replace('ivan', 'olga') }),
        404,
        'NOT_FOUND',
      );
      const revoked = await admin.inject({ method: 'DELETE', url });
      expect(revoked.json()).toMatchObject({ revokedAt: expect.any(String) });
      expect((await injectingAs(app, spare.token).inject('/api/feed')).statusCode).toBe(401);
    });
  });
});
