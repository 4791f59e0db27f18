import { describe, expect, it, vi } from 'vitest';
import { TrusteeError } from '../../errors/catalogue.ts';
import { jobRegistry, type Job, type JobRegistry, type Work } from './jobRegistry.ts';

/**
 * Work the test finishes by hand: `work(name)` is a job's work; `begun` lists the names whose
 * work has been called, in order; `finish(name)` / `fail(name, error)` settle it.
 */
function handWork() {
  const begun: string[] = [];
  const signals = new Map<string, AbortSignal>();
  const settle = new Map<string, { resolve: (v: string) => void; reject: (e: unknown) => void }>();
  const work =
    (name: string): Work<string> =>
    ({ report, signal }) => {
      signals.set(name, signal);
      begun.push(name);
      report(1, 3);
      return new Promise<string>((resolve, reject) => settle.set(name, { resolve, reject }));
    };
  const settler = (name: string) => {
    const found = settle.get(name);
    if (!found) throw new Error(`the work of ${name} has not begun`);
    return found;
  };
  return {
    begun,
    signals,
    work,
    finish: (name: string) => settler(name).resolve(`result of ${name}`),
    fail: (name: string, error: unknown) => settler(name).reject(error),
  };
}

/** Waits (polling, generous timeout) until the condition holds; no fixed sleeps. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 5 });

/** Lets every callback already scheduled run, so that work wrongly started would show. */
const drain = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

function startAll(registry: JobRegistry, hand: ReturnType<typeof handWork>, names: string[]) {
  return Object.fromEntries(
    names.map((name) => [name, registry.start('grid', 'nchet-2002-1', 3, hand.work(name))]),
  ) as Record<string, Job<string>>;
}

const statuses = (jobs: Record<string, Job>) =>
  Object.values(jobs).map((job) => `${job.status}:${job.position ?? '-'}`);

