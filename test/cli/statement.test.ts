import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, trustee } from '../support/cli.ts';

describe('trustee statement: stored statements show their version', () => {
  it('prints version 2 of a corrected date with who and why, and version 1 as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustee-statement-'));
    const db = join(dir, 't.sqlite');
    const april = ['--deal', 'nchet-2002-1', '--date', '2002-04-25', '--db', db];
    const alice = { env: { TRUSTEE_ACTOR: 'alice' } };
    expect(trustee(['close', ...april], alice).status).toBe(0);

    // The servicer restates April: 10,000.00 less interest collected.
    const totals = JSON.parse(
      readFileSync(join(root, 'deals/nchet-2002-1/periods/2002-04-25.json'), 'utf8'),
    );
    totals.interestCollected = '1419737.83';
    const restated = join(dir, 'restated.json');
    writeFileSync(restated, JSON.stringify(totals));
    const refused = trustee(['close', ...april, '--totals', restated], alice);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('CLOSED_DATE');
    const corrected = trustee(
      [
        'close',
        ...april,
        '--totals',
        restated,
        '--correct',
        '--reason',
        'servicer restated interest',
      ],
      {
        env: { TRUSTEE_ACTOR: 'bob' },
      },
    );
    expect(corrected.status).toBe(0);

    const latest = trustee(['statement', ...april]);
    expect(latest.status).toBe(0);
    expect(latest.stdout).toMatch(
      /Version 2 \(corrected \d{4}-\d{2}-\d{2} by bob: servicer restated interest\)/,
    );
    expect(latest.stdout).toContain('932,980.71'); // CE bears the 10,000.00
    // The classes as filed (A, M-1..M-4, CE, P, R), not as the store's sorted JSON has them.
    const rows = latest.stdout.split('\n').map((line) => line.split(/\s+/)[0]);
    const firstTable = rows.slice(rows.indexOf('A'), rows.indexOf('Total'));
    expect(firstTable).toEqual(['A', 'M-1', 'M-2', 'M-3', 'M-4', 'CE', 'P']);
    const first = trustee(['statement', ...april, '--version-number', '1']);
    expect(first.stdout).toContain('Version 1');
    expect(first.stdout).toContain('942,980.71');

    const missing = trustee([
      'statement',
      '--deal',
      'nchet-2002-1',
      '--date',
      '2002-05-28',
      '--db',
      db,
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('NO_DISTRIBUTION');
  });
});
