import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, trustee } from '../support/cli.ts';

const seed = join(root, '..', 'shared', 'seeds', '8-K_2002-04-25_monthly-distribution-report.txt');
const figures = join(root, '..', 'shared', 'tools', 'figures.py');

describe('trustee distribute (end to end through the CLI)', () => {
  it('prints the April 2002 statement with every figure of the seed', () => {
    const run = trustee(['distribute', '--deal', 'nchet-2002-1', '--date', '2002-04-25']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('STATEMENT TO CERTIFICATEHOLDERS');
    const out = join(mkdtempSync(join(tmpdir(), 'trustee-')), 'april.txt');
    writeFileSync(out, run.stdout);
    const result = execFileSync(
      'python3',
      [figures, seed, out, '--from', 'STATEMENT TO CERTIFICATEHOLDERS', '--until', 'SIGNATURES'],
      { encoding: 'utf8' },
    );
    expect(result.trim().split('\n').at(-1)).toBe('119 of 119 figures found');
  });

  it('prints JSON with the figures and the audit trace', () => {
    const run = trustee([
      'distribute',
      '--deal',
      'nchet-2002-1',
      '--date',
      '2002-04-25',
      '--format',
      'json',
    ]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    const a = json.certificates.rows.find((r: { class: string }) => r.class === 'A');
    expect(a.interest).toEqual({ cents: 30657350, dollars: '306,573.50' });
    expect(a.principal.cents).toBe(13864332);
    const text = JSON.stringify(json);
    expect(text).toContain('942,980.71');
    expect(text).toContain('Net Monthly Excess Cashflow');
  });

  it('prints CSV and the Form 8-K, and writes to a file', () => {
    const csv = trustee([
      'distribute',
      '--deal',
      'nchet-2002-1',
      '--date',
      '2002-04-25',
      '--format',
      'csv',
    ]);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toMatch(/306573\.50|306,573\.50/);
    const form = trustee([
      'distribute',
      '--deal',
      'nchet-2002-1',
      '--date',
      '2002-04-25',
      '--format',
      '8k',
    ]);
    expect(form.stdout).toContain('Form 8-K');
    expect(form.stdout).toContain('STATEMENT TO CERTIFICATEHOLDERS');
    const dir = mkdtempSync(join(tmpdir(), 'trustee-'));
    const written = trustee([
      'distribute',
      '--deal',
      'nchet-2002-1',
      '--date',
      '2002-04-25',
      '--out',
      join(dir, 's.txt'),
    ]);
    expect(written.status).toBe(0);
    expect(readFileSync(join(dir, 's.txt'), 'utf8')).toContain('160,231,105.03');
  });

  it('runs the second example deal with no code change', () => {
    const run = trustee(['distribute', '--deal', 'example-2003-6m', '--date', '2003-04-25']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('M-6');
  });

  it('explains bad input and exits 2', () => {
    const unknown = trustee(['distribute', '--deal', 'nope', '--date', '2002-04-25']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('UNKNOWN_DEAL');
    const badDate = trustee(['distribute', '--deal', 'nchet-2002-1', '--date', '2002-04-26']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/NOT_A_DISTRIBUTION_DATE.*not a distribution date/);
    const dir = mkdtempSync(join(tmpdir(), 'trustee-'));
    const totals = JSON.parse(
      readFileSync(join(root, 'deals/nchet-2002-1/periods/2002-04-25.json'), 'utf8'),
    );
    totals.endingPoolBalance = '197974200.00';
    delete totals.scheduledPrincipal;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(totals));
    const bad = trustee([
      'distribute',
      '--deal',
      'nchet-2002-1',
      '--date',
      '2002-04-25',
      '--totals',
      join(dir, 'bad.json'),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('INVALID_INPUT');
    expect(bad.stderr).toContain('bad.json');
    expect(bad.stderr).toContain('scheduledPrincipal');
  });

  it('has help text', () => {
    const help = trustee(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('distribute');
    const sub = trustee(['distribute', '--help']);
    expect(sub.stdout).toContain('--totals');
  });
});
