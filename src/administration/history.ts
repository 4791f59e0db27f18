import type { PlainDate } from '../money/plainDate.ts';
import type { DistributionVersion, StoredDistribution, TrustStore } from '../store/trustStore.ts';

/** One closed date and every version of it, the current (highest) last. */
export interface DateHistory {
  readonly distributionDate: PlainDate;
  readonly distributionNumber: number;
  readonly currentVersion: number;
  readonly versions: readonly DistributionVersion[];
}

/** The closed dates of a deal in order, each with its versions (who, when, why). */
export async function history(store: TrustStore, dealId: string): Promise<DateHistory[]> {
  const byDate = new Map<string, DistributionVersion[]>();
  for (const v of await store.listDistributions(dealId)) {
    const versions = byDate.get(v.distributionDate) ?? [];
    versions.push(v);
    byDate.set(v.distributionDate, versions);
  }
  return [...byDate.values()]
    .map((versions) => {
      const sorted = [...versions].sort((a, b) => a.version - b.version);
      const current = sorted[sorted.length - 1]!;
      return {
        distributionDate: current.distributionDate,
        distributionNumber: current.distributionNumber,
        currentVersion: current.version,
        versions: sorted,
      };
    })
    .sort((a, b) => a.distributionNumber - b.distributionNumber);
}

/**
 * The line a report prints for the version it shows: "Version 1" for an original closing,
 * "Version 2 (corrected 2026-11-25 by alice: servicer restated interest)" after a correction.
 */
export function versionNote(
  record: Pick<StoredDistribution, 'version' | 'closedAt' | 'closedBy' | 'reason'>,
): string {
  if (record.version === 1 && record.reason === null) return 'Version 1';
  const day = record.closedAt.slice(0, 10);
  return `Version ${record.version} (corrected ${day} by ${record.closedBy}${record.reason ? `: ${record.reason}` : ''})`;
}
