import { readFileSync } from 'node:fs';
import { bookDealFile } from '../../src/administration/book/bookDealFile.ts';
import { BOOK_DATES } from '../../src/administration/book/generateBook.ts';
import { syntheticDealTape } from '../../src/collateral/syntheticDealTape.ts';
import { writeLoanTape } from '../../src/collateral/writeLoanTape.ts';
import { dealsDirectory } from '../../src/deal/builtIn.ts';
import { loadDeal } from '../../src/deal/loadDeal.ts';

/**
 * Test support: a deal of a synthetic book from a built-in template (bookDealFile), as the
 * files a user would add: its deal file (JSON) and its cut-off tape (CSV text).
 */
export function bookDealFiles(
  template = 'example-2003-6m',
  number = 7,
): { id: string; file: Record<string, unknown>; tape: string; cusips: string[] } {
  const json = JSON.parse(readFileSync(`${dealsDirectory}${template}.json`, 'utf8')) as unknown;
  const file = bookDealFile(json, {
    number,
    issuer: { name: 'Quarry Lane Home Equity', slug: 'quarry', cusipPrefix: '77QL' },
    servicer: 'Millbrook Servicing LLC (fictional)',
    scaleDraw: 0,
    dates: BOOK_DATES,
  });
  const deal = loadDeal(file, 'test');
  const classes = Object.values(file['classes'] as Record<string, { cusip?: string }>);
  return {
    id: deal.id,
    file,
    tape: writeLoanTape(syntheticDealTape(deal, 5)),
    cusips: classes.flatMap((c) => (c.cusip ? [c.cusip] : [])),
  };
}
