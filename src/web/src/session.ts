import { useCallback, useEffect, useState } from 'react';
import {
  deleteJson,
  getJson,
  sendJson,
  setCsrfToken,
  SIGNED_OUT_EVENT,
  type ApiProblem,
} from './api.ts';

/** Who is signed in, as GET /api/session answers (src/api/routes/sessionRoutes.ts). */
export interface SignedIn {
  name: string;
  role: string;
  deals: string[];
  hasPassword: boolean;
  csrfToken?: string;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; problem?: ApiProblem }
  | { status: 'signed-in'; user: SignedIn };

/** "#/sign-in/<secret>": a one-time sign-in link (`trustee serve`, `trustee users add`). */
export function linkSecret(hash: string): string | undefined {
  return /^#\/sign-in\/([A-Za-z0-9_-]+)$/.exec(hash)?.[1];
}

/**
 * The session: asks the API who is signed in, signs in with a password or a one-time link (the
 * link's secret is in the URL's fragment, which the browser never sends to a server; it is
 * removed from the address bar at once), signs out. A 401 from any call shows the sign-in page.
 */
export function useSession() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const signedIn = useCallback((user: SignedIn) => {
    setCsrfToken(user.csrfToken);
    setState({ status: 'signed-in', user });
  }, []);
  const failed = useCallback((problem?: ApiProblem) => {
    setCsrfToken(undefined);
    setState({ status: 'signed-out', ...(problem ? { problem } : {}) });
  }, []);

  useEffect(() => {
    const useLink = (): boolean => {
      const secret = linkSecret(window.location.hash);
      if (!secret) return false;
      window.history.replaceState(null, '', `${window.location.pathname}#/`);
      sendJson<SignedIn>('POST', '/api/session/link', { token: secret }).then(signedIn, failed);
      return true;
    };
    if (!useLink()) getJson<SignedIn>('/api/session').then(signedIn, () => failed());
    // A link opened in a tab already on the portal changes only the fragment.
    const onHashChange = () => void useLink();
    const onSignedOut = () => failed();
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
    };
  }, [signedIn, failed]);

  return {
    state,
    signIn: (name: string, password: string) =>
      sendJson<SignedIn>('POST', '/api/session', { name, password }).then(signedIn, failed),
    signOut: () => deleteJson('/api/session').finally(() => failed()),
    setPassword: (password: string, currentPassword?: string) =>
      sendJson<SignedIn>('PUT', '/api/session/password', {
        password,
        ...(currentPassword ? { currentPassword } : {}),
      }).then((user) => state.status === 'signed-in' && signedIn({ ...state.user, ...user })),
  };
}
