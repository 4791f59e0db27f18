import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../../deal/builtIn.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { dealContext } from '../dealContext.ts';
import { expandGrid } from '../grid.ts';
import { closeGridPool, runGrid } from '../gridRunner.ts';
import { connectRedis, openGridQueue } from './gridQueue.ts';
import { runQueuedGrid, summariesOf } from './queuedGrid.ts';

// A Redis of the test's own that wants a password (the machines' Redis has none): the queue's
// URL carries it as redis://:PASSWORD@HOST:PORT, and no message or log line may show it.
const password = randomBytes(12).toString('hex');
const bin = fileURLToPath(new URL('../../../bin/trustee.ts', import.meta.url));
let port = 0;
let redis: ChildProcess | undefined;
let worker: ChildProcess | undefined;
let workerOutput = '';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port: p } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return p;
}

beforeAll(async () => {
  port = await freePort();
  redis = spawn(
    'redis-server',
    // Nothing on disk: no dump.rdb left in the working directory.
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--requirepass', password],
      ...['--save', '', '--appendonly', 'no', '--dir', tmpdir()],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    redis!.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) resolve();
    });
    redis!.once('exit', (code) => reject(new Error(`redis-server exited ${code}`)));
  });
}, 30_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    worker.kill('SIGTERM');
    await once(worker, 'exit');
  }
  redis?.kill('SIGTERM');
  if (redis && redis.exitCode === null) await once(redis, 'exit');
  await closeGridPool();
}, 30_000);

describe('a queue on a Redis with a password', () => {
  it('refuses a wrong password as STORE_UNAVAILABLE without showing it', async () => {
    const wrong = 'not-the-password';
    const error = await connectRedis(`redis://:${wrong}@127.0.0.1:${port}`).catch((e) => e);
    expect(error).toBeInstanceOf(TrusteeError);
    expect((error as TrusteeError).code).toBe('STORE_UNAVAILABLE');
    const text = JSON.stringify((error as TrusteeError).toJSON());
    expect(text).not.toContain(wrong);
    expect(text).toContain(`redis://:***@127.0.0.1:${port}`);
    const none = await connectRedis(`redis://127.0.0.1:${port}`).catch((e) => e);
    expect((none as TrusteeError).code).toBe('STORE_UNAVAILABLE');
  });

  it('runs a grid through a worker that signs in, and neither prints the password', async () => {
    const url = `redis://:${password}@127.0.0.1:${port}`;
    const queueName = `test-${randomUUID()}`;
    worker = spawn(
      process.execPath,
      [bin, 'worker', '--queue', url, '--queue-name', queueName, '--threads', '1'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    worker.stdout!.on('data', (d: Buffer) => (workerOutput += d.toString()));
    worker.stderr!.on('data', (d: Buffer) => (workerOutput += d.toString()));
    while (!workerOutput.includes('trustee worker')) {
      if (worker.exitCode !== null) throw new Error(`worker exited: ${workerOutput}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const ctx = await dealContext(resolveDeal('nchet-2002-1'));
    const scenarios = expandGrid({ base: { severity: 40 }, vary: { 'default.cdr': [2, 4, 6] } });
    const q = await openGridQueue(url, queueName);
    try {
      const result = await runQueuedGrid(q, ctx, scenarios);
      const inProcess = await runGrid(ctx, scenarios, { threads: 0 });
      expect(summariesOf(result.outcomes)).toEqual(JSON.parse(JSON.stringify(inProcess.summaries)));
    } finally {
      await q.queue.obliterate({ force: true });
      await q.close();
    }
    expect(workerOutput).toContain(`redis://:***@127.0.0.1:${port}`);
    expect(workerOutput).not.toContain(password);
  }, 120_000);
});
