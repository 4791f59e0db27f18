import { TrusteeError } from '../../errors/catalogue.ts';
import type { DistributionDraft, TrustStore } from '../../store/trustStore.ts';
import { isoNow } from '../options.ts';
import { checkPerson } from './checkPerson.ts';
import { draftNotFound } from './draftNotFound.ts';

export interface Decision {
  readonly draftId: string;
  readonly status: 'approved' | 'rejected';
  readonly by: string;
  readonly address: string;
  readonly reason: string | null;
  readonly now?: () => string;
}

/**
 * A second person's decision on a prepared draft, with its audit entry, in one transaction.
 * The conditional update (`where status = 'prepared' and prepared_by <> by`) decides: of two
 * decisions at once exactly one lands; the other is told why not, from the draft as it stands:
 * SECOND_PERSON_REQUIRED (its preparer), DRAFT_DECIDED (decided or published already, by whom
 * and when), NOT_FOUND.
 */
export async function decideDraft(store: TrustStore, d: Decision): Promise<DistributionDraft> {
  checkPerson('by', d.by);
  const at = (d.now ?? isoNow)();
  return store.transaction(async (tx) => {
    const moved = await tx.decideDraft({
      draftId: d.draftId,
      status: d.status,
      by: d.by,
      at,
      address: d.address,
      reason: d.reason,
    });
    const draft = await tx.getDraft(d.draftId);
    if (!draft) throw draftNotFound(d.draftId);
    if (!moved) throw notDecided(draft, d.by);
    await tx.appendAudit({
      at,
      actor: d.by,
      action: d.status === 'approved' ? 'approve-distribution' : 'reject-distribution',
      dealId: draft.dealId,
      distributionDate: draft.distributionDate,
      version: draft.version,
      ...(d.reason !== null ? { reason: d.reason } : {}),
      address: d.address,
      details: {
        draftId: draft.draftId,
        preparedBy: draft.preparedBy,
        resultHash: draft.resultHash,
      },
    });
    return draft;
  });
}

/** Why a decision did not land on the draft as it stands now. */
function notDecided(draft: DistributionDraft, by: string): TrusteeError {
  if (draft.preparedBy === by) {
    return new TrusteeError(
      'SECOND_PERSON_REQUIRED',
      `${by} prepared this distribution: another person approves or rejects it`,
      [
        {
          field: 'draftId',
          message: `prepared by ${by} on ${draft.preparedAt}`,
          expected: `an approver other than ${by}`,
          got: draft.draftId,
        },
      ],
    );
  }
  const who =
    draft.status === 'published'
      ? `published by ${draft.publishedBy} on ${draft.publishedAt}`
      : `${draft.status} by ${draft.decidedBy} on ${draft.decidedAt}`;
  return new TrusteeError(
    'DRAFT_DECIDED',
    `the distribution ${draft.draftId} is ${draft.status} already`,
    [{ field: 'draftId', message: who, expected: 'a prepared distribution', got: draft.draftId }],
  );
}
