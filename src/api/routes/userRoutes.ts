import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TrusteeError } from '../../errors/catalogue.ts';
import { roles, type Role, type User } from '../../store/people.ts';
import {
  addPerson,
  disablePerson,
  revokeToken,
  setRole,
  signInLink,
} from '../../store/peopleChanges.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import type { Portal } from '../service/portal.ts';
import { arrayResponse, dealIdSchema, errorResponses, objectResponse } from '../schemas.ts';
import { requestWho } from './requestWho.ts';

const nameSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;
const nameParams = {
  type: 'object',
  properties: { name: nameSchema },
  required: ['name'],
  additionalProperties: false,
} as const;
const nameDealParams = {
  type: 'object',
  properties: { name: nameSchema, dealId: dealIdSchema },
  required: ['name', 'dealId'],
  additionalProperties: false,
} as const;
const nameTokenParams = {
  type: 'object',
  properties: { name: nameSchema, tokenId: { type: 'string', pattern: '^[0-9a-f]{12}$' } },
  required: ['name', 'tokenId'],
  additionalProperties: false,
} as const;

/**
 * The one-time sign-in link as `trustee users add` prints it (users.action.ts `linkFor`): the
 * secret in the fragment, which a browser never sends, so it is in no access log.
 */
function linkFor(request: FastifyRequest, secret: string): string {
  return `${request.protocol}://${request.host}/#/sign-in/${secret}`;
}

async function existing(store: TrustStore, name: string): Promise<User> {
  const user = await store.people.getUser(name);
  if (!user) {
    throw new TrusteeError('UNKNOWN_USER', `no user "${name}"`, [
      { field: 'name', message: `no user "${name}"`, got: name },
    ]);
  }
  return user;
}

/**
 * Refuses a change that would leave no enabled administrator (disabling or demoting the last
 * one): nobody could manage users from the portal again, only from the command line.
 */
async function keepAnAdministrator(store: TrustStore, user: User): Promise<void> {
  if (user.role !== 'administrator' || user.disabledAt !== null) return;
  const others = (await store.people.listUsers()).filter(
    (u) => u.role === 'administrator' && u.disabledAt === null && u.name !== user.name,
  );
  if (others.length === 0) {
    throw new TrusteeError('INVALID_INPUT', `${user.name} is the last administrator`, [
      {
        field: 'name',
        message: 'the last enabled administrator',
        expected: 'another enabled administrator first',
        got: user.name,
      },
    ]);
  }
}

/**
 * The users page's API (administrators change, auditors read: permissions.ts): users with
 * their role, entitled deals and whether disabled; add one (with a one-time sign-in link),
 * change a role, entitle or withdraw a deal, disable, list and revoke API tokens. Every change
 * goes through peopleChanges.ts, in one transaction with its audit entry.
 */
