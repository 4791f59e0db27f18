import { upgradeDealFile } from '../deal/upgradeDealFile.ts';
import type { Deal } from '../deal/deal.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { contentHash } from '../store/canonicalJson.ts';
import type { DealVersion, TrustStore } from '../store/trustStore.ts';
import { dealDifferences, termDetails } from './dealDifferences.ts';
import { isDescriptive, sameTerms } from './dealTerms.ts';

/**
 * The deal version in force on `date`: the one that took effect last on or before it (of two
 * from the same date, the later version); version 1 for a date before every version. Undefined
 * only for a store that has closed nothing of the deal.
 */
export function versionInForce(
  versions: readonly DealVersion[],
  date: PlainDate,
): DealVersion | undefined {
  let found: DealVersion | undefined;
  for (const v of versions) {
    if (v.effectiveFrom <= date && (!found || v.effectiveFrom >= found.effectiveFrom)) found = v;
  }
  return found ?? versions[0];
}

/** "version 2, from 2002-06-25, amended 2026-12-01 by bob: ..." */
export function describeVersion(v: DealVersion): string {
  const how =
    v.version === 1 && v.reason === null
      ? `bound ${v.amendedAt.slice(0, 10)} by ${v.amendedBy} at the first closing`
      : `amended ${v.amendedAt.slice(0, 10)} by ${v.amendedBy}${v.reason ? `: ${v.reason}` : ''}`;
  return `version ${v.version}, from ${v.effectiveFrom}, ${how}`;
}

/**
 * Refuses (DEAL_CHANGED) a deal file whose terms are not the ones in force for `date` in the
 * store, naming every term that differs; a change of terms is an amendment (`amendDeal`). A
 * file that differs from the one in force only in descriptive fields (`DESCRIPTIVE_FIELDS`:
 * names, parties, filing facts) has the same terms and is accepted.
 * Returns the version in force (undefined: nothing closed yet, the first closing binds it).
 */
export async function checkTermsInForce(
  store: TrustStore,
  deal: Deal,
  date: PlainDate,
): Promise<DealVersion | undefined> {
  const inForce = versionInForce(await store.listDealVersions(deal.id), date);
  if (!inForce || inForce.dealHash === contentHash(deal.file)) return inForce;
  if (await sameTermsAs(store, deal, inForce)) return inForce;
  throw await dealChanged(store, deal, date, inForce);
}

/** Whether the deal file has the terms of a stored deal version (descriptions aside). */
export async function sameTermsAs(
  store: TrustStore,
  deal: Deal,
  version: DealVersion,
): Promise<boolean> {
  const stored = await store.getDeal(deal.id, version.dealHash);
  return stored !== undefined && sameTerms(stored.file, deal.file);
}

/** DEAL_CHANGED: the terms of `deal` against those of `inForce`, term by term. */
export async function dealChanged(
  store: TrustStore,
  deal: Deal,
  date: PlainDate,
  inForce: DealVersion,
): Promise<TrusteeError> {
  const stored = await store.getDeal(deal.id, inForce.dealHash);
  return new TrusteeError(
    'DEAL_CHANGED',
    `${deal.id}: the deal file's terms differ from those in force for ${date} in ${store.location} ` +
      `(${describeVersion(inForce)}); new terms are a deal amendment from a date not yet closed ` +
      `(trustee deal amend --deal ${deal.id} --file FILE --from DATE --reason "...")`,
    termDetails(
      dealDifferences(upgradeDealFile(stored?.file), deal.file).filter(
        (d) => !isDescriptive(d.path),
      ),
      `deal version ${inForce.version} from ${inForce.effectiveFrom}`,
    ),
  );
}
