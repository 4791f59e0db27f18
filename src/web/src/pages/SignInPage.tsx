import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api.ts';
import { Problem } from '../components/Problem.tsx';

/** The sign-in page: a name and a password (a first sign-in comes by a one-time link). */
export function SignInPage(props: {
  problem: ApiProblem | undefined;
  onSignIn: (name: string, password: string) => Promise<unknown>;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    void props.onSignIn(name, password).finally(() => setBusy(false));
  };
  return (
    <Center h="100vh">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit} aria-label="Sign in">
          <Stack>
            <Title order={3}>trustee</Title>
            <Text c="dimmed" size="sm">
              Sign in to the investor and administrator portal.
            </Text>
            {props.problem && <Problem problem={props.problem} />}
            <TextInput
              label="Name"
              autoComplete="username"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
