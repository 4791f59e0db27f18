import type { Cents } from '../money/cents.ts';
import type { RemittanceFile } from './remittanceRow.ts';

/**
 * The loan-level lists of the 10-K's Exhibit 99.1, from the last two remittance reports of the
 * year: the loans that became REO in the last month (REO now, not in the report before), and
 * each loan liquidated in the last month with its loss severity (realized loss / balance).
 */
export function yearEndLoans(
  previous: Pick<RemittanceFile, 'rows'> | undefined,
  last: Pick<RemittanceFile, 'rows'>,
): {
  newReoLoans: { loan: string; unpaidPrincipal: Cents; statedPrincipal: Cents }[];
  lossSeverityLoans: { loan: string; severity: number }[];
} {
  const wasReo = new Set(previous?.rows.filter((r) => r.reo).map((r) => r.loanId) ?? []);
  const newReoLoans = last.rows
    .filter((r) => r.reo && !wasReo.has(r.loanId))
    .map((r) => ({
      loan: r.loanId,
      unpaidPrincipal: r.unpaidPrincipalBalance,
      statedPrincipal: r.endingBalance,
    }));
  const lossSeverityLoans = last.rows
    .filter((r) => r.realizedLoss > 0 && r.beginningBalance > 0)
    .map((r) => ({ loan: r.loanId, severity: r.realizedLoss / r.beginningBalance }));
  return { newReoLoans, lossSeverityLoans };
}
