import type { FastifyInstance } from 'fastify';
import { addWebhook, removeWebhook, unwatchDeal, watchDeal } from '../../store/investorChanges.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { newestFirst, publishedVersions } from '../investors/publishedVersions.ts';
import { watchedDeals } from '../investors/watchedDeals.ts';
import type { Portal } from '../service/portal.ts';
import { arrayResponse, dealParams, errorResponses, objectResponse } from '../schemas.ts';
import { callerOf, requestWho } from './requestWho.ts';

const webhookParams = {
  type: 'object',
  properties: { webhookId: { type: 'string', pattern: '^[0-9a-f]{12}$' } },
  required: ['webhookId'],
  additionalProperties: false,
} as const;

/**
 * A user's watch list, the feed of statements published for the watched deals, and the user's
 * webhooks. Each user sees and changes their own only; an investor watches entitled deals only
 * (permissions.ts checks `:dealId`).
 */
export function watchRoutes(app: FastifyInstance, portal: Portal, store: TrustStore): void {
  app.get(
    '/api/watchlist',
    {
      schema: {
        tags: ['investors'],
        summary: "The caller's watched deals (those they may still see)",
        response: { 200: arrayResponse('dealId, name, addedAt') },
      },
    },
    async (request) => {
      const names = new Map((await portal.deals()).map((d) => [d.id, d.name]));
      const watched = await watchedDeals(store, portal, callerOf(request));
      return watched.map((w) => ({ ...w, name: names.get(w.dealId) ?? w.dealId }));
    },
  );
  app.put<{ Params: { dealId: string } }>(
    '/api/watchlist/:dealId',
    {
      schema: {
        tags: ['investors'],
        summary: 'Watch a deal: its published statements come into the feed and webhooks',
        params: dealParams,
        response: { 200: objectResponse('dealId, addedAt'), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const { dealId } = request.params;
      await portal.resolve(dealId);
      return watchDeal(store, callerOf(request).name, dealId, requestWho(request));
    },
  );
  app.delete<{ Params: { dealId: string } }>(
    '/api/watchlist/:dealId',
    {
      schema: {
        tags: ['investors'],
        summary: 'Stop watching a deal',
        params: dealParams,
        response: { 200: objectResponse('dealId, removed'), ...errorResponses(422) },
      },
    },
    async (request) => {
      const { dealId } = request.params;
      const removed = await unwatchDeal(store, callerOf(request).name, dealId, requestWho(request));
      return { dealId, removed };
    },
  );
  app.get<{ Querystring: { limit: number } }>(
    '/api/feed',
    {
      schema: {
        tags: ['investors'],
        summary: 'Statements published for the watched deals (corrections too), newest first',
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
          additionalProperties: false,
        },
        response: {
          200: arrayResponse(
            'dealId, dealName, distributionDate, version, correction, reason, publishedAt, statement',
          ),
        },
      },
    },
    async (request) => {
      const entries = [];
      for (const watched of await watchedDeals(store, portal, callerOf(request))) {
        entries.push(...(await publishedVersions(store, watched.dealId)));
      }
      return entries.sort(newestFirst).slice(0, request.query.limit);
    },
  );

  app.get(
    '/api/webhooks',
    {
      schema: {
        tags: ['investors'],
        summary: "The caller's webhooks (never their secrets)",
        response: { 200: arrayResponse('webhookId, url, label, createdAt') },
      },
    },
    (request) => store.investors.webhooks(callerOf(request).name),
  );
  app.post<{ Body: { url: string; label?: string } }>(
    '/api/webhooks',
    {
      schema: {
        tags: ['investors'],
        summary:
          'Register a URL to be sent each new published statement of the watched deals; the signing secret is shown once',
        body: {
          type: 'object',
          properties: {
            url: { type: 'string', minLength: 1, maxLength: 2048 },
            label: { type: 'string', maxLength: 100 },
          },
          required: ['url'],
          additionalProperties: false,
        },
        response: { 201: objectResponse('webhook, secret'), ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const made = await addWebhook(
        store,
        callerOf(request).name,
        request.body,
        requestWho(request),
      );
      return reply.code(201).send(made);
    },
  );
  app.get<{ Params: { webhookId: string } }>(
    '/api/webhooks/:webhookId/deliveries',
    {
      schema: {
        tags: ['investors'],
        summary: "A webhook's notices: delivered, retrying (with the last error) or failed",
        params: webhookParams,
        response: {
          200: arrayResponse('the deliveries, newest date first'),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      await ownWebhook(store, request.params.webhookId, callerOf(request).name);
      return store.investors.deliveries(request.params.webhookId);
    },
  );
  app.delete<{ Params: { webhookId: string } }>(
    '/api/webhooks/:webhookId',
    {
      schema: {
        tags: ['investors'],
        summary: 'Remove a webhook: it is sent nothing more',
        params: webhookParams,
        response: { 200: objectResponse('the webhook'), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      await ownWebhook(store, request.params.webhookId, callerOf(request).name);
      return removeWebhook(store, request.params.webhookId, requestWho(request));
    },
  );
}

/** A live webhook of the caller's; another user's is "not found", as if it did not exist. */
async function ownWebhook(store: TrustStore, webhookId: string, name: string): Promise<void> {
  const webhook = await store.investors.webhook(webhookId);
  if (!webhook || webhook.name !== name || webhook.removedAt !== null) {
    throw new TrusteeError('NOT_FOUND', `no webhook ${webhookId}`, [
      { field: 'webhookId', message: 'not a webhook of yours', got: webhookId },
    ]);
  }
}
