import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { builtInDealIds } from '../../deal/builtIn.ts';
import { distributionNumberOf } from '../../deal/schedule.ts';
import { errorRecord, TrusteeError, type ErrorDetail } from '../../errors/catalogue.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { prepareDistribution } from '../cycle/prepareDistribution.ts';
import { readUpload } from '../cycle/uploadedRemittance.ts';
import { uploadRemittance } from '../cycle/uploadRemittance.ts';
import { dealById } from './dealById.ts';

/** What the batch did with one deal due on the date. */
export type BatchResult =
  | {
      readonly dealId: string;
      readonly status: 'prepared';
      readonly draftId: string;
      readonly version: number;
    }
  | { readonly dealId: string; readonly status: 'waiting' }
  | {
      readonly dealId: string;
      readonly status: 'refused';
      readonly code: string;
      readonly message: string;
      readonly details: readonly ErrorDetail[];
    };

export interface BatchRequest {
  readonly date: PlainDate;
  readonly preparedBy: string;
  /** "cli on HOST", for the audit entries. */
  readonly address: string;
  /** A folder of servicer files named <deal id>.csv, uploaded for their deals first. */
  readonly remittances?: string;
  /** Called once the due deals are known, and after each deal. */
  readonly onStart?: (due: number) => void;
  readonly onDeal?: (done: number, result: BatchResult) => void;
}

/** Whether the deal has a draft of the date waiting for a decision (prepared) or publication. */
async function hasOpenDraft(store: TrustStore, dealId: string, date: PlainDate): Promise<boolean> {
  const drafts = await store.listDrafts({ dealId, distributionDate: date });
  return drafts.some((d) => d.status === 'prepared' || d.status === 'approved');
}

/**
 * The deals due on a date: every deal of the book and every built-in deal the store holds a
 * history or a remittance of, for which the date is a distribution date after the one it opens
 * from, not closed and with no draft waiting for approval or publication.
 */
export async function dueDeals(store: TrustStore, date: PlainDate): Promise<string[]> {
  const candidates = [
    ...(
      await Promise.all(
        builtInDealIds().map(async (id) => {
          const bound =
            (await store.listDealVersions(id)).length > 0 ||
            (await store.waitingRemittances(id, date)).length > 0;
          return bound ? [id] : [];
        }),
      )
    ).flat(),
    ...(await store.book.listDeals()).map((b) => b.dealId),
  ];
  const due: string[] = [];
  for (const dealId of candidates) {
    const { deal, openingState } = await dealById(store, dealId);
    let n: number;
    try {
      n = distributionNumberOf(deal, date);
    } catch {
      continue; // not one of its distribution dates
    }
    if (n <= (openingState?.distributionNumber ?? 0)) continue;
    if (await store.getDistribution(dealId, date)) continue;
    if (await hasOpenDraft(store, dealId, date)) continue;
    due.push(dealId);
  }
  return due;
}

/** A deal refused with its error (one not the input's fault, INTERNAL, is still its alone). */
function refused(dealId: string, error: unknown): BatchResult {
  return { dealId, status: 'refused', ...errorRecord(error) };
}

/**
 * Uploads a folder's servicer files (<deal id>.csv) for the batch's date. A file refused (its
 * rows, its reconciliation, another date, an unknown deal) refuses its deal, and only it.
 */
async function uploadFolder(
  store: TrustStore,
  request: BatchRequest,
  folder: string,
): Promise<Map<string, BatchResult>> {
  const refusals = new Map<string, BatchResult>();
  const files = (await readdir(folder)).filter((name) => name.endsWith('.csv')).sort();
  for (const name of files) {
    const dealId = basename(name, '.csv');
    const path = join(folder, name);
    try {
      const content = await readFile(path, 'utf8');
      const { date } = await readUpload(path, content);
      if (date !== request.date) {
        throw new TrusteeError('INVALID_INPUT', `${path} is for ${date}, not ${request.date}`, [
          { file: path, field: 'distribution_date', message: `${date}`, expected: request.date },
        ]);
      }
      await uploadRemittance(store, {
        dealId,
        fileName: path,
        content,
        uploadedBy: request.preparedBy,
        address: request.address,
      });
    } catch (error) {
      refusals.set(dealId, refused(dealId, error));
    }
  }
  return refusals;
}

/**
 * `trustee batch`: prepares every deal due on the date (dueDeals) from the remittance waiting
 * for it, one deal at a time, through the monthly cycle's own prepareDistribution (a draft for a
 * second person to approve). A deal with no remittance waits; a deal whose file or figures are
 * refused is reported with the error, and the others go on.
 */
export async function runBatch(store: TrustStore, request: BatchRequest): Promise<BatchResult[]> {
  const uploadRefusals = request.remittances
    ? await uploadFolder(store, request, request.remittances)
    : new Map<string, BatchResult>();
  const due = await dueDeals(store, request.date);
  const ids = [...new Set([...due, ...uploadRefusals.keys()])].sort();
  request.onStart?.(ids.length);
  const results: BatchResult[] = [];
  for (const dealId of ids) {
    let result = uploadRefusals.get(dealId);
    if (!result) {
      try {
        const draft = await prepareDistribution(store, {
          dealId,
          distributionDate: request.date,
          preparedBy: request.preparedBy,
          address: request.address,
        });
        result = { dealId, status: 'prepared', draftId: draft.draftId, version: draft.version };
      } catch (error) {
        result =
          error instanceof TrusteeError && error.code === 'NO_REMITTANCE'
            ? { dealId, status: 'waiting' }
            : refused(dealId, error);
      }
    }
    results.push(result);
    request.onDeal?.(results.length, result);
  }
  return results;
}
