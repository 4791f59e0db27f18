import { TrusteeError } from '../errors/catalogue.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { Distribution } from '../waterfall/types.ts';
import type { StoredDistribution, StoredRemittance, TrustStore } from './trustStore.ts';

/** The latest closed date of a deal: its current version and the remittance it was run from. */
export interface LatestClosed {
  readonly record: StoredDistribution;
  /** Its rows are the servicer's loan lines; none when the date was closed from totals. */
  readonly remittance: StoredRemittance;
}

/**
 * The deal's closed date with the highest distribution number, in its current (highest)
 * version, with its remittance; undefined when nothing of the deal is closed. The schema's
 * foreign key keeps every version's remittance, so one is always there.
 */
export async function latestClosed(
  store: TrustStore,
  dealId: string,
): Promise<LatestClosed | undefined> {
  const versions = await store.listDistributions(dealId);
  const last = versions.reduce<(typeof versions)[number] | undefined>(
    (latest, v) => (!latest || v.distributionNumber > latest.distributionNumber ? v : latest),
    undefined,
  );
  if (!last) return undefined;
  const record = (await store.getDistribution(dealId, last.distributionDate))!;
  const remittance = (await store.getRemittance(record.remittanceId))!;
  return { record, remittance };
}

/**
 * The deal's closed date `date` in its current version, with its remittance; NOT_FOUND naming
 * the dates that are closed when it is not one of them.
 */
export async function closedOn(
  store: TrustStore,
  dealId: string,
  date: PlainDate,
): Promise<LatestClosed> {
  const record = await store.getDistribution(dealId, date);
  if (!record) {
    const closed = [
      ...new Set((await store.listDistributions(dealId)).map((v) => v.distributionDate)),
    ]
      .sort()
      .join(', ');
    throw new TrusteeError('NOT_FOUND', `${dealId}: ${date} is not closed in ${store.location}`, [
      {
        file: store.location,
        field: '--after',
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
  const dates = [...new Set((await store.listDistributions(dealId)).map((v) => v.distributionDate))]
    .filter((d) => d > date)
    .sort();
  const later: Distribution[] = [];
  for (const d of dates) later.push((await store.getDistribution(dealId, d))!.distribution);
  return later;
}
