import type { Deal } from '../../deal/deal.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import { contentHash } from '../../store/canonicalJson.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { dealById } from '../book/dealById.ts';
import { storedDeal } from '../dealAsClosed.ts';
import { sameTermsAs, versionInForce } from '../termsInForce.ts';

/**
 * The deal a date of the monthly cycle runs with: the built-in deal or the deal of the store's
 * book by id (dealById; never a path: the id comes from a request), with the terms the store
 * holds in force for the date when an amendment put other terms in force than the deal file's.
 */
export async function cycleDeal(store: TrustStore, dealId: string, date: PlainDate): Promise<Deal> {
  const { deal } = await dealById(store, dealId);
  const inForce = versionInForce(await store.listDealVersions(dealId), date);
  if (!inForce || inForce.dealHash === contentHash(deal.file)) return deal;
  if (await sameTermsAs(store, deal, inForce)) return deal;
  const order = deal.classes.map((c) => c.name);
  return storedDeal(store, dealId, inForce.dealHash, order, date);
}
