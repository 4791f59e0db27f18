import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore, sqlitePath } from './openStore.ts';
import { freshDatabase } from './testBackends.ts';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const script = fileURLToPath(new URL('./openChild.script.ts', import.meta.url));

/** Runs openChild.script.ts on `location`; resolves with its exit code and error output. */
function openInChild(location: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, [script, location], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('opening a new SQLite store from several processes at once', () => {
  const ROUNDS = 4;
  const PROCESSES = 6;
  it(`${ROUNDS} rounds of ${PROCESSES} processes opening the same new file: every open succeeds`, async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const dir = mkdtempSync(join(tmpdir(), 'trustee-open-'));
      const location = join(dir, 'new.sqlite');
      const runs = await Promise.all(
        Array.from({ length: PROCESSES }, () => openInChild(location)),
      );
      for (const run of runs) if (run.code !== 0) failures.push(run.stderr.trim());
      rmSync(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('opening a new PostgreSQL schema from several processes at once', () => {
  it('2 rounds of 6 processes: every open succeeds', async () => {
    const failures: string[] = [];
    for (let round = 0; round < 2; round += 1) {
      const db = freshDatabase('postgres');
      try {
        const runs = await Promise.all(Array.from({ length: 6 }, () => openInChild(db.location)));
        for (const run of runs) if (run.code !== 0) failures.push(run.stderr.trim());
      } finally {
        await db.drop();
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('the store locations trustee accepts', () => {
  it('a plain path or a file: URL is a SQLite file; :memory: stays', () => {
    expect(sqlitePath('/srv/t.sqlite')).toBe('/srv/t.sqlite');
    expect(sqlitePath('file:///srv/t.sqlite')).toBe('/srv/t.sqlite');
    expect(sqlitePath(':memory:')).toBe(':memory:');
  });

  it.each(['mysql://root@h/x', 'http://example.com/store', 'sqlite://x.db', 'file://host/x'])(
    '%s is refused, naming the accepted forms, and no file is created',
    async (location) => {
      const dir = mkdtempSync(join(tmpdir(), 'trustee-url-'));
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        await expect(openStore(location)).rejects.toMatchObject({
          code: 'STORE_UNAVAILABLE',
          details: [
            expect.objectContaining({
              field: 'db',
              got: location,
              expected: expect.stringContaining('postgres://user@host:5432/db'),
            }),
          ],
        });
        expect(readdirSync(dir)).toEqual([]);
      } finally {
        process.chdir(cwd);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
