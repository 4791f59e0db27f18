import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDistributionDate } from '../../administration/index.ts';
import { dealsDirectory, resolveDeal } from '../../deal/builtIn.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import { readPeriodTotalsFile } from '../../servicing/periodTotalsFile.ts';
import { addWebhook, watchDeal } from '../../store/investorChanges.ts';
import { openStore } from '../../store/openStore.ts';
import { addPerson } from '../../store/peopleChanges.ts';
import { backends, freshDatabase, type TestDatabase } from '../../store/testBackends.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { builtInHistory } from '../service/builtInHistory.ts';
import { createPortal } from '../service/portal.ts';
import { webhookDispatcher } from './webhookDispatcher.ts';

const deal = resolveDeal('nchet-2002-1');
const who = { actor: 'ivan', at: '2026-12-01T00:00:00.000Z', address: '127.0.0.1' };

/**
 * PostgreSQL: two connections in one process act as two `trustee serve` would. (Two SQLite
 * connections in one process cannot: node:sqlite waits for the file's lock synchronously,
 * blocking the event loop the other connection's transaction needs to finish; on SQLite the
 * API test runs two dispatchers on one connection.)
 */
describe.each(backends.filter((b) => b === 'postgres'))(
  'two dispatchers on two connections to one %s store',
  (backend) => {
    let db: TestDatabase;
    let stores: TrustStore[];
    const received: string[] = [];
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received.push(String(request.headers['x-trustee-delivery']));
        // A slow receiver: the other dispatcher runs its round while this one is sending.
        setTimeout(() => response.end(), 50);
      });
    });

    beforeAll(async () => {
      db = freshDatabase(backend);
      stores = [await openStore(db.location), await openStore(db.location)];
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('send each notice once', async () => {
      const [one, two] = stores as [TrustStore, TrustStore];
      await addPerson(one, { name: 'ivan', role: 'investor', deals: ['nchet-2002-1'] }, who);
      await watchDeal(one, 'ivan', 'nchet-2002-1', who);
      const { port } = server.address() as AddressInfo;
      for (const path of ['/a', '/b']) {
        await addWebhook(one, 'ivan', { url: `http://127.0.0.1:${port}${path}` }, who);
      }
      const openingState = readStateFile(
        deal,
        `${dealsDirectory}nchet-2002-1/state-2002-03-25.json`,
      );
      const april = readPeriodTotalsFile(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
      await closeDistributionDate(one, deal, april, { actor: 'alice', openingState });

      const portal = createPortal(builtInHistory());
      const dispatchers = [
        webhookDispatcher({ store: one, portal }),
        webhookDispatcher({ store: two, portal }),
      ];
      for (let round = 0; round < 3; round += 1) {
        await Promise.all(dispatchers.map((d) => d.runOnce()));
      }
      // One version, two webhooks: two notices, each once.
      expect(received.sort()).toHaveLength(2);
      expect(new Set(received).size).toBe(2);
      expect(received.every((id) => id.endsWith(':nchet-2002-1:2002-04-25:v1'))).toBe(true);
    });
  },
);

const node = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));
const script = fileURLToPath(new URL('./dispatchRounds.script.ts', import.meta.url));

/** Runs dispatchRounds.script.ts: a dispatcher in a process of its own; its deliveries. */
function dispatchInChild(location: string, rounds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [script, location, String(rounds)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(err))));
  });
}

describe('two dispatchers in two processes on one SQLite file', () => {
  let db: TestDatabase;
  const received: string[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(String(request.headers['x-trustee-delivery']));
      setTimeout(() => response.end(), 50);
    });
  });
  beforeAll(async () => {
    db = freshDatabase('sqlite');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await db.drop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('send each notice once', async () => {
    const store = await openStore(db.location);
    await addPerson(store, { name: 'ivan', role: 'investor', deals: ['nchet-2002-1'] }, who);
    await watchDeal(store, 'ivan', 'nchet-2002-1', who);
    const { port } = server.address() as AddressInfo;
    for (const path of ['/a', '/b', '/c']) {
      await addWebhook(store, 'ivan', { url: `http://127.0.0.1:${port}${path}` }, who);
    }
    const openingState = readStateFile(deal, `${dealsDirectory}nchet-2002-1/state-2002-03-25.json`);
    const april = readPeriodTotalsFile(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
    await closeDistributionDate(store, deal, april, { actor: 'alice', openingState });
    await store.close();
    const delivered = await Promise.all([
      dispatchInChild(db.location, 3),
      dispatchInChild(db.location, 3),
    ]);
    expect(delivered[0] + delivered[1]).toBe(3);
    expect(received).toHaveLength(3);
    expect(new Set(received).size).toBe(3);
  }, 60_000);
});
