import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import {
  addPosition,
  addWebhook,
  checkWebhookUrl,
  MAX_WEBHOOKS,
  removePosition,
  removeWebhook,
  unwatchDeal,
  watchDeal,
} from './investorChanges.ts';
import { openStore } from './openStore.ts';
import { addPerson } from './peopleChanges.ts';
import { backends, dumpTables, failure, freshDatabase, type TestDatabase } from './testBackends.ts';
import type { TrustStore } from './trustStore.ts';

const who = { actor: 'ivan', at: '2026-12-02T01:00:00.000Z', address: '127.0.0.1' };
const later = '2026-12-02T02:00:00.000Z';
const key = { dealId: 'nchet-2002-1', distributionDate: '2002-04-25', version: 1 };

describe.each(backends)('watch lists, webhooks, deliveries and positions on %s', (backend) => {
  let db: TestDatabase;
  let store: TrustStore;
  beforeAll(async () => {
    db = freshDatabase(backend);
    store = await openStore(db.location);
    await addPerson(store, { name: 'ivan', role: 'investor', deals: ['nchet-2002-1'] }, who);
  });
  afterAll(async () => {
    await store?.close();
    await db.drop();
  });

  it('keeps a watch list, once a deal, each change audited', async () => {
    await watchDeal(store, 'ivan', 'nchet-2002-1', who);
    await watchDeal(store, 'ivan', 'nchet-2002-1', { ...who, at: later });
    expect(await store.investors.watchList('ivan')).toEqual([
      { dealId: 'nchet-2002-1', addedAt: who.at },
    ]);
    expect(await unwatchDeal(store, 'ivan', 'example-2003-6m', who)).toBe(false);
    await watchDeal(store, 'ivan', 'example-2003-6m', who);
    expect(await unwatchDeal(store, 'ivan', 'example-2003-6m', who)).toBe(true);
    const actions = (await store.allAudit({ actor: 'ivan' })).map((e) => e.action);
    expect(actions.filter((a) => a === 'watch-deal')).toHaveLength(3);
    expect(actions.filter((a) => a === 'unwatch-deal')).toHaveLength(1);
  });

  it('makes a webhook with its secret once; lists it without; removes it', async () => {
    const { webhook, secret } = await addWebhook(
      store,
      'ivan',
      { url: 'https://example.com/hook', label: 'ops' },
      who,
    );
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(webhook).toMatchObject({ name: 'ivan', url: 'https://example.com/hook', label: 'ops' });
    expect(JSON.stringify(await store.investors.webhooks('ivan'))).not.toContain(secret);
    expect(await store.investors.webhookSecret(webhook.webhookId)).toBe(secret);
    const audit = await store.allAudit({ actor: 'ivan' });
    expect(JSON.stringify(audit)).not.toContain(secret);
    await removeWebhook(store, webhook.webhookId, who);
    expect(await store.investors.webhooks('ivan')).toEqual([]);
    expect(await store.investors.webhookSecret(webhook.webhookId)).toBeUndefined();
    expect((await failure(removeWebhook(store, 'nope', who))).code).toBe('NOT_FOUND');
  });

  it('refuses a webhook URL that is not http(s), has credentials or is not a URL', async () => {
    const before = await dumpTables(db.location);
    for (const url of ['ftp://x.example/', 'https://u:p@x.example/', 'not a url', 'https://x/#a']) {
      const error = await failure(addWebhook(store, 'ivan', { url }, who));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details[0]?.field).toBe('url');
    }
    expect(await dumpTables(db.location)).toEqual(before);
    expect(checkWebhookUrl('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080/x');
  });

  it('keeps at most MAX_WEBHOOKS webhooks a user', async () => {
    await addPerson(store, { name: 'wes', role: 'investor', deals: [] }, who);
    for (let i = 0; i < MAX_WEBHOOKS; i += 1) {
      await addWebhook(store, 'wes', { url: `https://example.com/${i}` }, who);
    }
    const error = await failure(addWebhook(store, 'wes', { url: 'https://example.com/x' }, who));
    expect(error.details[0]?.expected).toContain(`at most ${MAX_WEBHOOKS}`);
    expect(await store.investors.webhooks('wes')).toHaveLength(MAX_WEBHOOKS);
  });

  it('plans a notice once; one of two claimants wins it; an outcome releases it', async () => {
    const { webhook } = await addWebhook(store, 'ivan', { url: 'http://127.0.0.1:9/' }, who);
    const k = { webhookId: webhook.webhookId, ...key };
    expect(await store.investors.planDelivery(k, who.at)).toBe(true);
    expect(await store.investors.planDelivery(k, later)).toBe(false);
    expect(await store.investors.dueDeliveries(who.at, 10)).toHaveLength(1);
    const until = '2026-12-02T01:00:30.000Z';
    const claims = await Promise.all([
      store.investors.claimDelivery(k, who.at, until),
      store.investors.claimDelivery(k, who.at, until),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.investors.dueDeliveries(who.at, 10)).toEqual([]);
    await store.investors.finishDelivery(k, {
      status: 'pending',
      error: 'connection refused',
      nextAttemptAt: later,
    });
    expect(await store.investors.dueDeliveries(who.at, 10)).toEqual([]);
    expect(await store.investors.dueDeliveries(later, 10)).toMatchObject([
      { attempts: 1, lastError: 'connection refused' },
    ]);
    expect(await store.investors.claimDelivery(k, later, '2026-12-02T02:00:30.000Z')).toBe(true);
    await store.investors.finishDelivery(k, { status: 'delivered', at: later });
    expect(await store.investors.dueDeliveries('2027-01-01T00:00:00.000Z', 10)).toEqual([]);
    expect(await store.investors.deliveries(webhook.webhookId)).toMatchObject([
      { status: 'delivered', attempts: 2, deliveredAt: later, lastError: null },
    ]);
  });

  it('keeps positions in cents, per user, removed ones no more listed', async () => {
    const position = await addPosition(
      store,
      { name: 'ivan', dealId: 'nchet-2002-1', className: 'M-1', originalFace: cents(100_000_000) },
      who,
    );
    expect(await store.investors.positions('ivan')).toEqual([position]);
    expect(await store.investors.position(position.positionId)).toEqual(position);
    const zero = { name: 'ivan', dealId: 'nchet-2002-1', className: 'A', originalFace: cents(0) };
    expect((await failure(addPosition(store, zero, who))).details[0]?.field).toBe('originalFace');
    await removePosition(store, position.positionId, who);
    expect(await store.investors.positions('ivan')).toEqual([]);
    const audit = await store.auditLog('nchet-2002-1');
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['add-position', 'remove-position']),
    );
  });
});
