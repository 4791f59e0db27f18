import { monthsBetween } from '../collateral/months.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { DelinquencyStatus } from './remittanceRow.ts';

export type DelinquencyMethod = 'MBA' | 'OTS';

/**
 * Installments past due after the period: those due on or before the period's due date that
 * the borrower has not paid. nextDueDate is the oldest unpaid one: 2002-04-01 after the
 * March 2002 installment was paid -> 0; 2002-03-01 -> 1; 2002-02-01 -> 2.
 */
export function installmentsPastDue(nextDueDate: PlainDate, periodDueDate: PlainDate): number {
  return Math.max(0, monthsBetween(nextDueDate, periodDueDate) + 1);
}

/**
 * The status by the MBA method (one installment unpaid at the end of the month it was due in:
 * 30 days) or the OTS method (30 days only once the next installment is also due and unpaid,
 * one bucket later than MBA).
 */
export function delinquencyStatus(pastDue: number, method: DelinquencyMethod): DelinquencyStatus {
  const k = method === 'MBA' ? pastDue : pastDue - 1;
  return k <= 0 ? 'current' : k === 1 ? '30' : k === 2 ? '60' : '90';
}
