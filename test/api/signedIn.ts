import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type AppOptions } from '../../src/api/app.ts';
import { openStore } from '../../src/store/openStore.ts';
import type { Role } from '../../src/store/people.ts';
import { addPerson, createToken } from '../../src/store/peopleChanges.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';

const who = { actor: 'test', at: '2026-12-02T00:00:00.000Z', address: 'test' };

/**
 * Test support: an API token of a user with `role` (made if missing, named after the role
 * unless named), as a script would hold one after `trustee users token create`.
 */
export async function tokenFor(
  store: TrustStore,
  role: Role,
  options: { name?: string; deals?: readonly string[] } = {},
): Promise<string> {
  const name = options.name ?? role;
  if (!(await store.people.getUser(name))) {
    await addPerson(store, { name, role, deals: options.deals ?? [] }, who);
  }
  return (await createToken(store, name, 'test', who)).token;
}

/**
 * The app seen by a signed-in script: every `inject` carries `Authorization: Bearer <token>`
 * unless the request sets its own authorization header (a test of another caller does).
 */
export function injectingAs(app: FastifyInstance, token: string): FastifyInstance {
  const inject = (request: string | InjectOptions) => {
    const options = typeof request === 'string' ? { url: request } : request;
    return app.inject({
      ...options,
      headers: { authorization: `Bearer ${token}`, ...options.headers },
    });
  };
  return new Proxy(app, {
    get(target, property) {
      if (property === 'inject') return inject;
      // A fastify instance is thenable (it awaits its plugins): awaited, it would resolve to
      // itself unwrapped. inject waits for the plugins anyway.
      if (property === 'then') return undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * `buildApp` as the tests use it: signed in as `role` (an administrator by default) with an API
 * token; the users live in `options.store`, else in an in-memory store closed with the app.
 */
export async function signedInApp(
  options: AppOptions,
  role: Role = 'administrator',
): Promise<FastifyInstance> {
  const store = options.store ?? (await openStore(':memory:'));
  const app = await buildApp({ ...options, store });
  if (!options.store) app.addHook('onClose', () => store.close());
  return injectingAs(app, await tokenFor(store, role));
}
