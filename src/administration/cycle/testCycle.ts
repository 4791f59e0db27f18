import { readFileSync } from 'node:fs';
import { dealsDirectory } from '../../deal/builtIn.ts';
import { plainDate } from '../../money/plainDate.ts';
import type { DistributionDraft, TrustStore } from '../../store/trustStore.ts';
import { approveDraft } from './approveDraft.ts';
import { prepareDistribution } from './prepareDistribution.ts';
import { uploadRemittance } from './uploadRemittance.ts';

/** Test support for the monthly cycle: nchet-2002-1's April 2002, as the seed's totals. */
export const dealId = 'nchet-2002-1';
export const april = plainDate('2002-04-25');
export const aprilTotals = readFileSync(
  `${dealsDirectory}${dealId}/periods/2002-04-25.json`,
  'utf8',
);
export const address = '203.0.113.7';

/** April's totals with the servicer's interest restated (a correction's input). */
export const restatedApril = aprilTotals.replace('"1429737.83"', '"1429837.83"');

export async function upload(
  store: TrustStore,
  content = aprilTotals,
  fileName = '2002-04-25.json',
): Promise<void> {
  await uploadRemittance(store, { dealId, fileName, content, uploadedBy: 'paula', address });
}

/** April uploaded and prepared by paula (a correction when `reason` is given). */
export async function preparedApril(
  store: TrustStore,
  options: { content?: string; reason?: string } = {},
): Promise<DistributionDraft> {
  await upload(store, options.content);
  return prepareDistribution(store, {
    dealId,
    distributionDate: april,
    preparedBy: 'paula',
    address,
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
  });
}

/** April prepared by paula and approved by alan. */
export async function approvedApril(
  store: TrustStore,
  options: { content?: string; reason?: string } = {},
): Promise<DistributionDraft> {
  const draft = await preparedApril(store, options);
  return approveDraft(store, { draftId: draft.draftId, approvedBy: 'alan', address });
}
