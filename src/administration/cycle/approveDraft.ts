import type { DistributionDraft, TrustStore } from '../../store/trustStore.ts';
import { decideDraft } from './decideDraft.ts';

export interface ApproveRequest {
  readonly draftId: string;
  readonly approvedBy: string;
  readonly address: string;
  /** An optional note with the approval. */
  readonly note?: string;
  readonly now?: () => string;
}

/**
 * Approves a prepared distribution: a second person (never its preparer:
 * SECOND_PERSON_REQUIRED); of two approvals at once exactly one lands, the other is told
 * DRAFT_DECIDED. Audited with who, when and from where.
 */
export async function approveDraft(
  store: TrustStore,
  r: ApproveRequest,
): Promise<DistributionDraft> {
  const note = r.note?.trim();
  return decideDraft(store, {
    draftId: r.draftId,
    status: 'approved',
    by: r.approvedBy,
    address: r.address,
    reason: note ? note : null,
    ...(r.now ? { now: r.now } : {}),
  });
}
