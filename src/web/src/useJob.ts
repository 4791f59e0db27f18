import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job } from '../../api/jobs/jobRegistry.ts';
import type { StoredResult } from '../../api/jobs/resultFiles.ts';
import { deleteJson, getJson, postJson, type ApiProblem } from './api.ts';
import { jobActive } from './jobStatus.ts';

/** A job as the API answers it: once done, `result` says where to read the result. */
export type ApiJob = Job<StoredResult>;

/**
 * POSTs a job and polls GET /api/jobs/:id while it is queued or running, until done, failed or
 * cancelled; `cancel` DELETEs it.
 */
export function useJob() {
  const [job, setJob] = useState<ApiJob | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const poll = useCallback((id: string) => {
    getJson<ApiJob>(`/api/jobs/${id}`).then(
      (next) => {
        // A cancel answered meanwhile is not undone by an older poll's answer.
        setJob((shown) => (shown?.id === id && shown.status === 'cancelled' ? shown : next));
        if (jobActive(next)) timer.current = window.setTimeout(() => poll(id), 250);
        else if (next.error)
          setProblem({ status: 0, ...next.error, details: [...next.error.details] });
      },
      (error: ApiProblem) => setProblem(error),
    );
  }, []);
  const start = useCallback(
    (path: string, body: unknown) => {
      window.clearTimeout(timer.current);
      setProblem(undefined);
      setJob(undefined);
      postJson<ApiJob>(path, body).then(
        (created) => {
          setJob(created);
          poll(created.id);
        },
        (error: ApiProblem) => setProblem(error),
      );
    },
    [poll],
  );
  const cancel = useCallback(() => {
    if (!job) return;
    window.clearTimeout(timer.current);
    deleteJson<ApiJob>(`/api/jobs/${job.id}`).then(setJob, (error: ApiProblem) =>
      setProblem(error),
    );
  }, [job]);
  return { job, problem, start, cancel };
}
