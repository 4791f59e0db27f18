import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TrusteeError } from '../errors/catalogue.ts';
import type { Deal } from './deal.ts';
import { readIndexRateCsv, type IndexRateTable } from './indexRates.ts';
import { loadDealFile } from './loadDeal.ts';

/** Built-in deals are JSON files in deals/; market data (index fixings) lives in data/. */
export const dealsDirectory = fileURLToPath(new URL('../../deals/', import.meta.url));
export const dataDirectory = fileURLToPath(new URL('../../data/', import.meta.url));

// The built-in deals ship with trustee: the folder is read once a process (every request that
// names a deal asks whether it is built in: dealById, the portal, the batch).
let ids: readonly string[] | undefined;

export function builtInDealIds(): string[] {
  ids ??= readdirSync(dealsDirectory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
  return [...ids];
}

const cache = new Map<string, Deal>();

/** A built-in deal by id, or a deal file by path (anything ending in .json). */
export function resolveDeal(idOrPath: string): Deal {
  const cached = cache.get(idOrPath);
  if (cached) return cached;
  const path = idOrPath.endsWith('.json') ? idOrPath : `${dealsDirectory}${idOrPath}.json`;
  if (!existsSync(path)) {
    throw new TrusteeError('UNKNOWN_DEAL', `no deal "${idOrPath}"`, [
      {
        field: 'deal',
        message: `no deal "${idOrPath}"`,
        expected: `one of ${builtInDealIds().join(', ')} or a path to a deal .json file`,
      },
    ]);
  }
  const deal = loadDealFile(path);
  cache.set(idOrPath, deal);
  return deal;
}

const tables = new Map<string, IndexRateTable>();

/** The deal's index table, read from data/ (or an absolute path in the deal file). */
export function indexTableFor(deal: Deal): IndexRateTable {
  const source = deal.index.source;
  const path = source.startsWith('/') ? source : `${dataDirectory}${source}`;
  let table = tables.get(path);
  if (!table) {
    table = readIndexRateCsv(path, deal.index.name);
    tables.set(path, table);
  }
  return table;
}
