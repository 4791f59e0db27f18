import { describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { cents } from '../money/cents.ts';
import { collectionPeriodFromRemittance } from './collectionPeriodFromRemittance.ts';
import type { PoolPositions } from './poolPositions.ts';
import { readRemittance } from './readRemittance.ts';
import { REMITTANCE_COLUMNS } from './remittanceRow.ts';
import { writeRemittance } from './writeRemittance.ts';
import { date, handLines, handPositions, writeHandFile } from './testReport.ts';

const deal = resolveDeal('nchet-2002-1');
const good = writeRemittance(date, handLines);

/** The hand report's lines as cells; rows 2-5 are F1, A1, D1, L1 and row 6 the TOTAL. */
const table = (): string[][] =>
  good
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
const col = (name: string): number => REMITTANCE_COLUMNS.indexOf(name as never);
const text = (rows: string[][]): string => `${rows.map((r) => r.join(',')).join('\n')}\n`;
const set = (rows: string[][], row: number, column: string, value: string): void => {
  (rows[row - 1] as string[])[col(column)] = value;
};

async function refusal(
  rows: string[][],
  positions: PoolPositions = handPositions,
): Promise<TrusteeError> {
  const path = writeHandFile(`case-${Math.random().toString(36).slice(2)}.csv`, text(rows));
  try {
    collectionPeriodFromRemittance(deal, positions, await readRemittance(path));
  } catch (error) {
    if (error instanceof TrusteeError) return error;
    throw error;
  }
  throw new Error('expected the report to be refused');
}

describe('reconcileRemittance refuses, naming file, row and field', () => {
  it('a TOTAL row that is not the sum of the loans', async () => {
    const rows = table();
    set(rows, 6, 'payoff', '200000.01');
    const error = await refusal(rows);
    expect(error.code).toBe('UNRECONCILED');
    expect(error.details).toEqual([
      expect.objectContaining({ row: 6, field: 'payoff', expected: '200000.00', got: '200000.01' }),
    ]);
    expect(error.details[0]?.file).toMatch(/case-.*\.csv$/);
  });

  it('a loan given twice', async () => {
    const rows = table();
    rows.splice(5, 0, [...(rows[1] as string[])]);
    const error = await refusal(rows);
    expect(error.details).toContainEqual(
      expect.objectContaining({ row: 6, field: 'loan_id', message: 'loan F1 is also on row 2' }),
    );
  });

  it('a loan not in the pool, and the pool loan it replaced', async () => {
    const rows = table();
    set(rows, 4, 'loan_id', 'X9');
    const error = await refusal(rows);
    expect(error.details).toContainEqual(
      expect.objectContaining({ row: 4, field: 'loan_id', message: 'loan X9 is not in the pool' }),
    );
    expect(error.details).toContainEqual(
      expect.objectContaining({ message: 'loan D1 of the pool is missing' }),
    );
  });

  it('a balance that does not roll forward', async () => {
    const rows = table();
    set(rows, 2, 'ending_balance', '99932.92');
    set(rows, 2, 'unpaid_principal_balance', '99932.92');
    set(rows, 6, 'ending_balance', '249850.99');
    set(rows, 6, 'unpaid_principal_balance', '249932.92');
    const error = await refusal(rows);
    expect(error.details).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'ending_balance',
        expected: '99932.91',
        got: '99932.92',
      }),
    ]);
    expect(error.message).toMatch(/row 2, field ending_balance: loan F1: does not roll forward/);
  });

  it("a beginning balance that is not the loan's previous ending balance", async () => {
    const positions = new Map(handPositions);
    positions.set('F1', { ...handPositions.get('F1')!, balance: cents(9_999_999) });
    const error = await refusal(table(), positions);
    expect(error.details).toContainEqual(
      expect.objectContaining({
        row: 2,
        field: 'beginning_balance',
        expected: '99999.99',
        got: '100000.00',
      }),
    );
  });

  it('cash that does not add up: a missed installment not advanced, a wrong remitted amount', async () => {
    const rows = table();
    set(rows, 4, 'pi_advance', '0');
    set(rows, 6, 'pi_advance', '0');
    set(rows, 5, 'remitted', '59958.34');
    const error = await refusal(rows);
    const fields = error.details.map((d) => [d.row, d.field]);
    expect(fields).toContainEqual([4, 'actual_interest']);
    expect(fields).toContainEqual([4, 'remitted']);
    expect(fields).toContainEqual([5, 'remitted']);
  });

  it('a delinquency status that disagrees with the next due date', async () => {
    const rows = table();
    set(rows, 4, 'delinquency_mba', 'current');
    const error = await refusal(rows);
    expect(error.details).toEqual([
      expect.objectContaining({ row: 4, field: 'delinquency_mba', expected: '30', got: 'current' }),
    ]);
  });

  it('a payoff dated outside the collection period, and a charge with no prepayment', async () => {
    const rows = table();
    set(rows, 3, 'payoff_date', '2002-03-02');
    set(rows, 2, 'prepayment_charge', '1.00');
    set(rows, 2, 'remitted', String((73_376 - 4_167 + 100) / 100));
    const error = await refusal(rows);
    const fields = error.details.map((d) => [d.row, d.field]);
    expect(fields).toContainEqual([3, 'payoff_date']);
    expect(fields).toContainEqual([2, 'prepayment_charge']);
  });

  it('a date that is not a distribution date of the deal', async () => {
    const rows = table().map((r, i) =>
      i === 0 ? r : [r[0] === '' ? '' : '2002-03-26', ...r.slice(1)],
    );
    const error = await refusal(rows);
    expect(error.details[0]).toMatchObject({ field: 'distribution_date', got: '2002-03-26' });
  });
});

describe('readRemittance refuses a malformed report', () => {
  it('names the row and field of a bad cell, a missing TOTAL row, a row after it', async () => {
    const rows = table();
    set(rows, 3, 'curtailment', '12.345');
    const bad = async (t: string): Promise<TrusteeError> => {
      try {
        await readRemittance(writeHandFile(`read-${Math.random().toString(36).slice(2)}.csv`, t));
      } catch (error) {
        return error as TrusteeError;
      }
      throw new Error('expected a refusal');
    };
    expect((await bad(text(rows))).details).toEqual([
      expect.objectContaining({ row: 3, field: 'curtailment', got: '12.345' }),
    ]);
    expect((await bad(text(table().slice(0, 5)))).details[0]?.message).toBe('no TOTAL row');
    const after = table();
    after.push([...(after[1] as string[])]);
    expect((await bad(text(after))).details[0]).toMatchObject({
      row: 7,
      message: 'a row after the TOTAL row',
    });
  });
});
