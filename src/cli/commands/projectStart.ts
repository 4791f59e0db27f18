import { existsSync } from 'node:fs';
import { bookTapeLoans } from '../../administration/book/bookTape.ts';
import { dealById, unknownDeal } from '../../administration/book/dealById.ts';
import type { Loan } from '../../collateral/loan.ts';
import { builtInDealIds, resolveDeal } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { plainDate, type PlainDate } from '../../money/plainDate.ts';
import {
  fileStart,
  readTape,
  storeStart,
  type ProjectionStart,
} from '../../projection/dealContext.ts';
import { DEFAULT_STORE, isPostgresUrl, openStore, storeLocation } from '../../store/openStore.ts';
import { initialState } from '../../waterfall/initialState.ts';
import type { DealState } from '../../waterfall/types.ts';
import { namingFlags } from './flagNames.ts';

export interface StartOptions {
  readonly tape?: string;
  readonly state?: string;
  readonly db?: string;
  /** A closed date of the store to start after instead of the latest. */
  readonly after?: string;
  /** Load the distributions closed after `after` too (what --compare compares with). */
  readonly compare?: boolean;
}

/**
 * The store to read the start from: --db or TRUSTEE_DB (a SQLite file must exist), else the
 * default var/trustee.sqlite when there is one. A projection only reads: it creates no file.
 */
function storeToRead(explicit: string | undefined): string | undefined {
  const location = storeLocation(explicit);
  if (isPostgresUrl(location) || existsSync(location)) return location;
  if (location === DEFAULT_STORE) return undefined;
  throw new TrusteeError('STORE_UNAVAILABLE', `no store at ${location}`, [
    {
      file: location,
      field: explicit ? '--db' : 'TRUSTEE_DB',
      message: 'no such file',
      expected: 'a store written by trustee close or trustee annual',
    },
  ]);
}

/** --after's date, checked; it cannot go with --state (two starts). */
function afterDate(text: string, state: string | undefined): PlainDate {
  if (state !== undefined) {
    throw new TrusteeError('INVALID_INPUT', '--after and --state name two different starts', [
      { field: '--after', message: 'give one of --after and --state', got: text },
    ]);
  }
  try {
    return plainDate(text);
  } catch {
    throw new TrusteeError('INVALID_INPUT', `bad --after ${text}`, [
      { field: '--after', message: 'not a date', expected: 'YYYY-MM-DD', got: text },
    ]);
  }
}

function noStoreFor(after: PlainDate): TrusteeError {
  return new TrusteeError('NOT_FOUND', `--after ${after}: no store holds the deal's closed dates`, [
    {
      field: '--after',
      message: 'projecting from an earlier date reads it from the store',
      expected: 'a store (--db, TRUSTEE_DB or var/trustee.sqlite) with that date closed',
      got: after,
    },
  ]);
}

/** A deal of the store's book: the tape it was added with, and the state it opened at. */
export interface BookStart {
  readonly tape: readonly Loan[];
  readonly openingState: DealState | undefined;
  readonly location: string;
}

/**
 * The deal --deal names: a built-in deal or a deal file (no store needed), else a deal of the
 * store's book (--db, TRUSTEE_DB or var/trustee.sqlite), with its tape and opening state.
 */
export async function dealToProject(
  o: StartOptions & { readonly deal: string },
): Promise<{ deal: Deal; book: BookStart | undefined }> {
  if (o.deal.endsWith('.json') || builtInDealIds().includes(o.deal)) {
    return { deal: resolveDeal(o.deal), book: undefined };
  }
  const location = storeToRead(o.db);
  if (location === undefined) throw namingFlags(unknownDeal(o.deal), { dealId: '--deal' });
  const store = await openStore(location);
  try {
    const found = await dealById(store, o.deal).catch((error: unknown) => {
      throw namingFlags(error, { dealId: '--deal' });
    });
    const tape = await bookTapeLoans(store, found.book!);
    return { deal: found.deal, book: { tape, openingState: found.openingState, location } };
  } finally {
    await store.close();
  }
}

/**
 * Where `trustee project` starts. --state FILE: that state, the tape aged and scaled to it.
 * Else the deal's latest closed date (or --after's) in the store (--db, TRUSTEE_DB or an
 * existing var/trustee.sqlite), with its loans from the stored remittance rows when it has them. Else,
 * with no store or nothing of the deal closed in it, the latest state from the deal's files.
 * --tape replaces the cut-off tape in each case. A deal of the book has no files: its tape is the
 * one it was added with, and with nothing closed it starts from the state it opened at.
 */
export async function projectStart(
  deal: Deal,
  o: StartOptions,
  book?: BookStart,
): Promise<ProjectionStart> {
  const after = o.after === undefined ? undefined : afterDate(o.after, o.state);
  const tape = book && o.tape === undefined ? book.tape : await readTape(deal, o.tape);
  // Where a deal starts with nothing of it closed: its files, or the book's opening state.
  const unclosed = (): ProjectionStart =>
    book
      ? fileStart(deal, tape, {
          state: book.openingState ?? initialState(deal),
          from: `the book's deal ${book.openingState ? 'at the state it was added with' : 'at its closing'}`,
        })
      : fileStart(deal, tape);
  if (o.state) return fileStart(deal, tape, { state: readStateFile(deal, o.state), from: o.state });
  const location = storeToRead(o.db);
  if (location === undefined) {
    if (after) throw noStoreFor(after);
    return unclosed();
  }
  const store = await openStore(location);
  try {
    const start = await storeStart(store, deal, tape, after, o.compare ?? false);
    if (start) return start;
    if (after) throw noStoreFor(after);
    const files = unclosed();
    return {
      ...files,
      stateFrom: `${files.stateFrom} (nothing of ${deal.id} closed in ${store.location})`,
    };
  } finally {
    await store.close();
  }
}
