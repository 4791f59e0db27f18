import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { plainDate } from '../money/plainDate.ts';
import { GENESIS } from './auditChain.ts';
import { openStore } from './openStore.ts';
import { parsePostgresUrl } from './postgresDialect.ts';
import { backends, freshDatabase, type TestDatabase } from './testBackends.ts';
import type { TrustStore } from './trustStore.ts';

/** Raw SQL on a test database, outside the store: what someone with the database file can do. */
async function execute(location: string, statements: readonly string[]): Promise<void> {
  if (!location.startsWith('postgres')) {
    const raw = new DatabaseSync(location);
    for (const statement of statements) raw.exec(statement);
    raw.close();
    return;
  }
  const { url, schema } = parsePostgresUrl(location);
  const client = new pg.Client({
    connectionString: url,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const at = '2026-12-02T01:00:00.000Z';

describe.each(backends)('the audit hash chain on %s', (backend) => {
  let db: TestDatabase;
  let store: TrustStore;
  beforeAll(async () => {
    db = freshDatabase(backend);
    store = await openStore(db.location);
  });
  afterAll(async () => {
    await store?.close();
    await db.drop();
  });

  /** A fresh log of five entries (one about no deal, one with an address). */
  async function fiveEntries(): Promise<void> {
    await execute(db.location, ['delete from audit_log']);
    for (let k = 1; k <= 5; k++) {
      await store.appendAudit({
        at,
        actor: k === 3 ? 'carol' : 'alice',
        action: k === 3 ? 'sign-in' : 'close',
        ...(k === 3 ? { address: '127.0.0.1' } : { dealId: 'nchet-2002-1', version: 1 }),
        details: { k },
      });
    }
  }

  it('chains each entry to the one before and verifies an untouched log', async () => {
    await fiveEntries();
    const entries = await store.allAudit();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.previousHash).toBe(GENESIS);
    for (let k = 1; k < entries.length; k++)
      expect(entries[k]!.previousHash).toBe(entries[k - 1]!.hash);
    expect(entries[2]).toMatchObject({ action: 'sign-in', address: '127.0.0.1' });
    expect(entries[2]!.dealId).toBeUndefined();
    expect(await store.verifyAudit()).toEqual({
      entries: 5,
      headSeq: 5,
      head: entries[4]!.hash,
      breaks: [],
    });
  });

  it('reads the entries of a deal, an actor and a range of days', async () => {
    await fiveEntries();
    await store.appendAudit({ at: '2026-12-04T23:59:59.999Z', actor: 'bob', action: 'sign-in' });
    const seqs = async (filter: Parameters<TrustStore['allAudit']>[0]) =>
      (await store.allAudit(filter)).map((e) => e.seq);
    expect(await seqs({ dealId: 'nchet-2002-1' })).toEqual([1, 2, 4, 5]);
    expect(await seqs({ actor: 'carol' })).toEqual([3]);
    expect(await seqs({ dealId: 'nchet-2002-1', actor: 'carol' })).toEqual([]);
    expect(await seqs({ from: plainDate('2026-12-02'), to: plainDate('2026-12-02') })).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(await seqs({ from: plainDate('2026-12-03') })).toEqual([6]);
    expect(await seqs({ to: plainDate('2026-12-03') })).toEqual([1, 2, 3, 4, 5]);
    expect(await seqs({ to: plainDate('2026-12-04') })).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('detects an entry changed afterwards with raw SQL', async () => {
    await fiveEntries();
    await execute(db.location, ["update audit_log set actor = 'mallory' where seq = 2"]);
    const { breaks } = await store.verifyAudit();
    expect(breaks).toEqual([
      { seq: 2, problem: 'its content does not give its hash (changed after it was written)' },
    ]);
  });

  it('detects a changed detail, reason or address, each a column the hash covers', async () => {
    for (const change of [
      `update audit_log set details = '{"k":30}' where seq = 3`,
      `update audit_log set reason = 'because' where seq = 4`,
      `update audit_log set address = '10.0.0.9' where seq = 3`,
      `update audit_log set deal_id = 'other' where seq = 5`,
    ]) {
      await fiveEntries();
      await execute(db.location, [change]);
      expect((await store.verifyAudit()).breaks.length, change).toBeGreaterThan(0);
    }
  });

  it('detects a changed entry whose hash was recomputed: the next entry no longer follows it', async () => {
    await fiveEntries();
    await execute(db.location, [
      "update audit_log set actor = 'mallory', hash = 'f00d' where seq = 2",
    ]);
    const { breaks } = await store.verifyAudit();
    expect(breaks.map((b) => b.seq)).toEqual([2, 3]);
    expect(breaks[1]!.problem).toBe('its previous hash is not the hash of the entry before it');
  });

  it('detects an entry deleted afterwards', async () => {
    await fiveEntries();
    await execute(db.location, ['delete from audit_log where seq = 3']);
    const { breaks, entries } = await store.verifyAudit();
    expect(entries).toBe(4);
    expect(breaks).toEqual([
      { seq: 4, problem: 'entries 3..3 are missing (deleted)' },
      { seq: 4, problem: 'its previous hash is not the hash of the entry before it' },
    ]);
  });

  it('a cut-off tail leaves a chain that holds: its head differs from the one noted before', async () => {
    await fiveEntries();
    const before = await store.verifyAudit();
    await execute(db.location, ['delete from audit_log where seq = 5']);
    const after = await store.verifyAudit();
    expect(after.breaks).toEqual([]);
    expect(after.head).not.toBe(before.head);
  });
});
