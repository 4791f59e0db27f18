import { sql, type Kysely, type Selectable } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import type { BookDeal, BookStore } from './book.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { BookDealsTable, Database } from './schema.ts';
import type { DealState } from '../trust/types.ts';

type Db = Kysely<Database>;
type Write = <T>(work: (db: Db) => Promise<T>) => Promise<T>;

/** Lists are kept one item a line: names and CUSIPs hold no line break. */
const joined = (items: readonly string[]): string => items.join('\n');
const split = (text: string): string[] => (text === '' ? [] : text.split('\n'));

function searchText(deal: BookDeal): string {
  return [deal.dealId, deal.name, deal.series, ...deal.servicers, ...deal.cusips]
    .join('\n')
    .toLowerCase();
}

/** `like` takes % and _ as wildcards: a search for them means the characters. */
const likePattern = (search: string): string =>
  `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function bookDeal(row: Selectable<BookDealsTable>): BookDeal {
  return {
    dealId: row.deal_id,
    name: row.name,
    series: row.series,
    servicers: split(row.servicers),
    cusips: split(row.cusips),
    dealHash: row.deal_hash,
    tapeId: row.tape_id,
    openingState:
      row.opening_state_json === null ? null : (JSON.parse(row.opening_state_json) as DealState),
    addedAt: row.added_at,
    addedBy: row.added_by,
  };
}

/** The book's records over kysely: reads on the store's connection, writes through `write`. */
export class KyselyBookStore implements BookStore {
  readonly #db: Db;
  readonly #write: Write;

  constructor(db: Db, write: Write) {
    this.#db = db;
    this.#write = write;
  }

  addDeal(deal: BookDeal): Promise<BookDeal> {
    return this.#write(async (db) => {
      const existing = await db
        .selectFrom('book_deals')
        .select(['deal_id', 'added_at', 'added_by'])
        .where('deal_id', '=', deal.dealId)
        .executeTakeFirst();
      if (existing) {
        throw new TrusteeError('DEAL_EXISTS', `the book holds a deal "${deal.dealId}" already`, [
          {
            field: 'id',
            message: `added ${existing.added_at} by ${existing.added_by}`,
            expected: 'an id not in the book (a change of terms is `trustee deal amend`)',
            got: deal.dealId,
          },
        ]);
      }
      await db
        .insertInto('book_deals')
        .values({
          deal_id: deal.dealId,
          name: deal.name,
          series: deal.series,
          servicers: joined(deal.servicers),
          cusips: joined(deal.cusips),
          search_text: searchText(deal),
          deal_hash: deal.dealHash,
          tape_id: deal.tapeId,
          opening_state_json: deal.openingState === null ? null : canonicalJson(deal.openingState),
          added_at: deal.addedAt,
          added_by: deal.addedBy,
        })
        .execute();
      return deal;
    });
  }

  async getDeal(dealId: string): Promise<BookDeal | undefined> {
    const row = await this.#db
      .selectFrom('book_deals')
      .selectAll()
      .where('deal_id', '=', dealId)
      .executeTakeFirst();
    return row && bookDeal(row);
  }

  async listDeals(search?: string): Promise<BookDeal[]> {
    let query = this.#db.selectFrom('book_deals').selectAll();
    if (search !== undefined && search.trim() !== '') {
      // SQLite has no default escape character for like: name it, for both backends.
      query = query.where(sql<boolean>`search_text like ${likePattern(search.trim())} escape '\\'`);
    }
    return (await query.orderBy('deal_id').execute()).map(bookDeal);
  }

  async closedDates(): Promise<ReadonlyMap<string, readonly string[]>> {
    const rows = await this.#db
      .selectFrom('distributions')
      .innerJoin('book_deals', 'book_deals.deal_id', 'distributions.deal_id')
      .select(['distributions.deal_id', 'distributions.distribution_date'])
      .distinct()
      .orderBy('distributions.deal_id')
      .orderBy('distributions.distribution_date')
      .execute();
    const dates = new Map<string, string[]>();
    for (const row of rows) {
      const list = dates.get(row.deal_id) ?? [];
      list.push(row.distribution_date);
      dates.set(row.deal_id, list);
    }
    return dates;
  }
}
