import type { Deal } from '../../deal/deal.ts';
import { renderStatement } from '../../reports/index.ts';
import type { StoredDistribution } from '../../store/trustStore.ts';
import { versionNote } from '../history.ts';

/** The statement of a version as `trustee statement` prints it (text). */
export function versionStatement(deal: Deal, record: StoredDistribution): string {
  return renderStatement(deal, record.distribution, 'text', { version: versionNote(record) });
}

/** A draft's statement: the version it would become, marked as not published. */
export function draftStatement(deal: Deal, record: StoredDistribution, preparedBy: string): string {
  const what = record.version === 1 ? 'version 1' : `version ${record.version}, a correction`;
  const note = `DRAFT of ${what}, prepared by ${preparedBy}: not approved, not published`;
  return renderStatement(deal, record.distribution, 'text', { version: note });
}
