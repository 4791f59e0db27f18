import { randomUUID } from 'node:crypto';
import { errorRecord, TrusteeError, type ErrorDetail } from '../../errors/catalogue.ts';

/** queued: waiting for a free slot; running; then done, failed or cancelled for good. */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A long run (a projection, a scenario grid) the client polls: status, progress, result. */
export interface Job<T = unknown> {
  id: string;
  kind: string;
  dealId: string;
  status: JobStatus;
  /** Place in the queue while queued (1 = the next to start); null once it has started. */
  position: number | null;
  /** Units of work done and in all (scenarios of a grid; runs of a projection: 1 + breakevens). */
  progress: { done: number; total: number };
  createdAt: string;
  /** When it left the queue; null while queued. */
  startedAt: string | null;
  finishedAt: string | null;
  result: T | null;
  error: { code: string; message: string; details: readonly ErrorDetail[] } | null;
}

/** What a job's work is given: its id (to name its result file), a progress hook, a cancel flag. */
export interface WorkContext {
  id: string;
  report: (done: number, total: number) => void;
  /** Aborted when the job is cancelled: the work stops at its next check and its result is dropped. */
  signal: AbortSignal;
}

export type Work<T> = (context: WorkContext) => Promise<T>;

export interface JobRegistry {
  /**
   * Queues `work` and returns its job at once; the job runs (after the current request has been
   * answered) when a slot is free. BUSY when `maxQueued` jobs are already waiting.
   */
  start<T>(kind: string, dealId: string, total: number, work: Work<T>): Job<T>;
  /** The job, or NOT_FOUND naming the id. */
  get(id: string): Job;
  /**
   * Cancels a queued job (it leaves the queue) or a running one (its signal is aborted; its slot
   * frees when the work has stopped); an ended job is returned as it is. NOT_FOUND as `get`.
   */
  cancel(id: string): Job;
}

export interface JobRegistryOptions {
  /**
   * Jobs that run at a time (default 2). Projections run on the main thread and grids share one
   * worker pool, so more at once only slows each of them and every other request.
   */
  maxRunning?: number;
  /** Jobs that may wait for a slot (default 20); a job beyond them is refused with BUSY. */
  maxQueued?: number;
  /** Jobs kept in memory (default 100): the oldest finished ones are dropped beyond it. */
  keep?: number;
  /**
   * Called with a job's id and result when it is forgotten (pruned) or its result is discarded
   * (the work of a cancelled job ended): where results live on disk, their files go with it.
   */
  onDrop?: (id: string, result: unknown) => void;
}

interface Queued {
  job: Job;
  work: Work<unknown>;
  abort: AbortController;
}

const ENDED: readonly JobStatus[] = ['done', 'failed', 'cancelled'];

const now = () => new Date().toISOString();

/** A count option: an integer of at least `least`, checked when the registry is made. */
function count(name: string, value: number, least: number): number {
  if (!Number.isInteger(value) || value < least) {
    throw new TrusteeError('INVALID_INPUT', `bad job option ${name}`, [
      {
        field: name,
        message: 'not a usable count',
        expected: `an integer >= ${least}`,
        got: value,
      },
    ]);
  }
  return value;
}

/** The refusal of a job beyond the queue's limit: how many wait, and the limit. */
function busy(waiting: number, running: number, maxQueued: number): TrusteeError {
  return new TrusteeError(
    'BUSY',
    `too many jobs: ${waiting} waiting (the limit is ${maxQueued}) and ${running} running`,
    [
      {
        field: 'jobs',
        message: `${waiting} jobs wait for one of the ${running} running to finish`,
        expected: `at most ${maxQueued} waiting jobs; try again when one has started`,
        got: waiting,
      },
    ],
  );
}

/**
 * Jobs kept in memory, run first come, first served, at most `maxRunning` at a time; the rest
 * wait in a queue of at most `maxQueued`. A failed job keeps its error as `{code, message,
 * details}`, like any API error, and frees its slot like a finished one.
 */
export function jobRegistry(options: JobRegistryOptions = {}): JobRegistry {
  const maxRunning = count('maxRunning', options.maxRunning ?? 2, 1);
  const maxQueued = count('maxQueued', options.maxQueued ?? 20, 0);
  const keep = count('keep', options.keep ?? 100, 1);
  const onDrop = options.onDrop ?? (() => undefined);
  const jobs = new Map<string, Job>();
  const queue: Queued[] = [];
  const active = new Map<string, AbortController>();
  let running = 0;

  // Only ended jobs are dropped: a queued or running one is still polled for.
  const prune = () => {
    for (const [id, job] of jobs) {
      if (jobs.size <= keep) break;
      if (ENDED.includes(job.status)) {
        jobs.delete(id);
        if (job.result !== null) onDrop(id, job.result);
      }
    }
  };
  const renumber = () => queue.forEach((entry, i) => (entry.job.position = i + 1));

  const finish = (job: Job, outcome: Pick<Job, 'status' | 'result' | 'error'>) => {
    // A job cancelled while its work ran stays cancelled; what the work made is thrown away.
    if (job.status === 'cancelled') {
      if (outcome.result !== null) onDrop(job.id, outcome.result);
      return;
    }
    Object.assign(job, outcome, { finishedAt: now() });
    if (outcome.status === 'done') job.progress = { ...job.progress, done: job.progress.total };
  };
  const run = ({ job, work, abort }: Queued) => {
    running += 1;
    active.set(job.id, abort);
    Object.assign(job, { status: 'running', position: null, startedAt: now() });
    const report = (done: number, total: number) => {
      if (job.status === 'running') job.progress = { done, total };
    };
    // The work begins after the current request has been answered; a throw before its first
    // await fails the job (and frees the slot) like a rejection.
    new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => work({ id: job.id, report, signal: abort.signal }))
      .then(
        (result) => finish(job, { status: 'done', result, error: null }),
        (error: unknown) =>
          finish(job, { status: 'failed', result: null, error: errorRecord(error) }),
      )
      .finally(() => {
        // The slot frees only now, also for a cancelled job: its last tasks held the workers.
        active.delete(job.id);
        running -= 1;
        startWaiting();
      });
  };
  const startWaiting = () => {
    while (running < maxRunning && queue.length > 0) run(queue.shift()!);
    renumber();
  };

  return {
    start<T>(kind: string, dealId: string, total: number, work: Work<T>): Job<T> {
      if (running >= maxRunning && queue.length >= maxQueued) {
        throw busy(queue.length, running, maxQueued);
      }
      const job: Job<T> = {
        id: randomUUID(),
        kind,
        dealId,
        status: 'queued',
        position: queue.length + 1,
        progress: { done: 0, total },
        createdAt: now(),
        startedAt: null,
        finishedAt: null,
        result: null,
        error: null,
      };
      jobs.set(job.id, job);
      queue.push({ job, work, abort: new AbortController() });
      startWaiting();
      prune();
      return job;
    },
    get,
    cancel(id) {
      const job = get(id);
      if (ENDED.includes(job.status)) return job;
      const waiting = queue.findIndex((entry) => entry.job === job);
      if (waiting >= 0) queue.splice(waiting, 1);
      active.get(id)?.abort();
      Object.assign(job, { status: 'cancelled', position: null, finishedAt: now() });
      renumber();
      return job;
    },
  };

  function get(id: string): Job {
    const job = jobs.get(id);
    if (!job) {
      throw new TrusteeError('NOT_FOUND', `no job ${id}`, [
        {
          field: 'jobId',
          message: 'no such job (jobs are kept in memory)',
          expected: 'an id from POST',
          got: id,
        },
      ]);
    }
    return job;
  }
}
