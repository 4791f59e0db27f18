import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealsDirectory } from '../../deal/builtIn.ts';
import { openStore } from '../../store/openStore.ts';
import { backends, freshDatabase, type TestDatabase } from '../../store/testBackends.ts';

const node = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/trustee.ts', import.meta.url));
const run = promisify(execFile);

/** Runs `trustee ARGS` in `cwd`; resolves to the exit code and both outputs. */
async function trustee(cwd: string, env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(node, [bin, ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.each(backends)('trustee close and history, store on %s', (backend) => {
  let db: TestDatabase;
  let cwd: string;
  let env: Record<string, string>;
  beforeAll(() => {
    db = freshDatabase(backend);
    cwd = mkdtempSync(join(tmpdir(), 'trustee-cli-'));
    // SQLite: the default store var/trustee.sqlite in the working directory; PostgreSQL: TRUSTEE_DB.
    env = {
      TRUSTEE_ACTOR: 'alice',
      ...(backend === 'postgres' ? { TRUSTEE_DB: db.location } : {}),
    };
    const april = readFileSync(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`, 'utf8');
    writeFileSync(join(cwd, 'restated.json'), april.replace('"1429737.83"', '"1429837.83"'));
  });
  afterAll(async () => {
    rmSync(cwd, { recursive: true, force: true });
    await db.drop();
  });
  const close = (...more: string[]) =>
    trustee(cwd, env, 'close', '--deal', 'nchet-2002-1', '--date', '2002-04-25', ...more);

  it('closes April 2002 from the built-in state and totals, then finds it unchanged', async () => {
    const first = await close();
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('nchet-2002-1 2002-04-25 (distribution 2): closed');
    expect(first.stdout).toMatch(/CE +942,980\.71/);
    const again = await close();
    expect(again.stdout).toContain('already closed with these inputs: nothing changed');
  });

  it('refuses other totals for the closed date, naming the field in dollars', async () => {
    const refused = await close('--totals', 'restated.json');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('trustee: CLOSED_DATE');
    expect(refused.stderr).toContain(
      'field period.interestCollected: differs from the closed date: expected 1,429,737.83 (stored) (got "1,429,837.83")',
    );
  });

  it('corrects with --correct --reason, and history lists both versions', async () => {
    const corrected = await close(
      '--totals',
      'restated.json',
      '--correct',
      '--reason',
      'servicer restated interest',
      '--actor',
      'bob',
    );
    expect(corrected.stdout).toContain('Version 2 (corrected');
    expect(corrected.stdout).toMatch(/CE +943,080\.71/);
    const listed = await trustee(cwd, env, 'history', '--deal', 'nchet-2002-1');
    expect(listed.stdout).toMatch(/2002-04-25 +2 +1 +\S+ alice +197,974,200\.82/);
    expect(listed.stdout).toMatch(/2\* +\S+ bob +197,974,200\.82 +servicer restated interest/);
    const json = JSON.parse(
      (await trustee(cwd, env, 'history', '--deal', 'nchet-2002-1', '--json')).stdout,
    );
    expect(json.dates[0].versions.map((v: { closedBy: string }) => v.closedBy)).toEqual([
      'alice',
      'bob',
    ]);
    expect(json.dealVersions).toMatchObject([{ version: 1, amendedBy: 'alice', reason: null }]);
    expect(listed.stdout).toMatch(
      /version 1, from 2002-04-25, bound \S+ by alice at the first closing/,
    );
  });

  it('records where each closing and correction came from in the audit log', async () => {
    const store = await openStore(
      backend === 'sqlite' ? join(cwd, 'var', 'trustee.sqlite') : db.location,
    );
    try {
      const entries = await store.auditLog('nchet-2002-1');
      const changes = entries.filter((e) => e.action === 'close' || e.action === 'correct');
      expect(changes.map((e) => [e.action, e.actor, e.address])).toEqual([
        ['close', 'alice', `cli on ${hostname()}`],
        ['correct', 'bob', `cli on ${hostname()}`],
      ]);
    } finally {
      await store.close();
    }
  });

  it.runIf(backend === 'sqlite')(
    'keeps the default store in var/trustee.sqlite, or where --db says',
    async () => {
      expect(
        readFileSync(join(cwd, 'var', 'trustee.sqlite'))
          .subarray(0, 15)
          .toString(),
      ).toBe('SQLite format 3');
      const elsewhere = await trustee(
        cwd,
        env,
        'history',
        '--deal',
        'nchet-2002-1',
        '--db',
        'other.sqlite',
      );
      expect(elsewhere.stdout).toContain('no closed dates (no store at other.sqlite)');
    },
  );
});
