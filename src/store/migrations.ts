import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import { distributionDrafts } from './draftsMigration.ts';
import { peopleAndAuditChain } from './peopleMigration.ts';
import { bookOfDeals } from './bookMigration.ts';
import { investorPortal } from './investorMigration.ts';

/**
 * The schema's migrations, one list for both backends, written with kysely's schema builder
 * in types both SQLite and PostgreSQL accept (text, integer, bigint, double precision).
 * A migration, once released, never changes: a new column is a new migration.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('deals')
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('deal_hash', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('deal_json', 'text', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('deals_pk', ['deal_id', 'deal_hash'])
        .execute();

      await db.schema
        .createTable('loan_tapes')
        .addColumn('tape_id', 'text', (c) => c.primaryKey())
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('loan_tape_rows')
        .addColumn('tape_id', 'text', (c) =>
          c.notNull().references('loan_tapes.tape_id').onDelete('cascade'),
        )
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('loan_tape_rows_pk', ['tape_id', 'row_number'])
        .execute();

      await db.schema
        .createTable('remittances')
        .addColumn('remittance_id', 'text', (c) => c.primaryKey())
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('distribution_date', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('period_json', 'text', (c) => c.notNull())
        .addColumn('beginning_pool_balance', 'bigint', (c) => c.notNull())
        .addColumn('ending_pool_balance', 'bigint', (c) => c.notNull())
        .addColumn('interest_collected', 'bigint', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('remittance_rows')
        .addColumn('remittance_id', 'text', (c) =>
          c.notNull().references('remittances.remittance_id').onDelete('cascade'),
        )
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('remittance_rows_pk', ['remittance_id', 'row_number'])
        .execute();

      await db.schema
        .createTable('distributions')
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('distribution_date', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('distribution_number', 'integer', (c) => c.notNull())
        .addColumn('deal_hash', 'text', (c) => c.notNull())
        .addColumn('remittance_id', 'text', (c) =>
          c.notNull().references('remittances.remittance_id'),
        )
        .addColumn('input_hash', 'text', (c) => c.notNull())
        .addColumn('result_hash', 'text', (c) => c.notNull())
        .addColumn('index_rate', 'double precision', (c) => c.notNull())
        .addColumn('index_determination_date', 'text', (c) => c.notNull())
        .addColumn('distribution_json', 'text', (c) => c.notNull())
        .addColumn('state_before_json', 'text', (c) => c.notNull())
        .addColumn('state_after_json', 'text', (c) => c.notNull())
        .addColumn('ending_pool_balance', 'bigint', (c) => c.notNull())
        .addColumn('closed_at', 'text', (c) => c.notNull())
        .addColumn('closed_by', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addPrimaryKeyConstraint('distributions_pk', ['deal_id', 'distribution_date', 'version'])
        .addForeignKeyConstraint('distributions_deal_fk', ['deal_id', 'deal_hash'], 'deals', [
          'deal_id',
          'deal_hash',
        ])
        .execute();
      await db.schema
        .createTable('distribution_classes')
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('distribution_date', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('class_name', 'text', (c) => c.notNull())
        .addColumn('beginning_balance', 'bigint', (c) => c.notNull())
        .addColumn('interest_paid', 'bigint', (c) => c.notNull())
        .addColumn('principal_paid', 'bigint', (c) => c.notNull())
        .addColumn('realized_loss', 'bigint', (c) => c.notNull())
        .addColumn('ending_balance', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('distribution_classes_pk', [
          'deal_id',
          'distribution_date',
          'version',
          'class_name',
        ])
        .addForeignKeyConstraint(
          'distribution_classes_fk',
          ['deal_id', 'distribution_date', 'version'],
          'distributions',
          ['deal_id', 'distribution_date', 'version'],
        )
        .execute();

      await db.schema
        .createTable('statements')
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('distribution_date', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('encoding', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('rendered_at', 'text', (c) => c.notNull())
        .addColumn('rendered_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('statements_pk', [
          'deal_id',
          'distribution_date',
          'version',
          'format',
        ])
        .addForeignKeyConstraint(
          'statements_distribution_fk',
          ['deal_id', 'distribution_date', 'version'],
          'distributions',
          ['deal_id', 'distribution_date', 'version'],
        )
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('distribution_date', 'text')
        .addColumn('version', 'integer')
        .addColumn('reason', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_log_deal')
        .on('audit_log')
        .columns(['deal_id', 'seq'])
        .execute();
    },
  },

  '0002_deal_versions': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('deal_versions')
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('deal_hash', 'text', (c) => c.notNull())
        .addColumn('effective_from', 'text', (c) => c.notNull())
        .addColumn('amended_at', 'text', (c) => c.notNull())
        .addColumn('amended_by', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addPrimaryKeyConstraint('deal_versions_pk', ['deal_id', 'version'])
        .addForeignKeyConstraint('deal_versions_deal_fk', ['deal_id', 'deal_hash'], 'deals', [
          'deal_id',
          'deal_hash',
        ])
        .execute();
      await bindExistingHistories(db);
    },
  },

  '0003_people_and_audit_chain': peopleAndAuditChain,
  '0004_distribution_drafts': distributionDrafts,
  '0005_book_of_deals': bookOfDeals,
  '0006_investor_portal': investorPortal,
};

/**
 * A store closed before deal versions existed: each deal's history is bound to the terms its
 * closed dates were closed with (their current versions, in date order): the first deal is
 * version 1 from the first closed date, and each change of terms from one date to the next is
 * recorded as the next version from that date, by whoever closed it, with the reason saying so.
 */
