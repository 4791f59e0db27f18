import { describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { plainDate } from '../money/plainDate.ts';
import { collectionMonth } from './collectionMonth.ts';
import { delinquencyStatus, installmentsPastDue } from './delinquencyStatus.ts';

describe('delinquency by the MBA and OTS methods', () => {
  const due = plainDate('2002-04-01'); // the installment of the March 2002 collection period
  it('counts installments past due from the next due date', () => {
    expect(installmentsPastDue(plainDate('2002-05-01'), due)).toBe(0);
    expect(installmentsPastDue(plainDate('2002-06-01'), due)).toBe(0); // paid ahead
    expect(installmentsPastDue(plainDate('2002-04-01'), due)).toBe(1);
    expect(installmentsPastDue(plainDate('2002-02-01'), due)).toBe(3);
  });
  it('OTS reports one bucket later than MBA', () => {
    expect([0, 1, 2, 3, 4].map((k) => delinquencyStatus(k, 'MBA'))).toEqual([
      'current',
      '30',
      '60',
      '90',
      '90',
    ]);
    expect([0, 1, 2, 3, 4].map((k) => delinquencyStatus(k, 'OTS'))).toEqual([
      'current',
      'current',
      '30',
      '60',
      '90',
    ]);
  });
});

describe('collectionMonth', () => {
  const deal = resolveDeal('nchet-2002-1');
  it('is the calendar month from the cut-off, with the installment due the next first', () => {
    expect(collectionMonth(deal, 1)).toEqual({
      distributionNumber: 1,
      distributionDate: '2002-03-25',
      start: '2002-02-01',
      end: '2002-02-28',
      dueDate: '2002-03-01',
    });
    expect(collectionMonth(deal, 10)).toMatchObject({
      distributionDate: '2002-12-26',
      start: '2002-11-01',
      end: '2002-11-30',
    });
  });
});
