import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, trustee } from '../support/cli.ts';

const seed = join(root, '..', 'shared', 'seeds', '8-K_2002-04-25_monthly-distribution-report.txt');
const figures = join(root, '..', 'shared', 'tools', 'figures.py');

const dollars = (text: string): number => Math.round(Number(text.replaceAll(',', '')) * 100);
/** A class's principal on a printed statement (its first row: beginning balance, principal). */
const principalOf = (statement: string, name: string): number =>
  dollars(new RegExp(`^${name} +[\\d,.]+ +([\\d,.]+)$`, 'm').exec(statement)![1]!);
/** The two groups' Principal Remittance Amounts on a statement's LOAN GROUPS section. */
const groupPrincipal = (statement: string): number[] =>
  /^Principal Remittance Amount +([\d,.]+) +([\d,.]+)$/m.exec(statement)!.slice(1).map(dollars);

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

  it('runs the swap example deal (pro rata seniors, ten M classes, a swap and a cap) as data', () => {
    const run = trustee(['distribute', '--deal', 'example-2004-swap', '--date', '2004-07-26']);
    expect(run.status, run.stderr).toBe(0);
    // 8,100,000.00 of principal to the seniors pro rata by balance: A-1's 240/456 of it.
    expect(run.stdout).toMatch(/^A-1 +240,000,000\.00 +4,263,157\.90$/m);
    expect(run.stdout).toMatch(/^M-10 /m);
    // Fixed 4.10% 30/360 on 570,000,000.00 against LIBOR over the 27 days from the closing.
    expect(run.stdout).toMatch(/Fixed Payment Owed by the Trust +1,947,500\.00/);
    expect(run.stdout).toMatch(/Net Swap Payment Paid +1,378,925\.00/);
  });

  it('runs the fixed-rate example deal (AF-1..AF-6 with a NAS class, MF classes, an A-IO) as data', () => {
    const run = trustee(['distribute', '--deal', 'example-2004-fixed', '--date', '2004-04-26']);
    expect(run.status, run.stderr).toBe(0);
    // 30/360 coupons: AF-1 80,000,000.00 x 1.75% / 12; the A-IO 25,000,000.00 x 4.50% / 12.
    expect(run.stdout).toMatch(/^AF-1 +64352XAA0 +116,666\.67 +1\.75000%$/m);
    expect(run.stdout).toMatch(/^A-IO +64352XAK8 +93,750\.00 +4\.50000%$/m);
    // AF-6 is locked out: all the principal remitted (the OC is at its target) goes to AF-1;
    // the totals leave the A-IO out.
    const period = JSON.parse(
      readFileSync(join(root, 'deals/example-2004-fixed/periods/2004-04-26.json'), 'utf8'),
    ) as Record<string, string>;
    const remitted = ['scheduledPrincipal', 'curtailments', 'paymentsInFull']
      .map((k) => Math.round(Number(period[k]) * 100))
      .reduce((a, b) => a + b, 0);
    const shown = (remitted / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(remitted).toBeGreaterThan(0);
    expect(run.stdout).toContain(`AF-1               80,000,000.00${shown.padStart(18)}`);
    expect(run.stdout).toMatch(
      new RegExp(`^Total +250,000,000\\.00 +${shown.replace('.', '\\.')}$`, 'm'),
    );
  });

  it('runs the two-group example deal (A-1 from group I, A-2 from group II, an A-IO) as data', () => {
    const run = trustee(['distribute', '--deal', 'example-2002-groups', '--date', '2002-08-26']);
    expect(run.status, run.stderr).toBe(0);
    const principal = (name: string): number => principalOf(run.stdout, name);
    const [groupI, groupII] = groupPrincipal(run.stdout);
    // Each senior takes its own group's Principal Remittance Amount and its share of the
    // 14,600.00 Extra Principal Distribution Amount that brings the OC (2,398,900.00 at
    // closing) to its 2,413,500.00 target.
    expect(principal('A-1')).toBeGreaterThan(groupI!);
    expect(principal('A-2')).toBeGreaterThan(groupII!);
    expect(principal('A-1') + principal('A-2')).toBe(groupI! + groupII! + 14_600_00);
    // Interest at LIBOR 1.81% + 0.33% on 291,000,000.00 for the 27 days from the closing; the
    // A-IO 6.00% 30/360 on its 48,272,000.00 notional.
    expect(run.stdout).toMatch(/^A-1 +04542BAA0 +467,055\.00 +2\.14000%$/m);
    expect(run.stdout).toMatch(/^A-IO +04542BAC6 +241,360\.00 +6\.00000%$/m);
    expect(run.stdout).toMatch(/^LOAN GROUPS$/m);
  });

  it('runs the two-group swap deal (A-2A..A-2D pro rata from group II, a swap) as data', () => {
    const run = trustee([
      'distribute',
      '--deal',
      'example-2004-groups-swap',
      '--date',
      '2004-09-27',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const principal = (name: string): number => principalOf(run.stdout, name);
    const [groupI, groupII] = groupPrincipal(run.stdout);
    // No OC to build or release at closing: A-1 takes group I's principal, the A-2s group II's
    // pro rata by balance (160 : 80 : 70 : 47.2 millions), within the cents of the split.
    expect(principal('A-1')).toBe(groupI);
    const twos = ['A-2A', 'A-2B', 'A-2C', 'A-2D'].map(principal);
    expect(twos.reduce((a, b) => a + b, 0)).toBe(groupII);
    [160, 80, 70, 47.2].forEach((millions, i) =>
      expect(Math.abs(twos[i]! - (groupII! * millions) / 357.2)).toBeLessThanOrEqual(1),
    );
    // Fixed 4.10% 30/360 on the 760,000,000.00 notional (570,000,000.00 x 800 / 600).
    expect(run.stdout).toMatch(/Fixed Payment Owed by the Trust +2,596,666\.67/);
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
