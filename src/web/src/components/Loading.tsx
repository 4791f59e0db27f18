import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Loaded } from '../api.ts';
import { Problem } from './Problem.tsx';

/** Shows a loader, the API's error, or the page made from the data. */
export function Loading<T>({
  state,
  children,
}: {
  state: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <Problem problem={state.error} />;
  if (state.loading || state.data === undefined) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  return <>{children(state.data)}</>;
}
