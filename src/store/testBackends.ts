import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { expect } from 'vitest';
import { TrusteeError } from '../errors/catalogue.ts';
import { parsePostgresUrl } from './postgresDialect.ts';
import { tableNames } from './schema.ts';

/**
 * Test support: the backends every store test runs against, each a fresh, private database
 * (a temporary SQLite file; a PostgreSQL schema of its own, so parallel runs do not collide),
 * dropped afterwards. PostgreSQL: TRUSTEE_TEST_POSTGRES or postgres://postgres@127.0.0.1:5432/test.
 */
export const backends = ['sqlite', 'postgres'] as const;
export type BackendName = (typeof backends)[number];

export const postgresTestUrl =
  process.env['TRUSTEE_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly location: string;
  drop(): Promise<void>;
}

export function freshDatabase(backend: BackendName): TestDatabase {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'trustee-store-'));
    return {
      location: join(dir, 'trustee.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `trustee_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const separator = postgresTestUrl.includes('?') ? '&' : '?';
  return {
    location: `${postgresTestUrl}${separator}schema=${schema}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresTestUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Every row of every table, each table's rows sorted: two dumps are equal exactly when the
 * database holds the same data. Read through a connection of its own, outside the store.
 */
export async function dumpTables(location: string): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  if (!location.startsWith('postgres')) {
    const db = new DatabaseSync(location, { readOnly: true });
    try {
      for (const table of tableNames) {
        dump[table] = db
          .prepare(`select * from ${table}`)
          .all()
          .map((r) => JSON.stringify(r))
          .sort();
      }
    } finally {
      db.close();
    }
    return dump;
  }
  const { url, schema } = parsePostgresUrl(location);
  const client = new pg.Client({
    connectionString: url,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  try {
    for (const table of tableNames) {
      const { rows } = await client.query(`select * from ${table}`);
      dump[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
  } finally {
    await client.end();
  }
  return dump;
}

/** The TrusteeError a promise rejects with (the test fails if it resolves or throws another). */
export async function failure(promise: Promise<unknown>): Promise<TrusteeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TrusteeError);
  return error as TrusteeError;
}
