import type { Job } from '../../api/jobs/jobRegistry.ts';

/** A job yet to end, waiting in the queue or running: polled, and its button shown busy. */
export function jobActive(job: Job<unknown> | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

const ordinal = new Intl.PluralRules('en-US', { type: 'ordinal' });
const suffixes: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'st', two: 'nd', few: 'rd' };

/** A queued job's place as the user reads it: 1 -> "Queued: next in line", 2 -> "2nd", 11 -> "11th". */
export function queuedLabel(position: number | null): string {
  if (position === null || position <= 1) return 'Queued: next in line';
  return `Queued: ${position}${suffixes[ordinal.select(position)] ?? 'th'} in line`;
}

/** A running job's progress in percent (0 until its total is known). */
export function progressPercent(job: Job<unknown>): number {
  return job.progress.total ? (100 * job.progress.done) / job.progress.total : 0;
}
