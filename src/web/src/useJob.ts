import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job } from '../../api/jobs/jobRegistry.ts';
import { getJson, postJson, type ApiProblem } from './api.ts';
import { jobActive } from './jobStatus.ts';

/** POSTs a job and polls GET /api/jobs/:id while it is queued or running, until done or failed. */
export function useJob<T>() {
  const [job, setJob] = useState<Job<T> | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const poll = useCallback((id: string) => {
    getJson<Job<T>>(`/api/jobs/${id}`).then(
      (next) => {
        setJob(next);
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
      postJson<Job<T>>(path, body).then(
        (created) => {
          setJob(created);
          poll(created.id);
        },
        (error: ApiProblem) => setProblem(error),
      );
    },
    [poll],
  );
  return { job, problem, start };
}
