import type { DistributionDraft, TrustStore } from '../../store/trustStore.ts';
import { checkReason } from './checkPerson.ts';
import { decideDraft } from './decideDraft.ts';

export interface RejectRequest {
  readonly draftId: string;
  readonly rejectedBy: string;
  readonly address: string;
  /** Why: required (INVALID_INPUT without one). */
  readonly reason: string;
  readonly now?: () => string;
}

/**
 * Rejects a prepared distribution, saying why: a second person, as for an approval. The
 * remittance stays waiting; the date can be prepared again (from it or a new upload).
 */
export async function rejectDraft(store: TrustStore, r: RejectRequest): Promise<DistributionDraft> {
  const reason = checkReason('reason', r.reason, 'a rejection says why');
  return decideDraft(store, {
    draftId: r.draftId,
    status: 'rejected',
    by: r.rejectedBy,
    address: r.address,
    reason,
    ...(r.now ? { now: r.now } : {}),
  });
}
