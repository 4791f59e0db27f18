import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealsDirectory } from '../../src/deal/builtIn.ts';
import { trustee } from '../support/cli.ts';

/** Each run in its own working directory (var/trustee.sqlite is relative), TRUSTEE_DB unset. */
const env = { TRUSTEE_DB: undefined, TRUSTEE_ACTOR: 'test' };
const scenario = ['--cpr', '25', '--cdr', '5', '--severity', '40', '--no-breakeven'];
const project = (cwd: string, ...args: string[]) =>
  trustee(['project', '--deal', 'nchet-2002-1', ...scenario, ...args], { cwd, env });

describe('trustee project starts from the store', () => {
  const dirs: string[] = [];
  const dir = () => {
    const made = mkdtempSync(join(tmpdir(), 'trustee-project-store-'));
    dirs.push(made);
    return made;
  };
  let year: string;
  beforeAll(() => {
    year = dir();
    const annual = trustee(['annual', '--deal', 'nchet-2002-1', '--year', '2002'], {
      cwd: year,
      env,
    });
    expect(annual.status, annual.stderr).toBe(0);
  }, 120_000);
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('after the annual run: after 2002-12-26, with the loans of the stored remittance rows', () => {
    const r = project(year);
    expect(r.status, r.stderr).toBe(0);
    const head = r.stdout.split('\n');
    expect(head.slice(1, 4)).toEqual([
      'start: after distribution 10 (2002-12-26), pool 172244554.16, 509 loans',
      `state: the store ${join(year, 'var/trustee.sqlite')} (2002-12-26, version 1)`,
      expect.stringMatching(
        /^loans: 509 loans as of 2002-12-26 from the store's remittance rows; \d+ in foreclosure or REO, liquidated in month 1; \d+ delinquent or in bankruptcy, projected as performing$/,
      ),
    ]);
    // Class A starts at its balance after December 2002.
    expect(head.find((l) => l.startsWith('A '))).toMatch(/^A +134,501,458\.37 /);
    expect(r.stderr).toBe('');
  });

  it('--after starts after an earlier closed date, to compare with the month that came', () => {
    const r = project(
      year,
      '--after',
      '2002-11-25',
      '--horizon',
      '1',
      '--pool',
      '--format',
      'json',
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      start: string;
      loans: string;
      months: number;
      pool: { date: string }[];
    };
    expect(out.start).toBe('after distribution 9 (2002-11-25), pool 177522359.55, 525 loans');
    expect(out.loans).toMatch(/^525 loans as of 2002-11-25 from the store's remittance rows/);
    expect(out.months).toBe(1);
    expect(out.pool[0]!.date).toBe('2002-12-26');

    // --compare: the projection against the distributions closed after the start.
    const compared = project(
      year,
      ...['--after', '2002-10-25', '--horizon', '2', '--compare', '--format', 'json'],
    );
    expect(compared.status, compared.stderr).toBe(0);
    const { backtest } = JSON.parse(compared.stdout) as {
      backtest: { date: string; pool_actual: number; pool_projected: number; A_actual: number }[];
    };
    expect(backtest.map((row) => [row.date, row.pool_actual])).toEqual([
      ['2002-11-25', 177522359.55],
      ['2002-12-26', 172244554.16],
    ]);
    expect(backtest[1]!.A_actual).toBe(134501458.37);
    // 25 CPR, 5 CDR and the loans in foreclosure liquidated at once: faster than what came.
    expect(backtest[0]!.pool_projected).toBeLessThan(backtest[0]!.pool_actual);
    const nothingLater = project(year, '--compare');
    expect(nothingLater.status).toBe(2);
    expect(nothingLater.stderr).toContain('--compare has no later distributions to compare with');

    const missing = project(year, '--after', '2002-11-24');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('NOT_FOUND: nchet-2002-1: 2002-11-24 is not closed');
    expect(missing.stderr).toContain('expected one of the closed dates: 2002-03-25,');
  });

  it('reads a store named by --db, and --state overrides it', () => {
    const elsewhere = dir();
    const db = join(year, 'var/trustee.sqlite');
    const named = project(elsewhere, '--db', db);
    expect(named.stdout).toContain('start: after distribution 10 (2002-12-26)');
    const file = `${dealsDirectory}nchet-2002-1/state-2002-03-25.json`;
    const state = project(elsewhere, '--db', db, '--state', file);
    expect(state.status, state.stderr).toBe(0);
    expect(state.stdout).toContain('start: after distribution 1 (2002-03-25)');
    expect(state.stdout).toContain(`state: ${file}\n`);
    expect(state.stdout).toContain('loans: 588 rows: the cut-off tape aged 1 payment and scaled');
  });

  it('ages the cut-off tape when the latest closed date has period totals only', () => {
    const april = dir();
    for (const date of ['2002-03-25', '2002-04-25']) {
      const closed = trustee(['close', '--deal', 'nchet-2002-1', '--date', date], {
        cwd: april,
        env,
      });
      expect(closed.status, closed.stderr).toBe(0);
    }
    const r = project(april);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('start: after distribution 2 (2002-04-25), pool 197974200.82');
    expect(r.stdout).toContain(
      'loans: 588 rows: the cut-off tape aged 2 payments and scaled to the pool (2002-04-25 was closed from period totals, without loan lines)',
    );
  });

  it('refuses a --db that does not exist, and creates nothing', () => {
    const empty = dir();
    const r = project(empty, '--db', 'nowhere.sqlite');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('STORE_UNAVAILABLE: no store at nowhere.sqlite');
    expect(existsSync(join(empty, 'nowhere.sqlite'))).toBe(false);
    expect(project(empty).stdout).toContain('state: the files of deals/nchet-2002-1\n');
    expect(existsSync(join(empty, 'var'))).toBe(false);
  });
});
