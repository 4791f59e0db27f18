import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';

/**
 * Adapts Node 24's built-in `node:sqlite` (no native addon) to the small interface kysely's
 * SQLite dialect expects (the better-sqlite3 subset): `prepare(sql)` returning a statement
 * with `reader`, `all`, `run` and `iterate` taking an array of parameters.
 */
export function nodeSqliteDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // Wait for another process's write lock rather than failing at once.
  db.exec('PRAGMA busy_timeout = 10000');
  db.exec('PRAGMA foreign_keys = ON');
  // The rollback journal (the default) keeps the store to one file between transactions; a
  // crash mid-transaction leaves a hot journal the next open rolls back.
  db.exec('PRAGMA journal_mode = DELETE');
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const statement = db.prepare(sql);
      const args = (parameters: ReadonlyArray<unknown>): SQLInputValue[] =>
        parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p) as SQLInputValue);
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...args(parameters)),
        run: (parameters) => statement.run(...args(parameters)),
        iterate: (parameters) => statement.iterate(...args(parameters)),
      };
    },
  };
}

/**
 * Starts every transaction with BEGIN IMMEDIATE: the write lock is taken before the first read,
 * so two processes closing dates are serialized instead of failing on the lock upgrade.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite runs DDL in transactions, so kysely's migrator may run each migration in one: with
 * BEGIN IMMEDIATE that transaction is also the lock that keeps two processes opening a new store
 * at once from both creating its tables ("table deals already exists"). The second waits for the
 * first to commit (busy_timeout), then finds the migrations done.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class NodeSqliteDialect extends SqliteDialect {
  readonly config: SqliteDialectConfig;

  constructor(path: string) {
    const config: SqliteDialectConfig = { database: async () => nodeSqliteDatabase(path) };
    super(config);
    this.config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
