import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0006: the investor portal (issue 13, part 5): watch lists, webhooks and the
 * deliveries that make each notice once, positions. Tables of their own: nothing existing
 * changes, so an older store gains them empty.
 */
export const investorPortal: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('watch_list')
      .addColumn('name', 'text', (c) => c.notNull().references('users.name'))
      .addColumn('deal_id', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('watch_list_pk', ['name', 'deal_id'])
      .execute();
    await db.schema
      .createTable('webhooks')
      .addColumn('webhook_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().references('users.name'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('removed_at', 'text')
      .execute();
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.webhook_id'))
      .addColumn('deal_id', 'text', (c) => c.notNull())
      .addColumn('distribution_date', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('webhook_deliveries_pk', [
        'webhook_id',
        'deal_id',
        'distribution_date',
        'version',
      ])
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_due')
      .on('webhook_deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createTable('positions')
      .addColumn('position_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().references('users.name'))
      .addColumn('deal_id', 'text', (c) => c.notNull())
      .addColumn('class_name', 'text', (c) => c.notNull())
      .addColumn('original_face', 'bigint', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('removed_at', 'text')
      .execute();
  },
};
