import { useEffect, useState } from 'react';

/** An error the API answered: its code, message and details ({code, message, details}). */
export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  details: { field?: string; message: string; expected?: string }[];
}

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = (body ?? {}) as Partial<ApiProblem>;
    throw {
      status: response.status,
      code: problem.code ?? 'HTTP_ERROR',
      message: problem.message ?? response.statusText,
      details: problem.details ?? [],
    } satisfies ApiProblem;
  }
  return body as T;
}

export async function getJson<T>(path: string): Promise<T> {
  return parse<T>(await fetch(path, { headers: { accept: 'application/json' } }));
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return parse<T>(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

export async function deleteJson<T>(path: string): Promise<T> {
  return parse<T>(await fetch(path, { method: 'DELETE', headers: { accept: 'application/json' } }));
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiProblem | undefined;
  loading: boolean;
}

/** GETs `path` (null: nothing) and re-fetches when it changes. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  useEffect(() => {
    if (path === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    let live = true;
    setState({ data: undefined, error: undefined, loading: true });
    getJson<T>(path).then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: ApiProblem) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}
