import { sql, type Kysely, type Migration } from 'kysely';
import { GENESIS, chainHash } from './auditChain.ts';

/**
 * Migration 0003: people (users, investors' deals, API tokens, sessions, one-time sign-in
 * links) and the audit log's hash chain. The audit log is rebuilt, not altered: SQLite cannot
 * drop a NOT NULL (deal_id becomes optional: a sign-in is about no deal) in place. Existing
 * entries are copied as they are, in `seq` order, and chained as they stand at migration time,
 * so an old history stays readable and is covered by `trustee audit verify` from then on.
 */
export const peopleAndAuditChain: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();
    await db.schema
      .createTable('user_deals')
      .addColumn('name', 'text', (c) => c.notNull().references('users.name'))
      .addColumn('deal_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_deals_pk', ['name', 'deal_id'])
      .execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('token_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().references('users.name'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('session_hash', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().references('users.name'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .execute();
    await db.schema
      .createTable('sign_in_links')
      .addColumn('link_hash', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().references('users.name'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();

    await db.schema
      .createTable('audit_log_chained')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'text')
      .addColumn('distribution_date', 'text')
      .addColumn('version', 'integer')
      .addColumn('reason', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('previous_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    const { rows } = await sql<{
      seq: number;
      at: string;
      actor: string;
      action: string;
      deal_id: string;
      distribution_date: string | null;
      version: number | null;
      reason: string | null;
      details: string;
    }>`select seq, at, actor, action, deal_id, distribution_date, version, reason, details
         from audit_log order by seq`.execute(db);
    let previous = GENESIS;
    for (const old of rows) {
      const row = {
        ...old,
        seq: Number(old.seq),
        version: old.version === null ? null : Number(old.version),
        address: null,
      };
      const hash = chainHash(previous, row);
      await sql`insert into audit_log_chained
          (seq, at, actor, action, deal_id, distribution_date, version, reason, details,
           address, previous_hash, hash)
          values (${row.seq}, ${row.at}, ${row.actor}, ${row.action}, ${row.deal_id},
                  ${row.distribution_date}, ${row.version}, ${row.reason}, ${row.details},
                  ${null}, ${previous}, ${hash})`.execute(db);
      previous = hash;
    }
    await db.schema.dropTable('audit_log').execute();
    await db.schema.alterTable('audit_log_chained').renameTo('audit_log').execute();
    await db.schema
      .createIndex('audit_log_deal')
      .on('audit_log')
      .columns(['deal_id', 'seq'])
      .execute();
  },
};
