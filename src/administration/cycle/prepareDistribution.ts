import { randomUUID } from 'node:crypto';
import { TrusteeError } from '../../errors/catalogue.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import type { DistributionDraft, TrustStore } from '../../store/trustStore.ts';
import { isoNow } from '../options.ts';
import { checkPerson, checkReason } from './checkPerson.ts';
import { closeFromRemittance } from './closeFromRemittance.ts';
import { cycleDeal } from './cycleDeal.ts';
import { draftStatement } from './draftStatement.ts';
import { dryRun } from './dryRun.ts';
import { waitingRemittance } from './waitingRemittance.ts';

export interface PrepareRequest {
  readonly dealId: string;
  readonly distributionDate: PlainDate;
  readonly preparedBy: string;
  /** The client's address (or "cli on HOST"), for the audit log. */
  readonly address: string;
  /** Given: a correction of the closed date (its next version), and why. */
  readonly reason?: string;
}

/**
 * Prepares a distribution date from the remittance waiting for it (NO_REMITTANCE when none
 * does): runs the very close (version 1) or correction (version N + 1, with `reason`) that
 * publishing runs, rolled back, and stores the result as a draft with its figures, trace and
 * statement, status "prepared", with an audit entry. A date closed already with these figures
 * is refused (CLOSED_DATE), as is a closed date without a reason (a correction says why).
 * `store` must not be inside a transaction (the dry run rolls its own back).
 */
export async function prepareDistribution(
  store: TrustStore,
  request: {
    dealId: string;
    distributionDate: PlainDate;
    preparedBy: string;
    address: string;
    reason?: string;
  },
): Promise<DistributionDraft> {
  checkPerson('preparedBy', request.preparedBy);
  const reason =
    request.reason === undefined
      ? null
      : checkReason('reason', request.reason, 'a correction says why');
  const { dealId, distributionDate: date, preparedBy } = request;
  const remittance = await waitingRemittance(store, dealId, date);
  const deal = await cycleDeal(store, dealId, date);
  const at = isoNow();
  const result = await dryRun(store, (tx) =>
    closeFromRemittance(tx, deal, remittance, {
      actor: preparedBy,
      at,
      reason,
      address: request.address,
    }),
  );
  if (result.outcome === 'unchanged') {
    throw new TrusteeError(
      'CLOSED_DATE',
      `${dealId} ${date} is closed (version ${result.record.version}) with these figures already: nothing to prepare`,
      [
        {
          field: 'remittance',
          message: `${remittance.source} gives the figures of the closed version`,
          expected: 'a remittance with other figures, for a correction',
        },
      ],
    );
  }
  const record = result.record;
  return store.transaction(async (tx) => {
    const draft = await tx.putDraft({
      draftId: randomUUID(),
      dealId,
      distributionDate: date,
      distributionNumber: record.distributionNumber,
      version: record.version,
      reason,
      remittanceId: remittance.remittanceId,
      dealHash: record.dealHash,
      inputHash: record.inputHash,
      resultHash: record.resultHash,
      distribution: record.distribution,
      statementText: draftStatement(deal, record, preparedBy),
      preparedBy,
      preparedAt: at,
      preparedAddress: request.address,
    });
    await tx.appendAudit({
      at,
      actor: preparedBy,
      action: 'prepare-distribution',
      dealId,
      distributionDate: date,
      version: record.version,
      ...(reason !== null ? { reason } : {}),
      address: request.address,
      details: {
        draftId: draft.draftId,
        remittanceId: remittance.remittanceId,
        source: remittance.source,
        inputHash: record.inputHash,
        resultHash: record.resultHash,
        endingPoolBalance: record.stateAfter.poolBalance,
        laterDatesRerun: result.followOn.map((f) => f.distributionDate),
      },
    });
    return draft;
  });
}
