import { builtInDealIds, resolveDeal } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import { contentHash } from '../../store/canonicalJson.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { storedDeal } from '../dealAsClosed.ts';
import { sameTermsAs, versionInForce } from '../termsInForce.ts';

/**
 * The deal a date of the monthly cycle runs with, as the CLI close finds it: the built-in deal
 * by id (never a path: the id comes from a request), with the terms the store holds in force
 * for the date when an amendment put other terms in force than the built-in file's.
 */
export async function cycleDeal(store: TrustStore, dealId: string, date: PlainDate): Promise<Deal> {
  if (!builtInDealIds().includes(dealId)) {
    throw new TrusteeError('UNKNOWN_DEAL', `no deal "${dealId}"`, [
      {
        field: 'dealId',
        message: `no deal "${dealId}"`,
        expected: `one of ${builtInDealIds().join(', ')}`,
        got: dealId,
      },
    ]);
  }
  const deal = resolveDeal(dealId);
  const inForce = versionInForce(await store.listDealVersions(dealId), date);
  if (!inForce || inForce.dealHash === contentHash(deal.file)) return deal;
  if (await sameTermsAs(store, deal, inForce)) return deal;
  const order = deal.classes.map((c) => c.name);
  return storedDeal(store, dealId, inForce.dealHash, order, date);
}
