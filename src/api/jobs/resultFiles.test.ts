import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultFiles } from './resultFiles.ts';

describe('resultFiles', () => {
  it('writes rows in batches and reads any page back by byte offset (multi-byte text too)', async () => {
    const files = resultFiles(mkdtempSync(join(tmpdir(), 'trustee-results-test-')));
    const writer = await files.create('job-1');
    const rows = Array.from({ length: 7 }, (_, i) => ({ index: i, name: `scénario ${i} – €` }));
    await writer.rows(rows.slice(0, 3));
    await writer.rows([]);
    await writer.rows(rows.slice(3));
    expect(await writer.close({ dealId: 'nchet-2002-1' })).toBe(7);

    const page = await files.page('job-1', 2, 3);
    expect(page).toMatchObject({ head: { dealId: 'nchet-2002-1' }, total: 7 });
    expect(page.rows.map((line) => JSON.parse(line) as unknown)).toEqual(rows.slice(2, 5));
    expect((await files.page('job-1', 5, 10)).rows).toHaveLength(2);
    expect((await files.page('job-1', 9, 10)).rows).toEqual([]);
    expect(await files.readAll('job-1')).toEqual({ head: { dealId: 'nchet-2002-1' }, rows });

    const file = join(files.dir, 'job-1.ndjson');
    expect(existsSync(file)).toBe(true);
    files.drop('job-1');
    expect(existsSync(file)).toBe(false);
    await expect(files.page('job-1', 0, 1)).rejects.toThrow(/no stored result/);
    // Closing removes the results written but not a folder it was given.
    const other = await files.create('job-3');
    await other.close({});
    files.close();
    expect(existsSync(join(files.dir, 'job-3.ndjson'))).toBe(false);
    expect(existsSync(files.dir)).toBe(true);
  });

  it('a discarded result leaves no file; a temporary folder goes on close', async () => {
    const files = resultFiles();
    const writer = await files.create('job-2');
    await writer.rows([{ a: 1 }]);
    await writer.discard();
    expect(existsSync(join(files.dir, 'job-2.ndjson'))).toBe(false);
    expect(existsSync(files.dir)).toBe(true);
    files.close();
    expect(existsSync(files.dir)).toBe(false);
  });
});
