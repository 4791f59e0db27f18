import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors/catalogue.ts';
import { root, trustee } from '../support/cli.ts';
import { storeDigest } from '../support/storeDigest.ts';

/**
 * The bad-input catalogue for the store: store URLs and start-up, the deal a store is bound to
 * and its amendments, and the flags of close, correct and annual. Each case runs `trustee` as a
 * user would (a process of its own) against a store with March and April 2002 closed, and
 * checks the exit code (2), the error code, the file and field it names, that no stack trace
 * is printed, and that the store's content is what it was (a digest before and after).
 */

const dir = mkdtempSync(join(tmpdir(), 'trustee-bad-store-'));
chmodSync(dir, 0o755); // the read-only cases run as another user, who must reach the files
const db = join(dir, 'trustee.sqlite');
const dealText = readFileSync(join(root, 'deals/nchet-2002-1.json'), 'utf8');
const aprilText = readFileSync(join(root, 'deals/nchet-2002-1/periods/2002-04-25.json'), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, edited freely
type Json = Record<string, any>;

/** Writes a file of the case into the temporary folder; returns its path. */
function file(name: string, content: string | Json): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** The 2002-1 deal file changed by `edit`, as a file of its own. */
function dealFile(name: string, edit: (d: Json) => void): string {
  const d = JSON.parse(dealText) as Json;
  edit(d);
  return file(name, d);
}

/** April's totals as May's: enough to reach the store's checks. */
const mayTotals = () =>
  file('may-totals.json', { ...(JSON.parse(aprilText) as Json), distributionDate: '2002-05-28' });
const amendedM3 = () => dealFile('m3.json', (d) => (d['classes']['M-3'].margin = 0.025));
const deal = ['--deal', 'nchet-2002-1'];
const amend = (...more: string[]) => [
  'deal',
  'amend',
  ...deal,
  '--db',
  db,
  '--reason',
  'first supplemental indenture',
  '--by',
  'carol',
  ...more,
];

interface Refusal {
  readonly code: ErrorCode;
  /** The field the error names (a detail's "field X"); none for a missing file. */
  readonly field?: string;
  /** A file the error names. */
  readonly file?: string;
  /** A phrase the message or details contain. */
  readonly says?: string;
}

/** Checks the CLI's refusal: exit 2, the code, the field and file named, no stack trace. */
function expectRefusal(run: { status: number | null; stderr: string }, expected: Refusal): void {
  expect(run.stderr).toMatch(new RegExp(`^trustee: ${expected.code}: `, 'm'));
  expect(run.status).toBe(2);
  if (expected.field) expect(run.stderr).toContain(`field ${expected.field}`);
  if (expected.file) expect(run.stderr).toContain(expected.file);
  if (expected.says) expect(run.stderr).toContain(expected.says);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** Runs `trustee argv` and checks the refusal, with the store's digest before and after. */
async function refused(
  argv: string[],
  expected: Refusal,
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<string> {
  const before = await storeDigest(db);
  const run = trustee(argv, options);
  expectRefusal(run, expected);
  expect(await storeDigest(db)).toBe(before);
  return run.stderr;
}

/** Runs `trustee` as the unprivileged user `nobody` when the tests run as root (root writes anything). */
function trusteeAsUser(args: readonly string[]): { status: number | null; stderr: string } {
  const asRoot = process.getuid?.() === 0;
  const run = spawnSync(`${root}node_modules/.bin/node`, [`${root}bin/trustee.ts`, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TRUSTEE_ACTOR: 'tester' },
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { status: run.status, stderr: run.stderr };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
  for (const date of ['2002-03-25', '2002-04-25']) {
    const run = trustee(['close', ...deal, '--date', date, '--db', db, '--actor', 'alice']);
    expect(run.stderr).toBe('');
  }
}, 120_000);

describe('bad store locations and start-up: STORE_UNAVAILABLE with the reason', () => {
  it('1. --db mysql://root@h/x is refused and creates nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'trustee-mysql-'));
    await refused(
      ['close', ...deal, '--date', '2002-03-25', '--db', 'mysql://root@h/x'],
      { code: 'STORE_UNAVAILABLE', field: 'db', says: 'postgres://user@host:5432/db' },
      { cwd },
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('2. --db http://... on history (a listing) is refused, not "no closed dates"', async () => {
    await refused(['history', ...deal, '--db', 'http://example.com/trustee.sqlite'], {
      code: 'STORE_UNAVAILABLE',
      field: 'db',
      says: 'trustee has no http backend',
    });
  });

  it('3. TRUSTEE_DB=sqlite://x.db (the environment, not --db) is refused', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'trustee-env-'));
    await refused(
      ['annual', ...deal, '--year', '2002'],
      { code: 'STORE_UNAVAILABLE', field: 'db', says: 'sqlite://x.db' },
      { cwd, env: { TRUSTEE_DB: 'sqlite://x.db' } },
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('4. a file: URL naming another host is refused', async () => {
    await refused(['history', ...deal, '--db', 'file://fileserver/trustee.sqlite'], {
      code: 'STORE_UNAVAILABLE',
      field: 'db',
    });
  });

  it('5. --db naming a folder', async () => {
    await refused(['close', ...deal, '--date', '2002-03-25', '--db', dir], {
      code: 'STORE_UNAVAILABLE',
      field: 'db',
      file: dir,
      says: 'is a folder',
    });
  });

  it('6. --db under a file (its "folder" is a file)', async () => {
    await refused(['close', ...deal, '--date', '2002-03-25', '--db', join(db, 'x.sqlite')], {
      code: 'STORE_UNAVAILABLE',
      field: 'db',
      says: `${db} is a file, not a folder`,
    });
  });

  it('7. a file that is not a SQLite database is left as it was', async () => {
    const text = file('notes.sqlite', 'not a database\n');
    const before = sha(text);
    const run = trustee(['close', ...deal, '--date', '2002-03-25', '--db', text]);
    expectRefusal(run, { code: 'STORE_UNAVAILABLE', field: 'migrations', file: text });
    expect(sha(text)).toBe(before);
  });

  it('8. a PostgreSQL server that cannot be reached', async () => {
    await refused(['history', ...deal, '--db', 'postgres://postgres@127.0.0.1:1/trustee'], {
      code: 'STORE_UNAVAILABLE',
      field: 'db',
      says: 'ECONNREFUSED',
    });
  });

  it('9. a PostgreSQL ?schema= that is not an identifier', async () => {
    await refused(
      ['history', ...deal, '--db', 'postgres://postgres@127.0.0.1:5432/test?schema=x;drop'],
      { code: 'INVALID_INPUT', field: 'db', says: 'a SQL identifier' },
    );
  });

  it('10. a read-only store file: a write is refused with the reason, exit 2; reading works', async () => {
    const readOnly = join(dir, 'readonly.sqlite');
    writeFileSync(readOnly, readFileSync(db));
    chmodSync(readOnly, 0o444);
    const before = await storeDigest(readOnly);
    const argv = amend('--file', amendedM3(), '--from', '2002-05-28');
    argv[argv.indexOf('--db') + 1] = readOnly;
    const run = trusteeAsUser(argv);
    expectRefusal(run, {
      code: 'STORE_UNAVAILABLE',
      field: 'db',
      file: readOnly,
      says: `the file ${readOnly} is read-only`,
    });
    expect(await storeDigest(readOnly)).toBe(before);
    expect(trusteeAsUser(['history', ...deal, '--db', readOnly]).status).toBe(0);
  });

  it('11. a new store in a read-only folder', async () => {
    const folder = join(dir, 'locked');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const run = trusteeAsUser([
      'close',
      ...deal,
      '--date',
      '2002-03-25',
      '--db',
      join(folder, 'new.sqlite'),
    ]);
    expectRefusal(run, {
      code: 'STORE_UNAVAILABLE',
      field: 'db',
      says: `the folder ${folder} is read-only`,
    });
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('the store bound to its deal: DEAL_CHANGED, naming the file and each term', () => {
  it('12. closing May with another M-3 margin (issue 10, 4)', async () => {
    const m3 = amendedM3();
    await refused(
      ['close', '--deal', m3, '--date', '2002-05-28', '--db', db, '--totals', mayTotals()],
      {
        code: 'DEAL_CHANGED',
        field: 'classes.M-3.margin',
        file: m3,
        says: 'expected 0.02 (got 0.025)',
      },
    );
  });

  it('13. correcting April with other terms: a closed date keeps its terms', async () => {
    const m3 = amendedM3();
    await refused(
      [
        'close',
        '--deal',
        m3,
        '--date',
        '2002-04-25',
        '--db',
        db,
        '--correct',
        '--reason',
        'new margin',
      ],
      { code: 'DEAL_CHANGED', field: 'classes.M-3.margin', file: m3 },
    );
  });

  it('14. annual --year 2002 with other terms closes nothing', async () => {
    const m3 = amendedM3();
    const stderr = await refused(['annual', '--deal', m3, '--year', '2002', '--db', db], {
      code: 'DEAL_CHANGED',
      field: 'classes.M-3.margin',
      file: m3,
    });
    expect(stderr).not.toMatch(/^closed /m);
  });

  it('15. closing April again with a changed trustee fee names that term, not CLOSED_DATE', async () => {
    const fee = dealFile('fee.json', (d) => (d['fees']['trustee'].rate = 0.0002));
    await refused(['close', '--deal', fee, '--date', '2002-04-25', '--db', db], {
      code: 'DEAL_CHANGED',
      field: 'fees.trustee.rate',
      file: fee,
    });
  });
});

describe('deal amendments refused', () => {
  it('16. from a closed date (an amendment cannot rewrite history)', async () => {
    await refused(amend('--file', amendedM3(), '--from', '2002-04-25'), {
      code: 'CLOSED_DATE',
      field: '--from',
      says: 'a distribution date after 2002-04-25',
    });
  });

  it('17. from a day that is not a distribution date', async () => {
    await refused(amend('--file', amendedM3(), '--from', '2002-05-25'), {
      code: 'NOT_A_DISTRIBUTION_DATE',
      field: '--from',
      says: '2002-05-28',
    });
  });

  it('18. --from that is not a date', async () => {
    await refused(amend('--file', amendedM3(), '--from', '28.05.2002'), {
      code: 'INVALID_INPUT',
      field: '--from',
    });
  });

  it('19. a blank --reason', async () => {
    const argv = amend('--file', amendedM3(), '--from', '2002-05-28');
    argv[argv.indexOf('--reason') + 1] = '  ';
    await refused(argv, { code: 'INVALID_INPUT', field: '--reason' });
  });

  it("20. another deal's file", async () => {
    const other = join(root, 'deals/example-2003-6m.json');
    await refused(amend('--file', other, '--from', '2002-05-28'), {
      code: 'INVALID_INPUT',
      field: 'id',
      file: other,
    });
  });

  it('21. a change of a term that fixes the history (the cut-off loan count)', async () => {
    const cutoff = dealFile('cutoff.json', (d) => (d['collateral'].cutoffLoanCount = 589));
    await refused(amend('--file', cutoff, '--from', '2002-05-28'), {
      code: 'DEAL_CHANGED',
      field: 'collateral.cutoffLoanCount',
      file: cutoff,
    });
  });

  it('22. a store that does not exist is not created', async () => {
    const missing = join(dir, 'missing.sqlite');
    const argv = amend('--file', amendedM3(), '--from', '2002-05-28');
    argv[argv.indexOf('--db') + 1] = missing;
    await refused(argv, { code: 'NO_DISTRIBUTION', field: '--db' });
    expect(existsSync(missing)).toBe(false);
  });
});

describe('close, correct and annual flags', () => {
  it('23. annual --year 2003 (past the deal data) fails before closing anything', async () => {
    // The 2002 dates after April come from the servicer's reports; 2003 has neither file.
    const stderr = await refused(['annual', ...deal, '--year', '2003', '--db', db], {
      code: 'NOT_FOUND',
      file: 'remittances/2003-01-27.csv',
      says: 'periods/2003-01-27.json',
    });
    expect(stderr).not.toMatch(/^closed /m);
  });

  it('24. annual --year abc', async () => {
    await refused(['annual', ...deal, '--year', 'abc', '--db', db], {
      code: 'INVALID_INPUT',
      field: '--year',
    });
  });

  it('25. close --date that is not a distribution date', async () => {
    await refused(['close', ...deal, '--date', '2002-04-26', '--db', db], {
      code: 'NOT_A_DISTRIBUTION_DATE',
      field: 'date',
      says: '2002-04-25 or 2002-05-28',
    });
  });

  it('26. close --date that is not a calendar date', async () => {
    await refused(['close', ...deal, '--date', '2002-02-30', '--db', db], {
      code: 'INVALID_INPUT',
      field: '--date',
    });
  });

  it('27. close --reason without --correct', async () => {
    await refused(['close', ...deal, '--date', '2002-04-25', '--db', db, '--reason', 'why'], {
      code: 'INVALID_INPUT',
      field: '--reason',
    });
  });

  it('28. close --correct without a reason', async () => {
    const restated = file('restated.json', {
      ...JSON.parse(aprilText),
      interestCollected: '1429837.83',
    });
    await refused(
      ['close', ...deal, '--date', '2002-04-25', '--db', db, '--totals', restated, '--correct'],
      {
        code: 'INVALID_INPUT',
        field: 'reason',
      },
    );
  });

  it('29. close a closed date with other totals and no --correct', async () => {
    const restated = file('restated2.json', {
      ...JSON.parse(aprilText),
      interestCollected: '1429837.83',
    });
    await refused(['close', ...deal, '--date', '2002-04-25', '--db', db, '--totals', restated], {
      code: 'CLOSED_DATE',
      field: 'period.interestCollected',
    });
  });

  it('30. close --totals of another date', async () => {
    const april = file('april-as-may.json', aprilText);
    await refused(['close', ...deal, '--date', '2002-05-28', '--db', db, '--totals', april], {
      code: 'INVALID_INPUT',
      field: 'distributionDate',
      file: april,
    });
  });

  it('31. close --totals that does not exist', async () => {
    const missing = join(dir, 'no-such-totals.json');
    await refused(['close', ...deal, '--date', '2002-05-28', '--db', db, '--totals', missing], {
      code: 'NOT_FOUND',
      field: '--totals',
      file: missing,
    });
  });

  it('32. close --correct of a date not closed', async () => {
    const may = file('may.json', { ...JSON.parse(aprilText), distributionDate: '2002-05-28' });
    await refused(
      [
        'close',
        ...deal,
        '--date',
        '2002-05-28',
        '--db',
        db,
        '--totals',
        may,
        '--correct',
        '--reason',
        'x',
      ],
      { code: 'NO_DISTRIBUTION', field: 'distributionDate' },
    );
  });
});
