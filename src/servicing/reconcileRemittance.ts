import type { Deal } from '../deal/deal.ts';
import { distributionNumberOf } from '../deal/schedule.ts';
import { problemList } from '../collateral/problemList.ts';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import { sum } from '../money/cents.ts';
import { checkRemittanceRow } from './checkRemittanceRow.ts';
import { collectionMonth, type CollectionMonth } from './collectionMonth.ts';
import type { PoolPositions } from './poolPositions.ts';
import { AMOUNT_COLUMNS, type RemittanceFile } from './remittanceRow.ts';

const $ = (c: number): string => (c / 100).toFixed(2);

/** The servicing fee rate: the deal's fee that is servicer compensation (0.50% for 2002-1). */
export function servicingFeeRate(deal: Deal): number {
  const fee = deal.fees.find((f) => f.servicerCompensation);
  return fee?.kind === 'rate' ? fee.rate : 0;
}

/**
 * Reconciles a remittance report before anything is taken from it: the date is a distribution
 * date of the deal; each loan of the pool appears once and no other; each loan's line passes
 * checkRemittanceRow (balance roll-forward, cash, delinquency); the pool's beginning balance
 * is the previous ending; the TOTAL row equals the loans' sums. Throws one UNRECONCILED error
 * listing every problem by file, row and field; returns the collection month otherwise.
 */
export function reconcileRemittance(
  deal: Deal,
  previous: PoolPositions,
  report: RemittanceFile,
): CollectionMonth {
  const file = report.file;
  const problems: ErrorDetail[] = [];
  let n: number;
  try {
    n = distributionNumberOf(deal, report.distributionDate);
  } catch (error) {
    const detail = (error as TrusteeError).details?.[0];
    throw new TrusteeError('UNRECONCILED', `${file}: not a distribution date of ${deal.id}`, [
      {
        file,
        row: 2,
        field: 'distribution_date',
        message: detail?.message ?? 'not a distribution date',
        expected: detail?.expected ?? 'a distribution date',
        got: report.distributionDate,
      },
    ]);
  }
  const month = collectionMonth(deal, n);
  const feeRate = servicingFeeRate(deal);
  const seen = new Map<string, number>();
  for (const r of report.rows) {
    const first = seen.get(r.loanId);
    if (first !== undefined) {
      problems.push({
        file,
        row: r.row,
        field: 'loan_id',
        message: `loan ${r.loanId} is also on row ${first}`,
        expected: 'each loan once',
      });
      continue;
    }
    seen.set(r.loanId, r.row);
    const standing = previous.get(r.loanId);
    if (!standing) {
      problems.push({
        file,
        row: r.row,
        field: 'loan_id',
        message: `loan ${r.loanId} is not in the pool`,
        expected: 'a loan of the tape still outstanding',
        got: r.loanId,
      });
      continue;
    }
    for (const p of checkRemittanceRow(r, standing, month, feeRate)) problems.push({ file, ...p });
  }
  for (const [id] of previous) {
    if (!seen.has(id))
      problems.push({
        file,
        field: 'loan_id',
        message: `loan ${id} of the pool is missing`,
        expected: 'a line for every outstanding loan',
        got: id,
      });
  }
  const t = report.totals;
  for (const [column, field] of Object.entries(AMOUNT_COLUMNS)) {
    const total = sum(report.rows, (r) => r[field]);
    if (total !== t[field]) {
      problems.push({
        file,
        row: t.row,
        field: column,
        message: `the TOTAL row's ${column} is not the sum of the loans`,
        expected: $(total),
        got: $(t[field]),
      });
    }
  }
  const before = sum([...previous.values()], (s) => s.balance);
  if (t.beginningBalance !== before && problems.length === 0) {
    problems.push({
      file,
      row: t.row,
      field: 'beginning_balance',
      message: "the pool's beginning balance is not the previous period's ending",
      expected: $(before),
      got: $(t.beginningBalance),
    });
  }
  const list = problemList(file);
  for (const p of problems) list.add(p);
  list.throwIfAny('UNRECONCILED', 'the remittance report does not reconcile');
  return month;
}
