import { beforeAll, describe, expect, it } from 'vitest';
import { readDealTape } from '../collateral/dealTape.ts';
import type { Loan } from '../collateral/loan.ts';
import { loanArraysFromTape, loanRecordFromLoan } from './fromCollateral.ts';

let loans: Loan[];
beforeAll(async () => {
  loans = await readDealTape('nchet-2002-1');
});

describe('the tape as projection records', () => {
  it('keeps every loan, fixed-rate first, with the cut-off balance', () => {
    const a = loanArraysFromTape(loans);
    expect(a.count).toBe(588);
    expect(a.fixedCount).toBe(loans.filter((l) => !l.arm).length);
    let total = 0;
    for (let i = 0; i < a.count; i++) total += a.balance[i]!;
    expect(total).toBe(19864409579);
  });

  it('counts an ARM to its first installment at the new rate, with the first cap', () => {
    const loan = loans.find((l) => l.arm && l.nextDueDate === '2002-03-01')!;
    const r = loanRecordFromLoan(loan);
    // Next due 2002-03-01, first reset 2004-03-01: the 25th installment is at the new rate.
    expect(loan.arm!.nextResetDate).toBe('2004-03-01');
    expect(r.arm!.monthsToReset).toBe(25);
    expect(r.arm!.initialCap).toBe(loan.arm!.firstCap);
    expect(r.arm!.rounding).toBe(loan.arm!.rounding);
    expect(r.age).toBe(loan.originalTerm - loan.remainingTerm);
    expect(r.payment).toBe(loan.scheduledPayment);
  });

  it('charges prepayments in the months due on or before the charge expires', () => {
    const loan = loans.find((l) => l.prepaymentCharge?.kind === 'six-months-interest')!;
    const r = loanRecordFromLoan(loan);
    expect(r.penalty!.rate).toBeCloseTo(loan.noteRate / 2, 15);
    expect(r.penalty!.exempt).toBeCloseTo(loan.originalBalance * 0.2, 6);
    const term = loan.prepaymentCharge!.termMonths;
    const paid = loan.originalTerm - loan.remainingTerm;
    expect(r.penalty!.months).toBe(term - paid);
  });
});
