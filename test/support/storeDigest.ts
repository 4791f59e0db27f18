import { createHash } from 'node:crypto';
import { dumpTables } from '../../src/store/testBackends.ts';

/**
 * A digest of everything a store holds (every row of every table, read outside the store): the
 * bad-input catalogue takes one before and one after each refused input, and they must be equal.
 */
export async function storeDigest(location: string): Promise<string> {
  const dump = await dumpTables(location);
  return createHash('sha256').update(JSON.stringify(dump)).digest('hex');
}
