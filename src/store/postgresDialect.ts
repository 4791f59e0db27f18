import pg from 'pg';
import { PostgresDialect } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import { displayUrl } from '../errors/displayUrl.ts';

const INT8_OID = 20;

/** BIGINT (money in cents) comes back as a number; refuses values past 2^53 rather than round. */
function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new TrusteeError('STORE_UNAVAILABLE', `a BIGINT column holds ${text}`, [
      { message: 'beyond the safe integer range', expected: 'at most 2^53 - 1 cents', got: text },
    ]);
  }
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseBigint
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresLocation {
  /** The connection URL without trustee's own `schema` parameter. */
  readonly url: string;
  /** The schema the tables live in (`?schema=NAME`), or undefined for the default (public). */
  readonly schema: string | undefined;
  /** The URL with any password hidden, for messages. */
  readonly display: string;
}

/**
 * Reads `postgres://user@host:port/db?schema=name`. The `schema` parameter is trustee's: it
 * keeps the tables in that schema (created if missing), so several stores can share a database.
 */
export function parsePostgresUrl(url: string): PostgresLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TrusteeError('INVALID_INPUT', `not a PostgreSQL URL: ${url}`, [
      { field: 'db', message: 'cannot parse the URL', expected: 'postgres://user@host:5432/db' },
    ]);
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new TrusteeError('INVALID_INPUT', `bad schema name in ${url}`, [
      { field: 'db', message: 'the schema parameter', expected: 'a SQL identifier', got: schema },
    ]);
  }
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), schema, display: displayUrl(parsed.toString()) };
}

/** A kysely dialect over a `pg` pool; BIGINT read as numbers; search_path set to the schema. */
export function postgresDialect(location: PostgresLocation): {
  dialect: PostgresDialect;
  pool: pg.Pool;
} {
  const pool = new pg.Pool({
    connectionString: location.url,
    types,
    max: 4,
    ...(location.schema ? { options: `-c search_path=${location.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => undefined);
  // Nor one in use (the connection ended mid-transaction, e.g. by pg_terminate_backend): its
  // query rejects and the work fails (rolled back by the server); the client is then discarded.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return { dialect: new PostgresDialect({ pool }), pool };
}

/** Creates the schema named in the URL, if any, before the migrations run. */
export async function ensurePostgresSchema(location: PostgresLocation): Promise<void> {
  if (!location.schema) return;
  const client = new pg.Client({ connectionString: location.url });
  try {
    await client.connect();
    // CREATE SCHEMA IF NOT EXISTS is not safe from two sessions at once (the loser fails on
    // pg_namespace's unique index): the schema's creators take turns on an advisory lock.
    await client.query('select pg_advisory_lock(hashtext($1))', [
      `trustee.schema.${location.schema}`,
    ]);
    await client.query(`create schema if not exists "${location.schema}"`);
  } catch (error) {
    throw new TrusteeError('STORE_UNAVAILABLE', `${location.display}: cannot reach PostgreSQL`, [
      { field: 'db', message: (error as Error).message, expected: 'a reachable PostgreSQL' },
    ]);
  } finally {
    await client.end().catch(() => undefined);
  }
}
