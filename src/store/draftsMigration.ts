import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0004: prepared distributions (drafts) of the monthly cycle in the portal. A draft
 * is a date's distribution as the close (or correction) would write it, run from a stored
 * remittance, waiting for a second person's approval before it is published as the date's
 * next version. The draft keeps its figures, trace and statement so the approver reads exactly
 * what will be published; its status moves prepared -> approved | rejected, approved ->
 * published, each move a conditional update (`where status = ...`) so that of two decisions at
 * once exactly one lands.
 */
export const distributionDrafts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('distribution_drafts')
      .addColumn('draft_id', 'text', (c) => c.primaryKey())
      .addColumn('deal_id', 'text', (c) => c.notNull())
      .addColumn('distribution_date', 'text', (c) => c.notNull())
      .addColumn('distribution_number', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('remittance_id', 'text', (c) =>
        c.notNull().references('remittances.remittance_id'),
      )
      .addColumn('deal_hash', 'text', (c) => c.notNull())
      .addColumn('input_hash', 'text', (c) => c.notNull())
      .addColumn('result_hash', 'text', (c) => c.notNull())
      .addColumn('distribution_json', 'text', (c) => c.notNull())
      .addColumn('statement_text', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('prepared_by', 'text', (c) => c.notNull())
      .addColumn('prepared_at', 'text', (c) => c.notNull())
      .addColumn('prepared_address', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decided_address', 'text')
      .addColumn('decision_reason', 'text')
      .addColumn('published_by', 'text')
      .addColumn('published_at', 'text')
      .addColumn('published_address', 'text')
      .addColumn('published_version', 'integer')
      .execute();
    await db.schema
      .createIndex('distribution_drafts_date')
      .on('distribution_drafts')
      .columns(['deal_id', 'distribution_date'])
      .execute();
  },
};
