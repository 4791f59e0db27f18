/**
 * The grid through BullMQ: `trustee worker` processes on this machine against Redis, timed
 * from sending the grid to the last result read back (bench/run.ts prints it against the
 * in-process pool).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProjectionContext } from '../src/projection/projectionContext.ts';
import { openGridQueue, type GridQueue } from '../src/projection/queue/gridQueue.ts';
import { runQueuedGrid, summariesOf } from '../src/projection/queue/queuedGrid.ts';
import type { Scenario } from '../src/projection/scenarioSchema.ts';

const bin = fileURLToPath(new URL('../bin/trustee.ts', import.meta.url));

export interface QueueFigures {
  readonly seconds: number;
  readonly loanMonths: number;
  readonly rate: number;
  readonly workerCpuSeconds: number;
  /**
   * CPU time of everything the grid took: the worker processes (all their threads: the
   * scenarios, BullMQ, Redis replies), this client (sending, counting, reading results) and
   * Redis itself when it runs on this machine.
   */
  readonly totalCpuSeconds: number;
}

/** The Redis server's process id when it runs on this machine (INFO server), else undefined. */
async function localRedisPid(q: GridQueue): Promise<number | undefined> {
  const pid = Number(/process_id:(\d+)/.exec(await q.redis.info('server'))?.[1]);
  if (!Number.isInteger(pid)) return undefined;
  try {
    processCpuSeconds(pid);
    return pid;
  } catch {
    return undefined;
  }
}

/** A process's CPU time so far (Linux /proc: user + system ticks, 100 a second). */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Starts a worker process and resolves once it takes jobs. */
function startWorker(url: string, queueName: string, threads: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [bin, 'worker', '--queue', url, '--queue-name', queueName, '--threads', String(threads)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('trustee worker')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function once(
  q: GridQueue,
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  workers: readonly ChildProcess[],
): Promise<QueueFigures> {
  const pids = [...workers.map((w) => w.pid!)];
  const redisPid = await localRedisPid(q);
  if (redisPid !== undefined) pids.push(redisPid);
  const cpu = () => {
    const own = process.cpuUsage();
    return (
      pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0) + (own.user + own.system) / 1e6
    );
  };
  const before = cpu();
  const result = await runQueuedGrid(q, ctx, scenarios);
  const totalCpuSeconds = cpu() - before;
  const loanMonths = summariesOf(result.outcomes).reduce((n, s) => n + s.loanMonths, 0);
  return {
    seconds: result.wallMs / 1000,
    loanMonths,
    rate: (loanMonths / result.wallMs) * 1000,
    workerCpuSeconds: result.stats.cpuMicros / 1e6,
    totalCpuSeconds,
  };
}

/**
 * The grid on `processes` worker processes of `threads` threads each, on a queue of its own:
 * run twice (the first warms the workers up, as the in-process figure's cold run does), the
 * second returned. The queue and the grids' data are removed afterwards.
 */
export async function queueGrid(
  url: string,
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  processes: number,
  threads: number,
): Promise<QueueFigures> {
  const queueName = `bench-${randomUUID()}`;
  const q = await openGridQueue(url, queueName);
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) workers.push(await startWorker(url, queueName, threads));
    await once(q, ctx, scenarios, workers);
    return await once(q, ctx, scenarios, workers);
  } finally {
    await Promise.all(
      workers.map((w) => new Promise((resolve) => w.once('exit', resolve).kill('SIGTERM'))),
    );
    await q.queue.obliterate({ force: true });
    const keys = await q.redis.keys(`trustee-grid:${queueName}:*`);
    if (keys.length > 0) await q.redis.del(...keys);
    await q.close();
  }
}
