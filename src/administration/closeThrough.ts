import type { Deal } from '../deal/deal.ts';
import { distributionDate } from '../deal/schedule.ts';
import { contentHash } from '../store/canonicalJson.ts';
import { compare, type PlainDate } from '../money/plainDate.ts';
import { dealPeriods, type DealPeriod, type PeriodBefore } from '../servicing/dealPeriods.ts';
import type { RemittanceFile, RemittanceRow } from '../servicing/remittanceRow.ts';
import type { StoredDistribution, TrustStore } from '../store/trustStore.ts';
import { closeDistributionDate } from './closeDistributionDate.ts';
import { closedDates } from './closedDates.ts';
import { storedDeal } from './dealAsClosed.ts';
import { dealChanged, sameTermsAs, versionInForce } from './termsInForce.ts';

export interface CloseThroughOptions {
  readonly actor: string;
  /** Where from, for the audit log ("cli on HOST"). */
  readonly address?: string;
  /** Folder of remittance reports named <date>.csv (default: the deal's deals/<id>/remittances/). */
  readonly remittanceDirectory?: string;
  /** Told after each date: whether it was closed now or already closed (reused). */
  readonly onDate?: (date: PlainDate, outcome: 'closed' | 'unchanged') => void;
}

export interface ClosedDate {
  readonly record: StoredDistribution;
  /**
   * The servicer's loan-level rows of the date (the report read now, or the rows the store kept
   * when the date was closed); undefined when it was closed from totals.
   */
  readonly report: (Pick<RemittanceFile, 'rows'> & { readonly file: string }) | undefined;
}

/**
 * Runs the monthly cycle for every distribution date from the first through `last`, in order.
 * A date the store has closed is taken as stored (its current version, with the remittance rows
 * it was closed from): its files are never read again, so a corrected date stays corrected.
 * The dates after the last closed one come from the files (`dealPeriods`): the servicer's
 * remittance report when the date has one (validated and reconciled against the loans before
 * it, the stored rows for the first), else the deal's collection-period totals file. Every one
 * of those is read and checked before any is closed, so a missing or bad file (e.g. a year the
 * deal ships no data for) is refused with the store unchanged; then each is closed in one
 * transaction, with the deal terms in force for it (`termsByDate`). Returns every date's stored
 * distribution and rows.
 */
export async function closeThrough(
  store: TrustStore,
  deal: Deal,
  last: PlainDate,
  options: CloseThroughOptions,
): Promise<ClosedDate[]> {
  const result: ClosedDate[] = [];
  const termsFor = await termsByDate(store, deal);
  let before: PeriodBefore | undefined;
  for (const version of await closedDates(store, deal.id)) {
    const record = (await store.getDistribution(deal.id, version.distributionDate))!;
    const remittance = (await store.getRemittance(record.remittanceId))!;
    // The store kept the rows as closeThrough read them (RemittanceRow as JSON).
    const rows = remittance.rows as unknown as readonly RemittanceRow[];
    const report = rows.length > 0 ? { file: remittance.source, rows } : undefined;
    before = {
      distributionNumber: record.distributionNumber,
      date: record.distributionDate,
      source: remittance.source,
      period: remittance.period,
      report,
    };
    if (compare(record.distributionDate, last) > 0) break;
    result.push({ record, report });
    options.onDate?.(record.distributionDate, 'unchanged');
  }
  // A deal file the store does not know is refused even when every date is closed already.
  const next = distributionDate(deal, (before?.distributionNumber ?? 0) + 1);
  if (compare(next, last) <= 0) await termsFor(next);
  else if (before) await termsFor(before.date);
  if (before && compare(before.date, last) >= 0) return result;

  const pending: DealPeriod[] = [];
  const periods = dealPeriods(deal, last, {
    ...(options.remittanceDirectory ? { remittanceDirectory: options.remittanceDirectory } : {}),
    ...(before ? { after: before } : {}),
  });
  for await (const period of periods) pending.push(period);
  const terms = new Map<PlainDate, Deal>();
  for (const { date } of pending) terms.set(date, await termsFor(date));

  for (const { date, source, period, report } of pending) {
    const closed = await closeDistributionDate(store, terms.get(date)!, period, {
      actor: options.actor,
      ...(options.address !== undefined ? { address: options.address } : {}),
      source,
      remittanceRows: (report?.rows ?? []) as unknown as Record<string, unknown>[],
    });
    options.onDate?.(date, closed.outcome === 'unchanged' ? 'unchanged' : 'closed');
    result.push({ record: closed.record, report });
  }
  return result;
}

/**
 * The deal terms each date is closed with: the given deal where its terms are in force (or
 * nothing is closed yet); where an amendment put other terms in force, those (from the store),
 * provided the given deal is one of the store's versions. A deal file with the terms in force
 * and other descriptive fields is that version. A deal the store does not know is refused (DEAL_CHANGED) before anything is closed: new terms are an amendment.
 */
async function termsByDate(
  store: TrustStore,
  deal: Deal,
): Promise<(date: PlainDate) => Promise<Deal>> {
  const versions = await store.listDealVersions(deal.id);
  const hash = contentHash(deal.file);
  const known = versions.some((v) => v.dealHash === hash);
  const order = deal.classes.map((c) => c.name);
  return async (date) => {
    const inForce = versionInForce(versions, date);
    if (!inForce || inForce.dealHash === hash) return deal;
    // The same terms with other descriptions (names, filing facts): the file as given.
    if (await sameTermsAs(store, deal, inForce)) return deal;
    if (!known) throw await dealChanged(store, deal, date, inForce);
    return storedDeal(store, deal.id, inForce.dealHash, order, date);
  };
}
