import { Alert, List } from '@mantine/core';
import type { ApiProblem } from '../api.ts';

/** An API error as the user sees it: the code, the message and each detail. */
export function Problem({ problem }: { problem: ApiProblem }) {
  return (
    <Alert color="red" title={`${problem.code}: ${problem.message}`} role="alert">
      {problem.details.length > 0 && (
        <List size="sm">
          {problem.details.map((d, i) => (
            <List.Item key={i}>
              {d.field ? `${d.field}: ` : ''}
              {d.message}
              {d.expected ? ` (expected ${d.expected})` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
