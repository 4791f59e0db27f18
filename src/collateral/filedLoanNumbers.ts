import type { Cents } from '../money/cents.ts';
import type { Loan } from './loan.ts';

/** A loan a deal's filings name: its number and its balance as they print it. */
export interface FiledLoan {
  readonly id: string;
  readonly balance: Cents;
}

/**
 * A synthetic tape with the loan numbers the filings name: each goes to the loan whose cut-off
 * balance is the smallest at least 2% above the filed balance (a 30-year loan amortizes about
 * 1% in its first year, so it can come to the filed balance later), and the tape is listed by
 * loan number. A number already in the tape, or no loan large enough, is an error.
 */
export function withFiledLoanNumbers(loans: readonly Loan[], filed: readonly FiledLoan[]): Loan[] {
  const out = [...loans];
  const given = new Set<string>();
  for (const f of filed) {
    if (out.some((l) => l.id === f.id)) throw new Error(`loan ${f.id} is already in the tape`);
    let chosen = -1;
    out.forEach((l, i) => {
      if (given.has(l.id) || l.currentBalance < f.balance * 1.02) return;
      if (chosen < 0 || l.currentBalance < out[chosen]!.currentBalance) chosen = i;
    });
    if (chosen < 0) throw new Error(`no loan of the tape for the filed loan ${f.id}`);
    out[chosen] = { ...out[chosen]!, id: f.id };
    given.add(f.id);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
