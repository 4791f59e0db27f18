import type { Loan } from '../../collateral/loan.ts';
import { storedTapeRows } from '../../collateral/storedTapeRows.ts';
import { builtInDealIds } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { TrusteeError, type ErrorDetail } from '../../errors/catalogue.ts';
import { sum } from '../../money/cents.ts';
import type { BookDeal } from '../../store/book.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import type { DealState } from '../../trust/types.ts';
import { dealCusips, dealServicers } from './bookRecord.ts';

/** A deal to add to the book, its inputs read and validated by the strict readers. */
export interface NewBookDeal {
  readonly deal: Deal;
  /** The deal file's name (or "request body"), for errors and the audit entry. */
  readonly dealSource: string;
  /** The cut-off tape's loans (or the pool as of the opening state). */
  readonly loans: readonly Loan[];
  readonly tapeSource: string;
  /** The state the first distribution runs from, when the deal is taken on after its closing. */
  readonly openingState?: DealState;
  readonly actor: string;
  readonly at: string;
  /** The client's address, or "cli on HOST". */
  readonly address: string;
  readonly reason?: string;
}

const money = (cents: number): string => (cents / 100).toFixed(2);

/**
 * The tape is the deal's pool where the deal starts: at the cut-off (the deal file's balance,
 * loan count and groups) or as of the opening state. Every difference is listed, by field.
 */
function tapeProblems(input: BookDealInputs): ErrorDetail[] {
  const { deal, loans, openingState, tapeSource: file } = input;
  const where = openingState
    ? `the opening state (after distribution ${openingState.distributionNumber})`
    : 'the deal file at the cut-off';
  const problems: ErrorDetail[] = [];
  const balance = sum(loans, (l) => l.currentBalance);
  const expectedBalance = openingState?.poolBalance ?? deal.cutoffBalance;
  if (balance !== expectedBalance) {
    problems.push({
      file,
      field: 'current_balance',
      message: `the loans add up to ${money(balance)}`,
      expected: `${money(expectedBalance)}, the pool of ${where}`,
    });
  }
  const expectedCount = openingState?.loanCount ?? deal.cutoffLoanCount;
  if (loans.length !== expectedCount) {
    problems.push({
      file,
      field: 'loan_id',
      message: `${loans.length} loans`,
      expected: `${expectedCount} loans, as in ${where}`,
    });
  }
  const groups = deal.groups.map((g) => g.name);
  loans.forEach((loan, i) => {
    const fits = groups.length === 0 ? loan.group === undefined : groups.includes(loan.group ?? '');
    if (!fits && problems.length < 100) {
      problems.push({
        file,
        row: i + 2,
        field: 'group',
        message: loan.group === undefined ? 'no group' : `group "${loan.group}"`,
        expected:
          groups.length === 0 ? 'no group: the deal is one pool' : `one of ${groups.join(', ')}`,
      });
    }
  });
  return problems;
}

type BookDealInputs = Pick<
  NewBookDeal,
  'deal' | 'dealSource' | 'loans' | 'tapeSource' | 'openingState'
>;

/**
 * Checks a deal's inputs against each other before anything is stored (the CLI checks before
 * it opens, or creates, a store): its id is not a built-in deal's (DEAL_EXISTS) and the tape is
 * the deal's pool where it starts (INVALID_INPUT naming the tape, and each field that differs).
 */
export function checkBookDeal(input: BookDealInputs): void {
  const { deal } = input;
  if (builtInDealIds().includes(deal.id)) {
    throw new TrusteeError('DEAL_EXISTS', `"${deal.id}" is a built-in deal`, [
      {
        file: input.dealSource,
        field: 'id',
        message: 'the id of a built-in deal',
        expected: `an id not in ${builtInDealIds().join(', ')}`,
        got: deal.id,
      },
    ]);
  }
  const problems = tapeProblems(input);
  if (problems.length > 0) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `${input.tapeSource}: the tape is not the pool of ${deal.id}`,
      problems,
    );
  }
}

/**
 * Adds a deal to the store's book: its deal file, its tape and the state it opens from, in one
 * transaction with the audit entry (add-deal). Refused with nothing stored (checkBookDeal; an
 * id the book holds already, DEAL_EXISTS).
 */
export async function addBookDeal(store: TrustStore, input: NewBookDeal): Promise<BookDeal> {
  checkBookDeal(input);
  const { deal, openingState } = input;
  return store.transaction(async (tx) => {
    const stored = await tx.putDeal(deal, input.at);
    const tape = await tx.putLoanTape(
      {
        dealId: deal.id,
        asOf: openingState?.lastDate ?? deal.cutoffDate,
        source: input.tapeSource,
        rows: storedTapeRows(input.loans),
      },
      input.at,
    );
    const added = await tx.book.addDeal({
      dealId: deal.id,
      name: deal.name,
      series: deal.file.series,
      servicers: dealServicers(deal),
      cusips: dealCusips(deal),
      dealHash: stored.hash,
      tapeId: tape.tapeId,
      openingState: openingState ?? null,
      addedAt: input.at,
      addedBy: input.actor,
    });
    await tx.appendAudit({
      at: input.at,
      actor: input.actor,
      action: 'add-deal',
      dealId: deal.id,
      ...(input.reason ? { reason: input.reason } : {}),
      details: {
        dealFile: input.dealSource,
        dealHash: stored.hash,
        tape: input.tapeSource,
        tapeId: tape.tapeId,
        loans: input.loans.length,
        openingDistribution: openingState?.distributionNumber ?? 0,
      },
      address: input.address,
    });
    return added;
  });
}
