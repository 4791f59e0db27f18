import type { Loan } from '../../collateral/loan.ts';
import { tapeRowSchema } from '../../collateral/tapeColumns.ts';
import { tapeRowToLoan } from '../../collateral/tapeRowToLoan.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import type { BookDeal } from '../../store/book.ts';
import type { TrustStore } from '../../store/trustStore.ts';

/**
 * The loans of a book deal's tape (the pool where it opens), read back through the tape's own
 * row schema. The rows were validated when the deal was added: one that no longer reads is a
 * damaged store, reported as such.
 */
export async function bookTapeLoans(store: TrustStore, book: BookDeal): Promise<Loan[]> {
  const tape = await store.getLoanTape(book.tapeId);
  const damaged = (row: number, message: string) =>
    new TrusteeError('INTERNAL', `${book.dealId}: the stored tape ${book.tapeId} does not read`, [
      { file: `tape ${book.tapeId}`, row, message },
    ]);
  if (!tape) throw damaged(0, 'the tape is missing');
  return tape.rows.map((row, i) => {
    const parsed = tapeRowSchema.safeParse(row);
    const loan = parsed.success ? tapeRowToLoan(parsed.data).loan : undefined;
    if (!loan) throw damaged(i + 1, 'a stored row that is not a loan');
    return loan;
  });
}
