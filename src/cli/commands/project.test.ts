import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const node = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/trustee.ts', import.meta.url));
const examples = fileURLToPath(new URL('../../projection/examples/', import.meta.url));
const run = promisify(execFile);

/** No store: a working directory without var/trustee.sqlite and no TRUSTEE_DB (the deal's files). */
const noStore = {
  cwd: mkdtempSync(join(tmpdir(), 'trustee-project-')),
  env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'TRUSTEE_DB')),
};

async function trustee(...args: string[]) {
  try {
    const command = [bin, 'project', '--deal', 'nchet-2002-1', ...args];
    const { stdout, stderr } = await run(node, command, noStore);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('trustee project', () => {
  it('prints the class summary with WAL, window, yield, losses and breakeven', async () => {
    const r = await trustee('--cpr', '25', '--cdr', '5', '--severity', '40');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('start: after distribution 2 (2002-04-25), pool 197974200.82');
    expect(r.stdout).toContain('state: the files of deals/nchet-2002-1\n');
    expect(r.stdout).toContain('loans: 588 rows: the cut-off tape aged 2 payments and scaled');
    expect(r.stdout).toContain('scenario: CPR 25, CDR 5, severity 40');
    const header = r.stdout.split('\n').find((l) => l.startsWith('class'))!;
    for (const column of [
      'wal_years',
      'window_start',
      'yield_pct',
      'principal_loss',
      'breakeven_cdr',
    ])
      expect(header).toContain(column);
    for (const name of ['A ', 'M-1', 'M-2', 'M-3', 'M-4'])
      expect(r.stdout.split('\n').some((l) => l.startsWith(name))).toBe(true);
    expect(r.stderr).toBe('');
  }, 60_000);

  it('writes CSV and JSON, with a class cash-flow table', async () => {
    const csv = await trustee(
      '--cpr',
      '30',
      '--call',
      '--no-breakeven',
      '--cash-flows',
      'A',
      '--format',
      'csv',
    );
    expect(csv.code).toBe(0);
    const [summary, flows] = csv.stdout.split('\n# ').map((block) => block.replace(/^# .*\n/, ''));
    const rows = parse(summary!, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.class)).toEqual(['A', 'M-1', 'M-2', 'M-3', 'M-4']);
    const cash = parse(flows!.replace(/^.*\n/, ''), { columns: true }) as Record<string, string>[];
    expect(cash[0]!.date).toBe('2002-05-28');
    const paid = cash.reduce((s, r) => s + Number(r.principal), 0);
    expect(paid).toBeCloseTo(160231105.03, 2);

    const json = await trustee('--cpr', '30', '--no-breakeven', '--format', 'json', '--pool');
    const body = JSON.parse(json.stdout) as { classes: { class: string }[]; pool: unknown[] };
    expect(body.classes).toHaveLength(5);
    expect(body.pool.length).toBeGreaterThan(100);
  }, 60_000);

  it('runs a scenario file and a grid file', async () => {
    const s = await trustee('--scenario', join(examples, 'scenario.json'), '--no-breakeven');
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('scenario: base case, to call');
    const dir = mkdtempSync(join(tmpdir(), 'trustee-project-'));
    const grid = join(dir, 'grid.json');
    writeFileSync(
      grid,
      JSON.stringify({ vary: { 'prepayment.cpr': [10, 40], 'default.cdr': [0, 8] } }),
    );
    const g = await trustee('--grid', grid, '--format', 'csv');
    expect(g.code).toBe(0);
    const rows = parse(g.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.scenario)).toEqual([
      'prepayment.cpr=10 default.cdr=0',
      'prepayment.cpr=10 default.cdr=8',
      'prepayment.cpr=40 default.cdr=0',
      'prepayment.cpr=40 default.cdr=8',
    ]);
    expect(Number(rows[2]!.A_wal)).toBeLessThan(Number(rows[0]!.A_wal));
  }, 60_000);

  it('names the field of a bad scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustee-project-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ prepayment: { cpr: 250 } }));
    const r = await trustee('--scenario', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('INVALID_SCENARIO');
    expect(r.stderr).toContain('field prepayment.cpr');
  }, 60_000);
});
