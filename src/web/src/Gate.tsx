import { Center, Loader } from '@mantine/core';
import { App } from './App.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { useSession } from './session.ts';

/** The dashboard for a signed-in user, else the sign-in page. */
export function Gate() {
  const session = useSession();
  const { state } = session;
  if (state.status === 'loading') {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (state.status === 'signed-out') {
    return <SignInPage problem={state.problem} onSignIn={session.signIn} />;
  }
  return (
    <App
      user={state.user}
      onSignOut={() => void session.signOut()}
      onSetPassword={session.setPassword}
    />
  );
}
