import { describe, expect, it } from 'vitest';
import type { Job } from '../../api/jobs/jobRegistry.ts';
import { jobActive, progressPercent, queuedLabel } from './jobStatus.ts';

describe('queuedLabel', () => {
  it('says the place in line in words', () => {
    expect(queuedLabel(1)).toBe('Queued: next in line');
    expect([2, 3, 4, 11, 12, 13, 21, 22, 23].map(queuedLabel)).toEqual([
      'Queued: 2nd in line',
      'Queued: 3rd in line',
      'Queued: 4th in line',
      'Queued: 11th in line',
      'Queued: 12th in line',
      'Queued: 13th in line',
      'Queued: 21st in line',
      'Queued: 22nd in line',
      'Queued: 23rd in line',
    ]);
  });
});

describe('jobActive', () => {
  it('is true while queued or running, false once ended or before any job', () => {
    const job = (status: Job['status']) => ({ status }) as Job;
    expect(
      ['queued', 'running', 'done', 'failed'].map((s) => jobActive(job(s as Job['status']))),
    ).toEqual([true, true, false, false]);
    expect(jobActive(undefined)).toBe(false);
  });
});

describe('progressPercent', () => {
  it('is the share done, 0 while the total is unknown', () => {
    const job = (done: number, total: number) => ({ progress: { done, total } }) as Job;
    expect(progressPercent(job(3, 12))).toBe(25);
    expect(progressPercent(job(0, 0))).toBe(0);
  });
});
