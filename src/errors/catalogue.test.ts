import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogue, formatDetail, TrusteeError } from './catalogue.ts';

describe('the error catalogue', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  it.each(Object.entries(errorCatalogue))(
    'documents %s with its status in docs/errors.md',
    (code, entry) => {
      expect(doc).toMatch(new RegExp(`\\| \`${code}\` \\| ${entry.status} \\|`));
    },
  );
  it('formats details with file, row, field, expected and got', () => {
    expect(
      formatDetail({
        file: 'tape.csv',
        row: 4,
        field: 'noteRate',
        message: 'not a rate',
        expected: 'a decimal',
        got: 'x',
      }),
    ).toBe('  - tape.csv, row 4, field noteRate: not a rate: expected a decimal (got "x")');
    const error = new TrusteeError('UNRECONCILED', 'bad', [
      { field: 'endingPoolBalance', message: 'off' },
    ]);
    expect(error.status).toBe(422);
    expect(error.toJSON()).toEqual({
      code: 'UNRECONCILED',
      message: 'bad',
      details: [{ field: 'endingPoolBalance', message: 'off' }],
    });
  });
});
