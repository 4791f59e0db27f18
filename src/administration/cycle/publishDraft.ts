import { TrusteeError } from '../../errors/catalogue.ts';
import type { DistributionDraft, StoredDistribution, TrustStore } from '../../store/trustStore.ts';
import { isoNow } from '../options.ts';
import { checkPerson } from './checkPerson.ts';
import { closeFromRemittance } from './closeFromRemittance.ts';
import { cycleDeal } from './cycleDeal.ts';
import { draftNotFound } from './draftNotFound.ts';
import { versionStatement } from './draftStatement.ts';

export interface PublishRequest {
  readonly draftId: string;
  readonly publishedBy: string;
  readonly address: string;
  readonly now?: () => string;
}

export interface Publication {
  readonly draft: DistributionDraft;
  /** The date's version written. */
  readonly record: StoredDistribution;
  /** Later closed dates re-run as new versions (a correction's follow-on). */
  readonly followOn: readonly StoredDistribution[];
}

/**
 * Publishes an approved distribution in ONE transaction: the date's close (version 1) or
 * correction (the next version, earlier ones kept) through the CLI's own path, from the draft's
 * remittance; the statement of each version written; the draft marked published; the audit
 * entry. Investors see the date from then on. Refused: a draft not approved
 * (DRAFT_NOT_APPROVED), one whose figures the store would no longer give (DRAFT_STALE: prepare
 * again). Any failure, the connection lost included, leaves nothing of it written.
 */
export async function publishDraft(store: TrustStore, r: PublishRequest): Promise<Publication> {
  checkPerson('publishedBy', r.publishedBy);
  const at = (r.now ?? isoNow)();
  return store.transaction(async (tx) => {
    const draft = await tx.getDraft(r.draftId);
    if (!draft) throw draftNotFound(r.draftId);
    if (draft.status !== 'approved') throw notApproved(draft);
    const remittance = (await tx.getRemittance(draft.remittanceId))!;
    const deal = await cycleDeal(tx, draft.dealId, draft.distributionDate);
    const result = await closeFromRemittance(tx, deal, remittance, {
      actor: r.publishedBy,
      at,
      reason: draft.reason,
      address: r.address,
    });
    const { record } = result;
    if (
      result.outcome === 'unchanged' ||
      record.version !== draft.version ||
      record.resultHash !== draft.resultHash
    ) {
      throw stale(draft, record);
    }
    for (const version of [record, ...result.followOn]) {
      await tx.putStatement({
        dealId: version.dealId,
        distributionDate: version.distributionDate,
        version: version.version,
        format: 'txt',
        content: versionStatement(deal, version),
        renderedAt: at,
        renderedBy: r.publishedBy,
      });
    }
    const published = { draftId: draft.draftId, version: record.version, by: r.publishedBy };
    if (!(await tx.markDraftPublished({ ...published, at, address: r.address }))) {
      throw notApproved((await tx.getDraft(draft.draftId))!);
    }
    await tx.appendAudit({
      at,
      actor: r.publishedBy,
      action: 'publish-distribution',
      dealId: draft.dealId,
      distributionDate: draft.distributionDate,
      version: record.version,
      ...(draft.reason !== null ? { reason: draft.reason } : {}),
      address: r.address,
      details: {
        draftId: draft.draftId,
        preparedBy: draft.preparedBy,
        approvedBy: draft.decidedBy,
        resultHash: record.resultHash,
        laterDatesRerun: result.followOn.map((f) => f.distributionDate),
      },
    });
    return { draft: (await tx.getDraft(draft.draftId))!, record, followOn: result.followOn };
  });
}

function notApproved(draft: DistributionDraft): TrusteeError {
  const now =
    draft.status === 'published'
      ? `published already as version ${draft.publishedVersion} by ${draft.publishedBy} on ${draft.publishedAt}`
      : draft.status === 'rejected'
        ? `rejected by ${draft.decidedBy}: ${draft.decisionReason}`
        : 'prepared, waiting for a second person to approve it';
  return new TrusteeError(
    'DRAFT_NOT_APPROVED',
    `the distribution ${draft.draftId} is ${draft.status}: only an approved one is published`,
    [{ field: 'draftId', message: now, expected: 'an approved distribution', got: draft.draftId }],
  );
}

function stale(draft: DistributionDraft, record: StoredDistribution): TrusteeError {
  return new TrusteeError(
    'DRAFT_STALE',
    `${draft.dealId} ${draft.distributionDate}: the store changed since the distribution was prepared; nothing was written, prepare it again`,
    [
      {
        field: 'resultHash',
        message: `publishing now would write version ${record.version} with result ${record.resultHash.slice(0, 12)}`,
        expected: `version ${draft.version} with result ${draft.resultHash.slice(0, 12)}, as approved`,
      },
    ],
  );
}
