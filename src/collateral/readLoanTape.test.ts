import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrusteeError } from '../errors/catalogue.ts';
import { readLoanTape } from './readLoanTape.ts';
import { armLoan, fixedLoan } from './testLoans.ts';
import { writeLoanTape } from './writeLoanTape.ts';

const dir = mkdtempSync(join(tmpdir(), 'tape-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const good = writeLoanTape([fixedLoan, armLoan]);
const [header = '', fixedRow = '', armRow = ''] = good.trimEnd().split('\n');

async function failure(path: string): Promise<TrusteeError> {
  try {
    await readLoanTape(path);
  } catch (error) {
    if (error instanceof TrusteeError) return error;
    throw error;
  }
  throw new Error('expected the tape to be refused');
}

describe('readLoanTape', () => {
  it('reads back what writeLoanTape wrote, typed, balances in cents', async () => {
    const loans = await readLoanTape(write('good.csv', good));
    expect(loans).toEqual([fixedLoan, armLoan]);
  });

  it('names file, row, column and what was expected; yields no loans', async () => {
    const bad = fixedRow.replace(',8.000,', ',8.0a,');
    const path = write('bad-rate.csv', `${header}\n${bad}\n${armRow}\n`);
    const error = await failure(path);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toContainEqual(
      expect.objectContaining({ file: path, row: 2, field: 'note_rate', got: '8.0a' }),
    );
    expect(error.details[0]?.expected).toMatch(/percentage/);
  });

  it('checks cells against each other: ARM fields on a fixed loan, terms and dates', async () => {
    const armOnFixed = fixedRow.replace('fixed,,', 'fixed,6M-LIBOR,');
    const wrongTerm = armRow.replace(',360,360,full,', ',360,358,full,');
    const error = await failure(write('cross.csv', `${header}\n${armOnFixed}\n${wrongTerm}\n`));
    expect(error.details).toContainEqual(expect.objectContaining({ row: 2, field: 'index' }));
    expect(error.details).toContainEqual(
      expect.objectContaining({ row: 3, field: 'remaining_term', expected: '360', got: 358 }),
    );
  });

  it('refuses a loan given twice, naming the first row', async () => {
    const error = await failure(write('dup.csv', `${header}\n${fixedRow}\n${fixedRow}\n`));
    expect(error.details).toEqual([
      expect.objectContaining({ row: 3, field: 'loan_id', message: 'loan F1 is also on row 2' }),
    ]);
  });

  it('refuses a header with a missing or unknown column, and an empty file', async () => {
    const error = await failure(
      write('hdr.csv', `${header.replace('fico', 'credit_score')}\n${fixedRow}\n`),
    );
    expect(error.details.map((d) => [d.row, d.field, d.message])).toEqual([
      [1, 'fico', 'missing column'],
      [1, 'credit_score', 'unknown column'],
    ]);
    const misspelt = await failure(
      write('typo.csv', `${header.replace('periodic_cap', 'periodic_caps')}\n${fixedRow}\n`),
    );
    expect(misspelt.details[1]).toMatchObject({
      row: 1,
      field: 'periodic_caps',
      expected: 'a loan tape column (did you mean "periodic_cap"?)',
    });
    expect((await failure(write('empty.csv', ''))).message).toMatch(/empty/);
    expect((await failure(write('header-only.csv', `${header}\n`))).details[0]?.message).toBe(
      'no loans',
    );
  });

  it('reports a file that cannot be read', async () => {
    const error = await failure(join(dir, 'missing.csv'));
    expect(error.details[0]?.expected).toMatch(/readable loan tape/);
  });
});
