import { TrusteeError } from '../../errors/catalogue.ts';
import type { TrustStore, RemittanceSummary } from '../../store/trustStore.ts';
import type { CollectionPeriod } from '../../waterfall/types.ts';
import { isoNow } from '../options.ts';
import { cycleDeal } from './cycleDeal.ts';
import { checkPerson } from './checkPerson.ts';
import { readUpload, uploadedRemittance } from './uploadedRemittance.ts';

export interface UploadRequest {
  readonly dealId: string;
  /** The file's name as uploaded: the remittance's source, and the file in every error. */
  readonly fileName: string;
  readonly content: string;
  readonly uploadedBy: string;
  /** The client's address (or "cli on HOST"), for the audit log. */
  readonly address: string;
  readonly now?: () => string;
}

/** A stored upload and its reconciliation: the collection period `remittance check` shows. */
export interface UploadedRemittanceResult {
  readonly remittance: RemittanceSummary;
  readonly period: CollectionPeriod;
}

/**
 * Takes a servicer's file for a deal: reads and reconciles it (every row problem listed with
 * its row and field; nothing stored on a refusal), then stores it as a remittance waiting for
 * its date, with an audit entry (who, when, what, from where), in one transaction. The very
 * remittance a published version was written from is refused (CLOSED_DATE): it waits for nothing.
 */
export async function uploadRemittance(
  store: TrustStore,
  request: UploadRequest,
): Promise<UploadedRemittanceResult> {
  checkPerson('uploadedBy', request.uploadedBy);
  const upload = await readUpload(request.fileName, request.content);
  const deal = await cycleDeal(store, request.dealId, upload.date);
  const input = await uploadedRemittance(store, deal, request.fileName, upload);
  const at = (request.now ?? isoNow)();
  return store.transaction(async (tx) => {
    const stored = await tx.putRemittance({ dealId: deal.id, ...input }, at);
    // The same file again after its date was published from it: nothing new waits.
    const waiting = await tx.waitingRemittances(deal.id, stored.distributionDate);
    if (!waiting.some((w) => w.remittanceId === stored.remittanceId)) {
      throw new TrusteeError(
        'CLOSED_DATE',
        `${deal.id} ${stored.distributionDate} was published from this remittance already`,
        [
          {
            file: request.fileName,
            message: 'the same rows and figures as a published version of the date',
            expected: 'a remittance with other figures, for a correction',
          },
        ],
      );
    }
    await tx.appendAudit({
      at,
      actor: request.uploadedBy,
      action: 'upload-remittance',
      dealId: deal.id,
      distributionDate: stored.distributionDate,
      address: request.address,
      details: {
        remittanceId: stored.remittanceId,
        source: stored.source,
        rows: stored.rows.length,
        beginningPoolBalance: stored.period.beginningPoolBalance,
        endingPoolBalance: stored.period.endingPoolBalance,
        interestCollected: stored.period.interestCollected,
      },
    });
    return {
      remittance: {
        remittanceId: stored.remittanceId,
        dealId: stored.dealId,
        distributionDate: stored.distributionDate,
        source: stored.source,
        rowCount: stored.rows.length,
        storedAt: stored.storedAt,
      },
      period: stored.period,
    };
  });
}
