import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0005: the book of deals. A deal of the book is one the store holds itself (not a
 * built-in file): its validated deal file (in `deals`, by hash), its cut-off loan tape (in
 * `loan_tapes`) and the state it opens from, with who added it and when. `search_text` holds
 * the id, name, series, servicers and CUSIPs in lower case, so one `like` finds a deal by any.
 */
export const bookOfDeals: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('book_deals')
      .addColumn('deal_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('series', 'text', (c) => c.notNull())
      .addColumn('servicers', 'text', (c) => c.notNull())
      .addColumn('cusips', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('deal_hash', 'text', (c) => c.notNull())
      .addColumn('tape_id', 'text', (c) => c.notNull().references('loan_tapes.tape_id'))
      .addColumn('opening_state_json', 'text')
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addForeignKeyConstraint('book_deals_deal_fk', ['deal_id', 'deal_hash'], 'deals', [
        'deal_id',
        'deal_hash',
      ])
      .execute();
  },
};