export function userRoutes(app: FastifyInstance, portal: Portal, store: TrustStore): void {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Every user: role, entitled deals, disabled, whether a password is set',
        response: { 200: arrayResponse('name, role, deals, hasPassword, createdAt, disabledAt') },
      },
    },
    () => store.people.listUsers(),
  );
  app.post<{ Body: { name: string; role: Role; deals?: string[] } }>(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a user; answers a one-time sign-in link (24 hours) to hand to them',
        body: {
          type: 'object',
          properties: {
            name: nameSchema,
            role: { type: 'string', enum: [...roles] },
            deals: { type: 'array', items: dealIdSchema, maxItems: 10_000 },
          },
          required: ['name', 'role'],
          additionalProperties: false,
        },
        response: { 201: objectResponse('user, link'), ...errorResponses(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { name, role, deals = [] } = request.body;
      for (const dealId of deals) await portal.resolve(dealId);
      const who = requestWho(request);
      const user = await addPerson(store, { name, role, deals }, who);
      const link = linkFor(request, await signInLink(store, name, who));
      return reply.code(201).send({ user, link });
    },
  );
  app.put<{ Params: { name: string }; Body: { role: Role; deals?: string[] } }>(
    '/api/users/:name/role',
    {
      schema: {
        tags: ['users'],
        summary: "Change a user's role (an investor's deals: given, else kept)",
        params: nameParams,
        body: {
          type: 'object',
          properties: {
            role: { type: 'string', enum: [...roles] },
            deals: { type: 'array', items: dealIdSchema, maxItems: 10_000 },
          },
          required: ['role'],
          additionalProperties: false,
        },
        response: { 200: objectResponse('the user'), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const { name } = request.params;
      const { role } = request.body;
      const before = await existing(store, name);
      if (role !== 'administrator') await keepAnAdministrator(store, before);
      const deals = role === 'investor' ? (request.body.deals ?? before.deals) : [];
      for (const dealId of deals) await portal.resolve(dealId);
      return setRole(store, name, role, deals, requestWho(request));
    },
  );
  app.put<{ Params: { name: string; dealId: string } }>(
    '/api/users/:name/deals/:dealId',
    {
      schema: {
        tags: ['users'],
        summary: 'Entitle an investor to a deal',
        params: nameDealParams,
        response: { 200: objectResponse('the user'), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const { name, dealId } = request.params;
      await portal.resolve(dealId);
      const user = await existing(store, name);
      return setRole(store, name, user.role, [...user.deals, dealId], requestWho(request));
    },
  );
  app.delete<{ Params: { name: string; dealId: string } }>(
    '/api/users/:name/deals/:dealId',
    {
      schema: {
        tags: ['users'],
        summary: "Withdraw an investor's entitlement to a deal",
        params: nameDealParams,
        response: { 200: objectResponse('the user'), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const { name, dealId } = request.params;
      const user = await existing(store, name);
      const deals = user.deals.filter((d) => d !== dealId);
      return setRole(store, name, user.role, deals, requestWho(request));
    },
  );
  app.post<{ Params: { name: string } }>(
    '/api/users/:name/disable',
    {
      schema: {
        tags: ['users'],
        summary: 'Disable a user: they cannot sign in; their tokens and sessions end',
        params: nameParams,
        response: { 200: objectResponse('the user'), ...errorResponses(404) },
      },
    },
    async (request) => {
      await keepAnAdministrator(store, await existing(store, request.params.name));
      return disablePerson(store, request.params.name, requestWho(request));
    },
  );
  app.post<{ Params: { name: string } }>(
    '/api/users/:name/link',
    {
      schema: {
        tags: ['users'],
        summary: 'A new one-time sign-in link for a user (24 hours)',
        params: nameParams,
        response: { 200: objectResponse('link'), ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const user = await existing(store, request.params.name);
      if (user.disabledAt !== null) {
        throw new TrusteeError('INVALID_INPUT', `${user.name} is disabled`, [
          { field: 'name', message: 'disabled', expected: 'an enabled user', got: user.name },
        ]);
      }
      return { link: linkFor(request, await signInLink(store, user.name, requestWho(request))) };
    },
  );
  app.get<{ Params: { name: string } }>(
    '/api/users/:name/tokens',
    {
      schema: {
        tags: ['users'],
        summary: "A user's API tokens (never the tokens themselves), newest first",
        params: nameParams,
        response: {
          200: arrayResponse('tokenId, label, createdAt, revokedAt'),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      await existing(store, request.params.name);
      return store.people.listTokens(request.params.name);
    },
  );
  app.delete<{ Params: { name: string; tokenId: string } }>(
    '/api/users/:name/tokens/:tokenId',
    {
      schema: {
        tags: ['users'],
        summary: "Revoke one of a user's API tokens",
        params: nameTokenParams,
        response: { 200: objectResponse('the token'), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const { name, tokenId } = request.params;
      const tokens = await store.people.listTokens(name);
      if (!tokens.some((t) => t.tokenId === tokenId)) {
        throw new TrusteeError('NOT_FOUND', `${name} has no API token ${tokenId}`, [
          { field: 'tokenId', message: `not a token of ${name}`, got: tokenId },
        ]);
      }
      return revokeToken(store, tokenId, requestWho(request));
    },
  );
}
