import type { Deal } from '../deal/deal.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import type { StoredDistribution, TrustStore } from '../store/trustStore.ts';

/**
 * The deal a closed version was run with, rebuilt from the store. The store keeps deal files as
 * canonical JSON (keys sorted, so equal terms hash equally), which sorts the classes by name
 * (A, CE, M-1...); the version's distribution lists them as filed (A, M-1..M-4, CE, P, R), so
 * that order is put back before the deal is loaded.
 */
export async function dealAsClosed(
  store: TrustStore,
  record: Pick<StoredDistribution, 'dealId' | 'dealHash' | 'distributionDate' | 'distribution'>,
): Promise<Deal> {
  const order = record.distribution.classes.map((c) => c.name);
  return storedDeal(store, record.dealId, record.dealHash, order, record.distributionDate);
}

/** A stored deal file by hash, loaded with its classes in `order`. */
export async function storedDeal(
  store: TrustStore,
  dealId: string,
  dealHash: string,
  order: readonly string[],
  forDate: string,
): Promise<Deal> {
  const stored = await store.getDeal(dealId, dealHash);
  if (!stored) {
    throw new TrusteeError(
      'NOT_FOUND',
      `the deal terms of ${dealId} ${forDate} are missing from the store`,
      [{ field: 'dealHash', message: 'not in the deals table', got: dealHash }],
    );
  }
  return loadDeal(
    withClassOrder(stored.file, order),
    `${store.location} (deal ${dealId} ${dealHash.slice(0, 12)})`,
  );
}

/** The deal file with its `classes` keys in `order` (any others after, as they were). */
export function withClassOrder(file: unknown, order: readonly string[]): unknown {
  if (file === null || typeof file !== 'object') return file;
  const { classes } = file as { classes?: unknown };
  if (classes === null || typeof classes !== 'object') return file;
  const byName = classes as Record<string, unknown>;
  const names = [
    ...order.filter((name) => name in byName),
    ...Object.keys(byName).filter((name) => !order.includes(name)),
  ];
  return { ...file, classes: Object.fromEntries(names.map((name) => [name, byName[name]])) };
}
