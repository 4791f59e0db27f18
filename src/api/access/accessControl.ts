import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { TrusteeError } from '../../errors/catalogue.ts';
import { sameSecret } from '../../store/credentials.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { authenticate, CSRF_HEADER, type Caller } from './authenticate.ts';
import { permissionFor, type Permission } from './permissions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, set before the route runs (undefined on public routes). */
    caller?: Caller;
  }
}

/** Methods that change nothing: the only ones a browser session may send without its token. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sign-in and the permission table on every route, and the headers every answer carries:
 * - each route's permission comes from permissions.ts; a route missing there stops the app
 *   from starting (so a new route cannot be open by accident);
 * - a browser session must send its CSRF token (`x-csrf-token`) on a state-changing request:
 *   another site can make the browser send the cookie, never read the token;
 * - @fastify/helmet: a Content-Security-Policy (scripts and everything else from this app
 *   only; inline styles, which Mantine and Swagger UI set), frames refused, nosniff, no referrer;
 * - @fastify/rate-limit, used by the sign-in routes only (`config.rateLimit`).
 */
export async function registerAccessControl(app: FastifyInstance, store: TrustStore) {
  app.addHook('onRoute', (route) => guard(route, store));
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new TrusteeError('RATE_LIMITED', `too many sign-in attempts: try again in ${context.after}`, [
        {
          field: 'address',
          message: `more than ${context.max} attempts from this address`,
          expected: `at most ${context.max} a minute`,
        },
      ]),
  });
}

function guard(route: RouteOptions, store: TrustStore): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const found = methods.map((method) => permissionFor(method, route.url));
  const permission = found[0];
  if (!permission || found.some((p) => p !== permission)) {
    throw new Error(
      `${methods.join(',')} ${route.url} has no entry in the permission table (src/api/access/permissions.ts)`,
    );
  }
  const hooks = route.onRequest === undefined ? [] : [route.onRequest].flat();
  route.onRequest = [
    async (request: FastifyRequest) => {
      await check(request, permission, store);
    },
    ...hooks,
  ];
}

async function check(request: FastifyRequest, permission: Permission, store: TrustStore) {
  const caller = await authenticate(request, store);
  if (caller) request.caller = caller;
  if (permission.roles === 'anyone') return;
  const route = `${request.method} ${request.routeOptions.url}`;
  if (!caller) {
    throw new TrusteeError('UNAUTHENTICATED', `sign in first: ${route} needs a signed-in user`, [
      {
        field: 'authorization',
        message: 'no valid session or API token',
        expected: 'the session cookie (POST /api/session) or Authorization: Bearer <token>',
      },
    ]);
  }
  const { user } = caller;
  if (!permission.roles.includes(user.role)) {
    throw new TrusteeError('FORBIDDEN', `${user.name} (${user.role}) may not use ${route}`, [
      {
        field: 'role',
        message: `${user.role} may not use ${route}`,
        expected: `one of ${permission.roles.join(', ')}`,
        got: user.role,
      },
    ]);
  }
  const dealId = (request.params as { dealId?: string }).dealId;
  if (permission.deal && user.role === 'investor' && !user.deals.includes(dealId ?? '')) {
    throw new TrusteeError('FORBIDDEN', `${user.name} is not entitled to deal ${dealId}`, [
      {
        field: 'dealId',
        message: 'not a deal this investor is entitled to',
        expected: user.deals.length > 0 ? `one of ${user.deals.join(', ')}` : 'no deal',
        got: dealId,
      },
    ]);
  }
  if (caller.via === 'session' && !SAFE.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !caller.csrfToken || !sameSecret(sent, caller.csrfToken)) {
      throw new TrusteeError('FORBIDDEN', `${route}: the request lacks its CSRF token`, [
        {
          field: CSRF_HEADER,
          message: "missing, or not the session's",
          expected: "the session's CSRF token (GET /api/session answers it)",
        },
      ]);
    }
  }
}
