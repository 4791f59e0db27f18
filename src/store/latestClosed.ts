import { TrusteeError } from '../errors/catalogue.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { Distribution } from '../waterfall/types.ts';
import type { StoredDistribution, StoredRemittance, TrustStore } from './trustStore.ts';

/** A closed date of a deal: its current version and the remittance it was run from. */
export interface ClosedDate {
  readonly record: StoredDistribution;
  /** Its rows are the servicer's loan lines; none when the date was closed from totals. */
  readonly remittance: StoredRemittance;
}

/** The deal's closed distribution dates, each once (whatever its versions), in order. */
async function closedDates(store: TrustStore, dealId: string): Promise<PlainDate[]> {
  const versions = await store.listDistributions(dealId);
  return [...new Set(versions.map((v) => v.distributionDate))].sort();
}

/**
 * The deal's latest closed date in its current (highest) version, with its remittance;
 * undefined when nothing of the deal is closed. The schema's foreign key keeps every version's
 * remittance, so one is always there.
 */
export async function latestClosed(
  store: TrustStore,
  dealId: string,
): Promise<ClosedDate | undefined> {
  const last = (await closedDates(store, dealId)).at(-1);
  return last === undefined ? undefined : closedOn(store, dealId, last);
}

/**
 * The deal's closed date `date` in its current version, with its remittance; NOT_FOUND naming
 * the dates that are closed when it is not one of them.
 */
export async function closedOn(
  store: TrustStore,
  dealId: string,
  date: PlainDate,
): Promise<ClosedDate> {
  const record = await store.getDistribution(dealId, date);
  if (!record) {
    const closed = (await closedDates(store, dealId)).join(', ');
    throw new TrusteeError('NOT_FOUND', `${dealId}: ${date} is not closed in ${store.location}`, [
      {
        file: store.location,
        field: 'distributionDate',
        message: 'no closed distribution on that date',
        expected: closed ? `one of the closed dates: ${closed}` : 'a date closed by trustee close',
        got: date,
      },
    ]);
  }
  return { record, remittance: (await store.getRemittance(record.remittanceId))! };
}

/**
 * The deal's distributions closed after `date`, each in its current version, in date order:
 * what a projection from `date` can be compared with.
 */
export async function closedAfter(
  store: TrustStore,
  dealId: string,
  date: PlainDate,
): Promise<Distribution[]> {
  const later: Distribution[] = [];
  for (const d of (await closedDates(store, dealId)).filter((d) => d > date))
    later.push((await store.getDistribution(dealId, d))!.distribution);
  return later;
}
