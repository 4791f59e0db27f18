import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TrusteeError } from '../../errors/catalogue.ts';
import { decoyHash, newSecret, passwordMatches, secretHash } from '../../store/credentials.ts';
import type { User } from '../../store/people.ts';
import { setPassword, type Who } from '../../store/peopleChanges.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { SESSION_COOKIE } from '../access/authenticate.ts';
import { errorResponses, objectResponse } from '../schemas.ts';

/** How long a browser session lasts: a working day, then sign in again. */
const SESSION_HOURS = 12;

/** Sign-in attempts an address may make a minute (each route), then 429 RATE_LIMITED. */
export const SIGN_IN_ATTEMPTS = 10;
const rateLimit = { rateLimit: { max: SIGN_IN_ATTEMPTS, timeWindow: '1 minute' } };

export interface SessionOptions {
  /** Mark the cookie Secure (default true). Browsers keep Secure cookies of http://127.0.0.1 too. */
  readonly secureCookies?: boolean;
}

const who = (request: FastifyRequest, actor: string): Who => ({
  actor,
  at: new Date().toISOString(),
  address: request.ip,
});

const body = (properties: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const secret = { type: 'string', minLength: 1, maxLength: 1024 };

function refused(): TrusteeError {
  // One answer for a wrong name, a wrong password, a disabled user, a used link: a caller
  // learns nothing about which names exist.
  return new TrusteeError('UNAUTHENTICATED', 'sign-in failed', [
    { field: 'credentials', message: 'wrong name or password, or the link is used or expired' },
  ]);
}

/** What the dashboard learns of who is signed in; the CSRF token it must send back. */
function signedIn(user: User, csrfToken?: string) {
  return {
    name: user.name,
    role: user.role,
    deals: [...user.deals],
    hasPassword: user.hasPassword,
    ...(csrfToken ? { csrfToken } : {}),
  };
}

/** Sign-in (password or one-time link), who is signed in, sign-out, one's own password. */
export function sessionRoutes(app: FastifyInstance, store: TrustStore, options: SessionOptions) {
  const secure = options.secureCookies ?? true;

  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    how: string,
  ) {
    const cookie = newSecret();
    const csrfToken = newSecret();
    const at = new Date();
    const expiresAt = new Date(at.getTime() + SESSION_HOURS * 3600_000);
    await store.transaction(async (tx) => {
      await tx.people.addSession({
        sessionHash: secretHash(cookie),
        name: user.name,
        csrfToken,
        createdAt: at.toISOString(),
        expiresAt: expiresAt.toISOString(),
        address: request.ip,
      });
      await tx.appendAudit({ ...who(request, user.name), action: 'sign-in', details: { how } });
    });
    reply.setCookie(SESSION_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      expires: expiresAt,
    });
    return signedIn(user, csrfToken);
  }

  async function failed(request: FastifyRequest, how: string, name?: string): Promise<never> {
    await store.appendAudit({
      ...who(request, name ?? 'unknown'),
      action: 'sign-in-failed',
      details: { how },
    });
    throw refused();
  }

  const tags = ['session'];
  app.post<{ Body: { name: string; password: string } }>(
    '/api/session',
    {
      config: rateLimit,
      schema: {
        tags,
        summary:
          'Sign in with a name and password: sets the session cookie, answers the CSRF token',
        body: body({ name: { type: 'string', minLength: 1, maxLength: 64 }, password: secret }, [
          'name',
          'password',
        ]),
        response: {
          200: objectResponse('name, role, deals, csrfToken'),
          ...errorResponses(401, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const { name, password } = request.body;
      const stored = await store.people.passwordHash(name);
      // An unknown name is checked against a decoy hash: it takes as long as a known one.
      const ok = await passwordMatches(stored ?? (await decoyHash()), password);
      const user = ok && stored ? await store.people.getUser(name) : undefined;
      if (!user) return failed(request, 'password', name.slice(0, 64));
      return startSession(request, reply, user, 'password');
    },
  );
  app.post<{ Body: { token: string } }>(
    '/api/session/link',
    {
      config: rateLimit,
      schema: {
        tags,
        summary:
          'Sign in with a one-time link (`trustee serve` on a new store, `trustee users add`)',
        body: body({ token: secret }, ['token']),
        response: {
          200: objectResponse('name, role, deals, csrfToken'),
          ...errorResponses(401, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const user = await store.people.useSignInLink(
        secretHash(request.body.token),
        new Date().toISOString(),
      );
      if (!user) return failed(request, 'link');
      return startSession(request, reply, user, 'link');
    },
  );
  app.get(
    '/api/session',
    {
      schema: {
        tags,
        summary: "Who is signed in: name, role, an investor's deals, the session's CSRF token",
        response: {
          200: objectResponse('name, role, deals, hasPassword, csrfToken'),
          ...errorResponses(401),
        },
      },
    },
    (request) => signedIn(request.caller!.user, request.caller!.csrfToken),
  );
  app.delete(
    '/api/session',
    {
      schema: {
        tags,
        summary: 'Sign out: the session ends and its cookie is cleared',
        response: { 200: objectResponse('signedOut'), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const caller = request.caller!;
      await store.transaction(async (tx) => {
        if (caller.sessionHash) await tx.people.endSession(caller.sessionHash);
        await tx.appendAudit({ ...who(request, caller.user.name), action: 'sign-out' });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
      return { signedOut: true };
    },
  );
  app.put<{ Body: { password: string; currentPassword?: string } }>(
    '/api/session/password',
    {
      // The current password is asked for here too: as many guesses as at sign-in.
      config: rateLimit,
      schema: {
        tags,
        summary:
          "Set one's own password (12 characters or more); the current one is required once set",
        body: body({ password: secret, currentPassword: secret }, ['password']),
        response: {
          200: objectResponse('name, role, deals, hasPassword'),
          ...errorResponses(401, 403, 422),
        },
      },
    },
    async (request) => {
      const { user } = request.caller!;
      const { password, currentPassword } = request.body;
      if (user.hasPassword) {
        const stored = await store.people.passwordHash(user.name);
        if (!stored || !currentPassword || !(await passwordMatches(stored, currentPassword))) {
          throw new TrusteeError('FORBIDDEN', 'the current password is wrong', [
            {
              field: 'body.currentPassword',
              message: 'does not match',
              expected: 'the current password',
            },
          ]);
        }
      }
      return signedIn(await setPassword(store, user.name, password, who(request, user.name)));
    },
  );
}
