import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/openStore.ts';
import { backends, dumpTables, freshDatabase, type TestDatabase } from '../store/testBackends.ts';
import { closeDistributionDate } from './closeDistributionDate.ts';
import { history } from './history.ts';
import { aprilPeriod, deal, marchState, nextPeriod } from './testPeriods.ts';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const script = fileURLToPath(new URL('./crashChild.script.ts', import.meta.url));

/** Starts the child, waits for it to be inside the transaction, and kills it (SIGKILL). */
async function killMidTransaction(location: string): Promise<NodeJS.Signals | null> {
  const child = spawn(node, [script, location], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(
      () => reject(new Error(`no INSERTED in 45 s; stderr: ${stderr}`)),
      45_000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('INSERTED')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child exited (${code}) before INSERTED: ${stdout} ${stderr}`));
    });
  });
  child.kill('SIGKILL');
  return exited;
}

describe.each(backends)('a crash while closing a date, on %s', (backend) => {
  let db: TestDatabase;
  beforeEach(() => {
    db = freshDatabase(backend);
  });
  afterEach(async () => {
    await db.drop();
  });

  it('leaves the database as it was before: nothing of that date is stored', async () => {
    const store = await openStore(db.location);
    await closeDistributionDate(store, deal, aprilPeriod, {
      actor: 'alice',
      openingState: marchState,
    });
    await store.close();
    const before = await dumpTables(db.location);

    expect(await killMidTransaction(db.location)).toBe('SIGKILL');
    if (backend === 'sqlite') {
      // The killed writer left its rollback journal behind: the next open rolls it back.
      expect(existsSync(`${db.location}-journal`)).toBe(true);
    }

    const reopened = await openStore(db.location);
    try {
      expect(await dumpTables(db.location)).toEqual(before);
      expect((await history(reopened, deal.id)).map((h) => h.distributionDate)).toEqual([
        '2002-04-25',
      ]);
      // The store works on: the same date closes now.
      const april = (await reopened.getDistribution(deal.id, aprilPeriod.distributionDate))!;
      const may = await closeDistributionDate(reopened, deal, nextPeriod(april.stateAfter), {
        actor: 'alice',
      });
      expect(may.outcome).toBe('closed');
      expect((await history(reopened, deal.id)).map((h) => h.distributionDate)).toEqual([
        '2002-04-25',
        '2002-05-28',
      ]);
    } finally {
      await reopened.close();
    }
  });
});
