import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, sql } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import { KyselyTrustStore, type Backend } from './kyselyTrustStore.ts';
import { migrateToLatest } from './migrations.ts';
import { ensurePostgresSchema, parsePostgresUrl, postgresDialect } from './postgresDialect.ts';
import type { Database } from './schema.ts';
import { NodeSqliteDialect } from './sqliteDialect.ts';
import { sqliteCannotCreate, sqliteReadOnly } from './sqliteAccess.ts';
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

/** The forms --db and TRUSTEE_DB accept, for the message refusing any other. */
export const STORE_FORMS = [
  'a SQLite file path (var/trustee.sqlite)',
  'a file: URL (file:///srv/trustee.sqlite)',
  'postgres://user@host:5432/db[?schema=NAME]',
  ':memory:',
];

/**
 * The SQLite file a location names: a plain path, or a file: URL. Any other `scheme://`
 * (`mysql://`, `http://`) is refused: read as a path it would quietly become a SQLite file in
 * a folder named `mysql:`.
 */
export function sqlitePath(location: string): string {
  if (location === ':memory:') return location;
  if (/^file:/i.test(location)) {
    try {
      return fileURLToPath(location);
    } catch (error) {
      throw unknownLocation(location, (error as Error).message);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location))
    throw unknownLocation(location, `trustee has no ${location.split(':')[0]} backend`);
  return resolve(location);
}

/** Whether there is a store to read at `location` (a listing creates none); refuses `mysql://`. */
export function storeExists(location: string): boolean {
  return isPostgresUrl(location) || existsSync(sqlitePath(location));
}

function unknownLocation(location: string, why: string): TrusteeError {
  return new TrusteeError('STORE_UNAVAILABLE', `${location}: not a store trustee can open`, [
    { field: 'db', message: why, expected: STORE_FORMS.join(', or '), got: location },
  ]);
}

/**
 * Opens the store at `location` and brings its schema to the latest migration:
 * `postgres://user@host:5432/db[?schema=NAME]` for PostgreSQL, a path or a file: URL for a
 * SQLite file (its folder is created; ":memory:" for a private in-memory store). Every failure
 * to open or migrate is STORE_UNAVAILABLE with the reason.
 */
export async function openStore(location: string): Promise<TrustStore> {
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(sqlitePath(location));
}

async function openSqlite(file: string): Promise<TrustStore> {
  const cannotCreate = sqliteCannotCreate(file);
  if (cannotCreate) {
    throw new TrusteeError('STORE_UNAVAILABLE', `${file}: cannot create the store`, [
      { file, field: 'db', message: cannotCreate },
    ]);
  }
  const readOnly = sqliteReadOnly(file);
  const db = new Kysely<Database>({ dialect: new NodeSqliteDialect(file) });
  const backend: Backend = {
    kind: 'sqlite',
    location: file,
    // BEGIN IMMEDIATE (sqliteDialect.ts) already holds the database's one write lock.
    lockWrites: async () => undefined,
    destroy: () => db.destroy(),
    ...(readOnly ? { readOnly } : {}),
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
    {
      file: location,
      field: 'db',
      message: error instanceof Error ? error.message : String(error),
    },
  ]);
}
