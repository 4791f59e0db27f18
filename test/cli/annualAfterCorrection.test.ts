import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeDigest } from '../support/storeDigest.ts';
import { root, trustee } from '../support/cli.ts';

const deal = ['--deal', 'nchet-2002-1'];

/** The year's interest of a class, in cents, from `trustee annual --format json`. */
function annualInterest(json: string, className: string): number {
  const summary = JSON.parse(json) as {
    certificates: { rows: { class: string; interest: { cents: number } }[] };
  };
  return summary.certificates.rows.find((r) => r.class === className)!.interest.cents;
}

describe('trustee annual reads the stored inputs of the closed dates (issue 10, 5)', () => {
  it("after the README's correction of April, annual --year 2002 succeeds with the corrected April", () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustee-annual-corrected-'));
    const db = join(dir, 't.sqlite');
    const restated = join(dir, 'restated.json');
    const april = JSON.parse(
      readFileSync(join(root, 'deals/nchet-2002-1/periods/2002-04-25.json'), 'utf8'),
    ) as Record<string, unknown>;
    writeFileSync(restated, JSON.stringify({ ...april, interestCollected: '1429837.83' }));

    const plain = join(dir, 'plain.sqlite');
    const uncorrected = trustee([
      'annual',
      ...deal,
      '--year',
      '2002',
      '--db',
      plain,
      '--format',
      'json',
    ]);
    expect(uncorrected.status).toBe(0);

    for (const date of ['2002-03-25', '2002-04-25'])
      expect(trustee(['close', ...deal, '--date', date, '--db', db]).status).toBe(0);
    const correction = trustee([
      'close',
      ...deal,
      '--date',
      '2002-04-25',
      '--db',
      db,
      '--totals',
      restated,
      '--correct',
      '--reason',
      'servicer restated interest',
    ]);
    expect(correction.stderr).toBe('');
    expect(correction.status).toBe(0);

    const year = trustee(['annual', ...deal, '--year', '2002', '--db', db, '--format', 'json']);
    expect(year.stderr).not.toContain('CLOSED_DATE');
    expect(year.status).toBe(0);
    expect(year.stderr.match(/^reused /gm)).toHaveLength(2);
    expect(year.stderr.match(/^closed /gm)).toHaveLength(8);
    // The restated 100.00 of interest is excess cashflow: CE's year has it, A's does not change.
    expect(annualInterest(year.stdout, 'CE') - annualInterest(uncorrected.stdout, 'CE')).toBe(
      100_00,
    );
    expect(annualInterest(year.stdout, 'A')).toBe(annualInterest(uncorrected.stdout, 'A'));

    const tenK = trustee(['annual', ...deal, '--year', '2002', '--db', db]);
    expect(tenK.status).toBe(0);
    expect(tenK.stdout).toContain('FORM 10-K');
  });

  it('annual --year 2003 (past the shipped data) fails before closing anything', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'trustee-annual-2003-')), 't.sqlite');
    expect(trustee(['close', ...deal, '--date', '2002-03-25', '--db', db]).status).toBe(0);
    const before = await storeDigest(db);
    const run = trustee(['annual', ...deal, '--year', '2003', '--db', db]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('NOT_FOUND');
    expect(run.stderr).toContain('2003-01-27');
    expect(run.stderr).not.toMatch(/^closed /m);
    expect(await storeDigest(db)).toBe(before);
  });
});
