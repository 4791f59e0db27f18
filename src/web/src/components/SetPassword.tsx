import { Alert, Button, Group, PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api.ts';
import { Problem } from './Problem.tsx';

/**
 * Shown to a user signed in by a one-time link, who has no password yet: without one they
 * could not sign in again once the session ends.
 */
export function SetPassword(props: { onSet: (password: string) => Promise<unknown> }) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSet(password).then(
      () => setProblem(undefined),
      (error: ApiProblem) => setProblem(error),
    );
  };
  return (
    <Alert color="yellow" title="Set a password" mb="md">
      You signed in with a one-time link. Choose a password (12 characters or more) to sign in again
      later.
      <form onSubmit={submit} aria-label="Set a password">
        <Group mt="sm" align="flex-end">
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            w={280}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit">Set password</Button>
        </Group>
      </form>
      {problem && <Problem problem={problem} />}
    </Alert>
  );
}
