import { resolve } from 'node:path';
import { Kysely, sql } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import { KyselyTrustStore, type Backend } from './kyselyTrustStore.ts';
import { migrateToLatest } from './migrations.ts';
import { ensurePostgresSchema, parsePostgresUrl, postgresDialect } from './postgresDialect.ts';
import type { Database } from './schema.ts';
import { NodeSqliteDialect } from './sqliteDialect.ts';
import type { TrustStore } from './trustStore.ts';

/** Where trustee keeps its data when neither --db nor TRUSTEE_DB says otherwise. */
export const DEFAULT_STORE = 'var/trustee.sqlite';

/** The store location to use: an explicit --db, else TRUSTEE_DB, else var/trustee.sqlite. */
export function storeLocation(explicit?: string, env = process.env): string {
  return explicit || env['TRUSTEE_DB'] || DEFAULT_STORE;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store at `location` and brings its schema to the latest migration:
 * `postgres://user@host:5432/db[?schema=NAME]` for PostgreSQL, anything else is a SQLite file
 * path (its folder is created; ":memory:" for a private in-memory store).
 */
export async function openStore(location: string): Promise<TrustStore> {
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
}

async function openSqlite(path: string): Promise<TrustStore> {
  const file = path === ':memory:' ? path : resolve(path);
  const db = new Kysely<Database>({ dialect: new NodeSqliteDialect(file) });
  const backend: Backend = {
    kind: 'sqlite',
    location: file,
    // BEGIN IMMEDIATE (sqliteDialect.ts) already holds the database's one write lock.
    lockWrites: async () => undefined,
    destroy: () => db.destroy(),
  };
  try {
    await migrateToLatest(db as Kysely<unknown>, file);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw asUnavailable(error, file);
  }
  return new KyselyTrustStore(db, backend);
}

async function openPostgres(url: string): Promise<TrustStore> {
  const location = parsePostgresUrl(url);
  await ensurePostgresSchema(location);
  const { dialect } = postgresDialect(location);
  const db = new Kysely<Database>({ dialect });
  const backend: Backend = {
    kind: 'postgres',
    location: location.display,
    // One lock for the schema's writers, released when the transaction ends (or the
    // connection dies): closings, corrections and audit numbers never interleave.
    lockWrites: async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.trustee'))`.execute(
        trx,
      );
    },
    destroy: () => db.destroy(),
  };
  try {
    // The schema the tables go to: the URL's, else the first of the server's search_path.
    const schema = location.schema ?? (await currentSchema(db));
    await migrateToLatest(db as Kysely<unknown>, location.display, schema);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw asUnavailable(error, location.display);
  }
  return new KyselyTrustStore(db, backend);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return current.rows[0]?.schema ?? 'public';
}

function asUnavailable(error: unknown, location: string): unknown {
  if (error instanceof TrusteeError) return error;
  return new TrusteeError('STORE_UNAVAILABLE', `${location}: cannot open the store`, [
    { file: location, field: 'db', message: (error as Error).message },
  ]);
}
