import type { Deal } from '../deal/deal.ts';
import type { RawRow, StoredDistribution, TrustStore } from '../store/trustStore.ts';
import type { DateInputs, DateResult } from './dateRun.ts';

export interface VersionToWrite {
  readonly inputs: DateInputs;
  readonly result: DateResult;
  readonly version: number;
  readonly actor: string;
  /** The audit entry's "from where", when known. */
  readonly address: string | undefined;
  readonly at: string;
  /** "close", "correct" or "follow-on" (re-run after an earlier date's correction). */
  readonly action: 'close' | 'correct' | 'follow-on';
  readonly reason: string | null;
  readonly source: string;
  readonly rows: readonly RawRow[];
}

/**
 * Writes one version of a date inside the caller's transaction: the deal as used, the
 * remittance (raw rows and period), the distribution with its state before and after, and the
 * audit entry. The caller's transaction makes the four one unit.
 */
export async function writeVersion(tx: TrustStore, v: VersionToWrite): Promise<StoredDistribution> {
  const deal: Deal = v.inputs.deal;
  const { period } = v.inputs;
  await tx.putDeal(deal, v.at);
  const remittance = await tx.putRemittance(
    { dealId: deal.id, source: v.source, rows: v.rows, period },
    v.at,
  );
  const record = await tx.putDistribution({
    dealId: deal.id,
    distributionDate: period.distributionDate,
    distributionNumber: v.result.distribution.distributionNumber,
    version: v.version,
    dealHash: v.inputs.dealHash,
    remittanceId: remittance.remittanceId,
    inputHash: v.inputs.inputHash,
    indexFixing: v.inputs.fixing,
    distribution: v.result.distribution,
    stateBefore: v.inputs.stateBefore,
    stateAfter: v.result.stateAfter,
    closedAt: v.at,
    closedBy: v.actor,
    reason: v.reason,
  });
  await tx.appendAudit({
    at: v.at,
    actor: v.actor,
    action: v.action,
    dealId: deal.id,
    distributionDate: period.distributionDate,
    version: v.version,
    ...(v.reason !== null ? { reason: v.reason } : {}),
    ...(v.address !== undefined ? { address: v.address } : {}),
    details: {
      distributionNumber: record.distributionNumber,
      dealHash: record.dealHash,
      remittanceId: record.remittanceId,
      inputHash: record.inputHash,
      resultHash: record.resultHash,
      endingPoolBalance: v.result.stateAfter.poolBalance,
      indexRate: v.inputs.fixing.rate,
    },
  });
  return record;
}
