import { useCallback, useEffect, useState } from 'react';

/** An error the API answered: its code, message and details ({code, message, details}). */
export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  details: { field?: string; message: string; expected?: string }[];
}

/**
 * The session's CSRF token (GET /api/session answers it): sent as x-csrf-token on every request
 * that changes something. Kept in memory only, never in storage another script could read.
 */
let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Fired when the API answers 401: the session ended (expired, signed out elsewhere). */
export const SIGNED_OUT_EVENT = 'trustee:signed-out';

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
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

function changing(): Record<string, string> {
  return csrfToken
    ? { accept: 'application/json', 'x-csrf-token': csrfToken }
    : { accept: 'application/json' };
}

export async function sendJson<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  return parse<T>(
    await fetch(path, {
      method,
      headers: { ...changing(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

export function postJson<T>(path: string, body: unknown): Promise<T> {
  return sendJson<T>('POST', path, body);
}

/** POSTs a file's text as it is (a CSV upload), with its media type. */
export async function postText<T>(path: string, mediaType: string, text: string): Promise<T> {
  return parse<T>(
    await fetch(path, {
      method: 'POST',
      headers: { ...changing(), 'content-type': mediaType },
      body: text,
    }),
  );
}

export async function deleteJson<T>(path: string): Promise<T> {
  return parse<T>(await fetch(path, { method: 'DELETE', headers: changing() }));
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiProblem | undefined;
  loading: boolean;
}

/**
 * GETs `path` (null: nothing), again when it changes and on `reload()` (after the page changed
 * something). A reload keeps the data shown while it runs (no loader flashing after each
 * change); another path starts empty.
 */
export function useReloadable<T>(path: string | null): Loaded<T> & { reload: () => void } {
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Loaded<T> & { path?: string }>({
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
    setState((s) =>
      s.path === path
        ? { ...s, loading: true }
        : { data: undefined, error: undefined, loading: true, path },
    );
    getJson<T>(path).then(
      (data) => live && setState({ data, error: undefined, loading: false, path }),
      (error: ApiProblem) => live && setState({ data: undefined, error, loading: false, path }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** GETs `path` (null: nothing) and re-fetches when it changes. */
export function useApi<T>(path: string | null): Loaded<T> {
  return useReloadable<T>(path);
}
