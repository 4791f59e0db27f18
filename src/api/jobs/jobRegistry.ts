import { randomUUID } from 'node:crypto';
import { TrusteeError, type ErrorDetail } from '../../errors/catalogue.ts';

export type JobStatus = 'running' | 'done' | 'failed';

/** A long run (a projection, a scenario grid) the client polls: status, progress, result. */
export interface Job<T = unknown> {
  id: string;
  kind: string;
  dealId: string;
  status: JobStatus;
  /** Units of work done and in all (scenarios of a grid, months of a projection). */
  progress: { done: number; total: number };
  createdAt: string;
  finishedAt: string | null;
  result: T | null;
  error: { code: string; message: string; details: readonly ErrorDetail[] } | null;
}

export type Work<T> = (report: (done: number, total: number) => void) => Promise<T>;

export interface JobRegistry {
  /** Starts `work` after the current request has been answered; returns the job at once. */
  start<T>(kind: string, dealId: string, total: number, work: Work<T>): Job<T>;
  /** The job, or NOT_FOUND naming the id. */
  get(id: string): Job;
}

/**
 * Jobs kept in memory, newest `limit` of them (older finished ones are dropped). A failed job
 * keeps its error as `{code, message, details}`, like any API error.
 */
export function jobRegistry(limit = 100): JobRegistry {
  const jobs = new Map<string, Job>();
  const prune = () => {
    for (const [id, job] of jobs) {
      if (jobs.size <= limit) break;
      if (job.status !== 'running') jobs.delete(id);
    }
  };
  return {
    start(kind, dealId, total, work) {
      const job: Job<never> = {
        id: randomUUID(),
        kind,
        dealId,
        status: 'running',
        progress: { done: 0, total },
        createdAt: new Date().toISOString(),
        finishedAt: null,
        result: null,
        error: null,
      };
      jobs.set(job.id, job);
      prune();
      const report = (done: number, all: number) => {
        job.progress = { done, total: all };
      };
      setImmediate(() => {
        work(report).then(
          (result) => {
            Object.assign(job, { result, status: 'done', finishedAt: new Date().toISOString() });
            job.progress = { done: job.progress.total, total: job.progress.total };
          },
          (error: unknown) => {
            const known = error instanceof TrusteeError;
            job.error = known
              ? error.toJSON()
              : { code: 'INTERNAL', message: (error as Error).message, details: [] };
            job.status = 'failed';
            job.finishedAt = new Date().toISOString();
          },
        );
      });
      return job;
    },
    get(id) {
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
    },
  };
}
