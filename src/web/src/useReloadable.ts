import { useCallback, useEffect, useState } from 'react';
import { getJson, type ApiProblem, type Loaded } from './api.ts';

/** GETs `path` like useApi, and again on `reload()` (after the page changed something). */
export function useReloadable<T>(path: string | null): Loaded<T> & { reload: () => void } {
  const [tick, setTick] = useState(0);
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
    // Keep the data shown while it reloads: the page does not flash a loader after each change.
    setState((s) => ({ ...s, loading: true }));
    getJson<T>(path).then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: ApiProblem) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