describe('jobRegistry', () => {
  it('runs at most maxRunning jobs; the rest wait queued with 0 progress', async () => {
    const hand = handWork();
    const jobs = startAll(jobRegistry({ maxRunning: 2 }), hand, ['a', 'b', 'c', 'd']);
    expect(statuses(jobs)).toEqual(['running:-', 'running:-', 'queued:1', 'queued:2']);
    expect(jobs.c).toMatchObject({ progress: { done: 0, total: 3 }, startedAt: null });
    await until(() => expect(hand.begun).toEqual(['a', 'b']));
    await drain();
    expect(hand.begun).toEqual(['a', 'b']);
    expect(jobs.a!.startedAt).not.toBeNull();

    hand.finish('b');
    await until(() => expect(hand.begun).toEqual(['a', 'b', 'c']));
    await drain();
    expect(hand.begun).toEqual(['a', 'b', 'c']);
    expect(statuses(jobs)).toEqual(['running:-', 'done:-', 'running:-', 'queued:1']);
    expect(jobs.b).toMatchObject({ result: 'result of b', progress: { done: 3, total: 3 } });
  });

  it('starts waiting jobs first come, first served, each after a slot frees', async () => {
    const hand = handWork();
    const names = ['a', 'b', 'c', 'd'];
    const jobs = startAll(jobRegistry({ maxRunning: 1 }), hand, names);
    expect(statuses(jobs)).toEqual(['running:-', 'queued:1', 'queued:2', 'queued:3']);
    for (const [i, name] of names.entries()) {
      await until(() => expect(hand.begun).toEqual(names.slice(0, i + 1)));
      hand.finish(name);
    }
    await until(() => expect(jobs.d!.status).toBe('done'));
    for (const [before, after] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ] as const) {
      expect(jobs[after]!.startedAt! >= jobs[before]!.finishedAt!).toBe(true);
    }
  });

  it('moves each waiting job up one place when a job starts', async () => {
    const hand = handWork();
    const jobs = startAll(jobRegistry({ maxRunning: 1 }), hand, ['a', 'b', 'c', 'd']);
    expect([jobs.b, jobs.c, jobs.d].map((job) => job!.position)).toEqual([1, 2, 3]);
    await until(() => expect(hand.begun).toEqual(['a']));
    hand.finish('a');
    await until(() => expect(jobs.b!.status).toBe('running'));
    expect([jobs.b, jobs.c, jobs.d].map((job) => job!.position)).toEqual([null, 1, 2]);
    await until(() => expect(hand.begun).toEqual(['a', 'b']));
    hand.finish('b');
    await until(() => expect(jobs.c!.status).toBe('running'));
    expect([jobs.c, jobs.d].map((job) => job!.position)).toEqual([null, 1]);
  });

  it('a failed job keeps its error and frees its slot for the next', async () => {
    const hand = handWork();
    const registry = jobRegistry({ maxRunning: 1 });
    const jobs = startAll(registry, hand, ['a', 'b']);
    await until(() => expect(hand.begun).toEqual(['a']));
    hand.fail('a', new TrusteeError('UNRECONCILED', 'pool does not roll', [{ message: 'off' }]));
    await until(() => expect(jobs.b!.status).toBe('running'));
    expect(jobs.a).toMatchObject({
      status: 'failed',
      result: null,
      error: { code: 'UNRECONCILED', message: 'pool does not roll', details: [{ message: 'off' }] },
    });
    expect(jobs.a!.finishedAt).not.toBeNull();

    // A work that throws before it returns a promise, and one failing with a plain Error.
    const thrown = registry.start('grid', 'nchet-2002-1', 1, () => {
      throw new Error('no pool');
    });
    const next = registry.start('grid', 'nchet-2002-1', 3, hand.work('c'));
    await until(() => expect(hand.begun).toEqual(['a', 'b']));
    hand.fail('b', new Error('worker died'));
    await until(() => expect(next.status).toBe('running'));
    expect(jobs.b!.error).toEqual({ code: 'INTERNAL', message: 'worker died', details: [] });
    expect(thrown.error).toEqual({ code: 'INTERNAL', message: 'no pool', details: [] });
  });

  it('refuses a job beyond maxQueued waiting with BUSY naming the limit and the count', async () => {
    const hand = handWork();
    const registry = jobRegistry({ maxRunning: 1, maxQueued: 2 });
    const jobs = startAll(registry, hand, ['a', 'b', 'c']);
    const refused = (() => {
      try {
        registry.start('grid', 'nchet-2002-1', 3, hand.work('d'));
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(TrusteeError);
    const busy = refused as TrusteeError;
    expect(busy.code).toBe('BUSY');
    expect(busy.status).toBe(503);
    expect(busy.toJSON().message).toBe('too many jobs: 2 waiting (the limit is 2) and 1 running');
    expect(busy.details[0]).toMatchObject({ field: 'jobs', got: 2 });
    expect(statuses(jobs)).toEqual(['running:-', 'queued:1', 'queued:2']);

    // Once a waiting job has started, there is room again.
    await until(() => expect(hand.begun).toEqual(['a']));
    hand.finish('a');
    await until(() => expect(jobs.b!.status).toBe('running'));
    const e = registry.start('grid', 'nchet-2002-1', 3, hand.work('e'));
    expect(e).toMatchObject({ status: 'queued', position: 2 });
  });

  it('prunes only finished jobs, never queued or running ones', async () => {
    const hand = handWork();
    const registry = jobRegistry({ maxRunning: 1, maxQueued: 10, keep: 2 });
    const jobs = startAll(registry, hand, ['a', 'b', 'c', 'd']);
    for (const job of Object.values(jobs)) expect(registry.get(job.id)).toBe(job);

    await until(() => expect(hand.begun).toEqual(['a']));
    hand.finish('a');
    await until(() => expect(jobs.b!.status).toBe('running'));
    expect(registry.get(jobs.a!.id).status).toBe('done'); // kept until the next start prunes
    const e = registry.start('grid', 'nchet-2002-1', 3, hand.work('e'));
    expect(() => registry.get(jobs.a!.id)).toThrow(/no job/);
    for (const job of [jobs.b!, jobs.c!, jobs.d!, e]) expect(registry.get(job.id)).toBe(job);
  });

  it('reports progress while running', async () => {
    const hand = handWork();
    const job = jobRegistry().start('projection', 'nchet-2002-1', 6, hand.work('a'));
    expect(job.progress).toEqual({ done: 0, total: 6 });
    await until(() => expect(job.progress).toEqual({ done: 1, total: 3 }));
    hand.finish('a');
    await until(() => expect(job.status).toBe('done'));
    expect(job.progress).toEqual({ done: 3, total: 3 });
  });

  it('cancels a queued job (it leaves the queue) and a running one (its slot frees when its work ends)', async () => {
    const hand = handWork();
    const dropped: string[] = [];
    const registry = jobRegistry({ maxRunning: 1, onDrop: (id) => dropped.push(id) });
    const jobs = startAll(registry, hand, ['a', 'b', 'c']);
    await until(() => expect(hand.begun).toEqual(['a']));

    expect(registry.cancel(jobs.b!.id)).toBe(jobs.b);
    expect(statuses(jobs)).toEqual(['running:-', 'cancelled:-', 'queued:1']);
    expect(jobs.b!.finishedAt).not.toBeNull();

    registry.cancel(jobs.a!.id);
    expect(jobs.a!.status).toBe('cancelled');
    expect(hand.signals.get('a')!.aborted).toBe(true);
    // The running work has not stopped yet: c still waits for the slot.
    await drain();
    expect(hand.begun).toEqual(['a']);
    expect(jobs.c!.status).toBe('queued');
    // The work ends after all: its result is discarded, the job stays cancelled, c starts.
    hand.finish('a');
    await until(() => expect(hand.begun).toEqual(['a', 'c']));
    expect(jobs.a).toMatchObject({ status: 'cancelled', result: null });
    expect(dropped).toEqual([jobs.a!.id]);
    // An ended job is answered as it is.
    hand.finish('c');
    await until(() => expect(jobs.c!.status).toBe('done'));
    expect(registry.cancel(jobs.c!.id)).toMatchObject({ status: 'done', result: 'result of c' });
    expect(() => registry.cancel('nope')).toThrow(/no job nope/);
  });

  it('refuses unusable options', () => {
    expect(() => jobRegistry({ maxRunning: 0 })).toThrow(/maxRunning/);
    expect(() => jobRegistry({ maxQueued: -1 })).toThrow(/maxQueued/);
    expect(() => jobRegistry({ keep: 1.5 })).toThrow(/keep/);
  });
});
