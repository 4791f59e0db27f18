import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './openStore.ts';
import { tableNames } from './schema.ts';
import { backends, dumpTables, freshDatabase, type TestDatabase } from './testBackends.ts';
import type { TrustStore } from './trustStore.ts';

describe.each(backends)('the schema on %s', (backend) => {
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

  it('creates every table of the one definition, and migrates once', async () => {
    expect(Object.keys(await dumpTables(db.location))).toEqual([...tableNames]);
    const again = await openStore(db.location);
    await again.close();
  });

  it('keeps money in BIGINT columns', async () => {
    const money = [
      'beginning_pool_balance',
      'ending_pool_balance',
      'interest_collected',
      'beginning_balance',
      'interest_paid',
      'principal_paid',
      'realized_loss',
      'ending_balance',
    ];
    const types = new Map<string, string>();
    if (backend === 'sqlite') {
      const { DatabaseSync } = await import('node:sqlite');
      const raw = new DatabaseSync(db.location, { readOnly: true });
      for (const table of ['remittances', 'distributions', 'distribution_classes']) {
        for (const c of raw.prepare(`pragma table_info(${table})`).all() as {
          name: string;
          type: string;
        }[]) {
          if (money.includes(c.name)) types.set(`${table}.${c.name}`, c.type.toLowerCase());
        }
      }
      raw.close();
    } else {
      const pg = await import('pg');
      const { parsePostgresUrl } = await import('./postgresDialect.ts');
      const { url, schema } = parsePostgresUrl(db.location);
      const client = new pg.default.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{
        table_name: string;
        column_name: string;
        data_type: string;
      }>(
        'select table_name, column_name, data_type from information_schema.columns where table_schema = $1',
        [schema],
      );
      await client.end();
      for (const r of rows)
        if (money.includes(r.column_name))
          types.set(`${r.table_name}.${r.column_name}`, r.data_type);
    }
    expect(types.size).toBe(9);
    expect(new Set(types.values())).toEqual(new Set(['bigint']));
  });
});

describe('stores in several PostgreSQL schemas of one database', () => {
  it("migrates a new schema's store while another schema already holds a store", async () => {
    // kysely's migrator looks for its tables in every schema unless told which one: a second
    // schema used to find the first one's lock table and never make its own.
    const first = freshDatabase('postgres');
    const second = freshDatabase('postgres');
    try {
      const a = await openStore(first.location);
      await a.close();
      const b = await openStore(second.location);
      await b.close();
      expect(Object.keys(await dumpTables(second.location))).toEqual([...tableNames]);
    } finally {
      await first.drop();
      await second.drop();
    }
  });
});