async function bindExistingHistories(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{
    deal_id: string;
    distribution_date: string;
    version: number;
    deal_hash: string;
    closed_at: string;
    closed_by: string;
  }>`select deal_id, distribution_date, version, deal_hash, closed_at, closed_by
       from distributions order by deal_id, distribution_date, version`.execute(db);
  // The current (highest) version of each date: the later row of a date replaces the earlier.
  const current = new Map<string, (typeof rows)[number]>();
  for (const row of rows) current.set(`${row.deal_id} ${row.distribution_date}`, row);
  const versions = new Map<string, { count: number; hash: string }>();
  for (const row of current.values()) {
    const last = versions.get(row.deal_id);
    if (last?.hash === row.deal_hash) continue;
    const version = (last?.count ?? 0) + 1;
    versions.set(row.deal_id, { count: version, hash: row.deal_hash });
    await sql`insert into deal_versions
        (deal_id, version, deal_hash, effective_from, amended_at, amended_by, reason)
        values (${row.deal_id}, ${version}, ${row.deal_hash}, ${row.distribution_date},
                ${row.closed_at}, ${row.closed_by},
                ${version === 1 ? null : 'terms of the closed dates from this date (recorded by migration 0002)'})`.execute(
      db,
    );
  }
}

/**
 * Brings the database to the latest schema. Safe to call on every open (migrations lock).
 * `schema` (PostgreSQL) names the schema of the migrator's own tables: unnamed, kysely finds
 * them in any schema of the database, so a store in a second schema would take the first
 * one's for its own and never migrate.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  location: string,
  schema?: string,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'trustee_migration',
    migrationLockTableName: 'trustee_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely looks for its tables by reading PostgreSQL's catalog across every schema: a schema
  // dropped by another session at that moment can fail the read. Nothing was migrated then
  // (each migration is its own transaction): try again before giving up.
  for (let attempt = 1; error && schema && attempt < 3; attempt += 1) {
    await new Promise((settle) => setTimeout(settle, 50 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new TrusteeError(
      'STORE_UNAVAILABLE',
      `${location}: cannot migrate the store: ${reason}`,
      [
        {
          file: location,
          field: failed ? `migration ${failed.migrationName}` : 'migrations',
          message: error instanceof Error ? error.message : String(error),
        },
      ],
    );
  }
}
