import type { TrustStore } from '../../store/trustStore.ts';

/** One published version of a distribution date: what the feed lists and a webhook is told. */
export interface PublishedVersion {
  readonly dealId: string;
  readonly dealName: string;
  readonly distributionDate: string;
  readonly distributionNumber: number;
  /** 1 for the first publication; each correction is the next. */
  readonly version: number;
  readonly correction: boolean;
  /** Why a correction was made; null for version 1. */
  readonly reason: string | null;
  readonly publishedAt: string;
  /** The statement's address on the API (the current version of the date). */
  readonly statement: string;
}

/**
 * Every published version of a deal's dates, from the store's distribution versions: the
 * closings and corrections written from the CLI (`trustee close`, `annual`) and those published
 * through the portal alike, since both write a version there and nothing else does.
 */
export async function publishedVersions(
  store: TrustStore,
  dealId: string,
): Promise<PublishedVersion[]> {
  const versions = await store.listDistributions(dealId);
  if (versions.length === 0) return [];
  // The name the deal was published under (the store keeps the deal of every closing).
  const dealName = (await store.getDeal(dealId))?.name ?? dealId;
  return versions.map((v) => ({
    dealId,
    dealName,
    distributionDate: v.distributionDate,
    distributionNumber: v.distributionNumber,
    version: v.version,
    correction: v.version > 1,
    reason: v.reason,
    publishedAt: v.closedAt,
    statement: `/api/deals/${dealId}/distributions/${v.distributionDate}/statement`,
  }));
}

/** Newest first: by when it was published, then the later date, then the higher version. */
export function newestFirst(a: PublishedVersion, b: PublishedVersion): number {
  return (
    b.publishedAt.localeCompare(a.publishedAt) ||
    b.distributionDate.localeCompare(a.distributionDate) ||
    b.version - a.version ||
    a.dealId.localeCompare(b.dealId)
  );
}
