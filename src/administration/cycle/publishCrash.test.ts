import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/openStore.ts';
import { parsePostgresUrl } from '../../store/postgresDialect.ts';
import { backends, dumpTables, postgresTestUrl } from '../../store/testBackends.ts';
import { freshStoreEach } from '../testStore.ts';
import { startChild } from './childProcess.ts';
import { publishDraft } from './publishDraft.ts';
import { address, approvedApril, april, dealId } from './testCycle.ts';

const script = new URL('./publishChild.script.ts', import.meta.url);

/**
 * A PostgreSQL session of the test's schema that holds the statements table locked, so that a
 * publish blocks inside its transaction when it comes to write the statement (after the
 * version is written); `terminateBlocked` then ends the publishing connection mid-statement.
 */
async function lockStatements(location: string): Promise<{
  terminateBlocked(): Promise<number>;
  release(): Promise<void>;
}> {
  const { schema } = parsePostgresUrl(location);
  const client = new pg.Client({ connectionString: postgresTestUrl });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table "${schema}".statements in access exclusive mode`);
  return {
    async terminateBlocked() {
      for (let attempt = 0; attempt < 400; attempt += 1) {
        const { rows } = await client.query<{ pid: number }>(
          `select pid from pg_locks where not granted and relation = $1::regclass`,
          [`"${schema}".statements`],
        );
        if (rows.length > 0) {
          for (const { pid } of rows) await client.query('select pg_terminate_backend($1)', [pid]);
          return rows.length;
        }
        await new Promise((settle) => setTimeout(settle, 50));
      }
      return 0;
    },
    async release() {
      await client.query('rollback');
      await client.end();
    },
  };
}

describe.each(backends)('the connection lost during a publish, on %s', (backend) => {
  const fresh = freshStoreEach(backend);

  it('leaves nothing half-written; a retry publishes once', async () => {
    const { store, db } = fresh.current();
    const draft = await approvedApril(store);
    const before = await dumpTables(db.location);

    if (backend === 'postgres') {
      // The publish blocks on the statements table with the version written; the database then
      // ends its connection, the transaction open.
      const lock = await lockStatements(db.location);
      const child = startChild(script, [db.location, draft.draftId]);
      try {
        expect(await lock.terminateBlocked()).toBe(1);
      } finally {
        await lock.release();
      }
      const out = await child.printed('FAILED');
      expect(out).toMatch(/terminat/);
      expect((await child.exited).code).toBe(1);
    } else {
      const child = startChild(script, [db.location, draft.draftId, 'pause']);
      await child.printed('PAUSED');
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      // The killed writer left its rollback journal: the next open rolls it back.
      expect(existsSync(`${db.location}-journal`)).toBe(true);
    }

    const reopened = await openStore(db.location);
    try {
      expect(await dumpTables(db.location)).toEqual(before);
      expect(await reopened.listDistributions(dealId)).toEqual([]);
      expect((await reopened.getDraft(draft.draftId))!.status).toBe('approved');

      const { record } = await publishDraft(reopened, {
        draftId: draft.draftId,
        publishedBy: 'alan',
        address,
      });
      expect(record).toMatchObject({ version: 1, resultHash: draft.resultHash });
      expect((await reopened.listDistributions(dealId)).map((v) => v.version)).toEqual([1]);
      expect((await reopened.getStatement(dealId, april, 'txt'))!.version).toBe(1);
      expect(
        (await reopened.allAudit()).filter((e) => e.action === 'publish-distribution'),
      ).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });
});
