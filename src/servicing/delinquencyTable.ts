import { cents, sum, ZERO } from '../money/cents.ts';
import type { Delinquency, DelinquencyBucket } from '../trust/types.ts';
import type { CollectionMonth } from './collectionMonth.ts';
import {
  delinquencyStatus,
  installmentsPastDue,
  type DelinquencyMethod,
} from './delinquencyStatus.ts';
import type { RemittanceRow } from './remittanceRow.ts';

type Bucket = keyof Omit<Delinquency, 'reoBookValue'>;

const bucketOf = (rows: readonly RemittanceRow[]): DelinquencyBucket => ({
  count: rows.length,
  unpaidPrincipal: sum(rows, (r) => r.unpaidPrincipalBalance),
  statedPrincipal: sum(rows, (r) => r.endingBalance),
});

/**
 * The statement's delinquency table at the period's end, loans still in the pool: each loan
 * in one line, REO first, then foreclosure, then bankruptcy (also in "bankruptcy 60+" when
 * 60 days or more past due), then 30-59 / 60-89 / 90+ days by the chosen method. The
 * Delinquency Percentage adds 60-89, 90+, foreclosure, REO and bankruptcy 60+, so no loan is
 * counted twice. Unpaid principal is what the borrower owes; stated principal is the
 * scheduled balance (the seed's two columns).
 */
export function delinquencyTable(
  rows: readonly RemittanceRow[],
  month: CollectionMonth,
  method: DelinquencyMethod,
): Delinquency {
  const lines = new Map<Bucket, RemittanceRow[]>();
  const put = (bucket: Bucket, r: RemittanceRow): void => {
    lines.set(bucket, [...(lines.get(bucket) ?? []), r]);
  };
  for (const r of rows) {
    if (r.endingBalance === 0 || !r.nextDueDate) continue;
    const status = delinquencyStatus(installmentsPastDue(r.nextDueDate, month.dueDate), method);
    if (r.reo) put('reo', r);
    else if (r.foreclosure) put('foreclosure', r);
    else if (r.bankruptcy) {
      put('bankruptcy', r);
      if (status === '60' || status === '90') put('bankruptcy60plus', r);
    } else if (status === '30') put('days30to59', r);
    else if (status === '60') put('days60to89', r);
    else if (status === '90') put('days90plus', r);
  }
  const get = (bucket: Bucket): DelinquencyBucket => bucketOf(lines.get(bucket) ?? []);
  const reo = lines.get('reo') ?? [];
  return {
    days30to59: get('days30to59'),
    days60to89: get('days60to89'),
    days90plus: get('days90plus'),
    foreclosure: get('foreclosure'),
    bankruptcy: get('bankruptcy'),
    bankruptcy60plus: get('bankruptcy60plus'),
    reo: get('reo'),
    reoBookValue: reo.length === 0 ? ZERO : cents(reo.reduce((s, r) => s + r.reoBookValue, 0)),
  };
}
