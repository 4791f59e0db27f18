import { randomBytes } from 'node:crypto';
import { TrusteeError } from '../errors/catalogue.ts';
import type { Cents } from '../money/cents.ts';
import { newSecret } from './credentials.ts';
import type { Position, WatchedDeal, Webhook } from './investors.ts';
import type { Who } from './peopleChanges.ts';
import type { TrustStore } from './trustStore.ts';

/**
 * Changes to a user's watch list, webhooks and positions, each in one transaction with its
 * audit entry (who, when, from where, what; never a webhook's secret). Whether the user may
 * name the deal (an investor's entitlement) is the caller's check, before.
 */

/** The longest webhook URL accepted (a common limit of HTTP clients and proxies). */
export const MAX_URL = 2048;

/** Webhooks a user may have at once: enough for every system of theirs, bounded for the dispatcher. */
export const MAX_WEBHOOKS = 20;

/**
 * A webhook URL: absolute http or https, with a host, no user name or password in it (they
 * would be kept and listed in the clear) and no fragment (never sent).
 */
export function checkWebhookUrl(text: string): string {
  const refuse = (message: string): never => {
    throw new TrusteeError('INVALID_INPUT', `url: ${message}`, [
      {
        field: 'url',
        message,
        expected: 'an absolute http:// or https:// URL without credentials or fragment',
        got: text.length > 100 ? `${text.slice(0, 100)}...` : text,
      },
    ]);
  };
  if (text.length > MAX_URL) refuse(`longer than ${MAX_URL} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    refuse(`scheme ${url.protocol} not accepted`);
  }
  if (url.hostname === '') refuse('no host');
  if (url.username !== '' || url.password !== '') refuse('credentials in the URL');
  if (url.hash !== '') refuse('a fragment is never sent');
  return url.toString();
}

export function watchDeal(
  store: TrustStore,
  name: string,
  dealId: string,
  who: Who,
): Promise<WatchedDeal> {
  return store.transaction(async (tx) => {
    const watched = await tx.investors.watch(name, dealId, who.at);
    await tx.appendAudit({ ...who, action: 'watch-deal', dealId, details: { user: name } });
    return watched;
  });
}

export function unwatchDeal(
  store: TrustStore,
  name: string,
  dealId: string,
  who: Who,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    const removed = await tx.investors.unwatch(name, dealId);
    if (removed) {
      await tx.appendAudit({ ...who, action: 'unwatch-deal', dealId, details: { user: name } });
    }
    return removed;
  });
}

/** A new webhook for `name`: its signing secret is returned once, with it. */
export async function addWebhook(
  store: TrustStore,
  name: string,
  input: { readonly url: string; readonly label?: string },
  who: Who,
): Promise<{ webhook: Webhook; secret: string }> {
  const url = checkWebhookUrl(input.url);
  const secret = newSecret('whsec_');
  const webhookId = randomBytes(6).toString('hex');
  return store.transaction(async (tx) => {
    const live = (await tx.investors.webhooks(name)).length;
    if (live >= MAX_WEBHOOKS) {
      throw new TrusteeError('INVALID_INPUT', `${name} has ${live} webhooks already`, [
        {
          field: 'url',
          message: `${live} webhooks`,
          expected: `at most ${MAX_WEBHOOKS} a user: remove one first`,
        },
      ]);
    }
    const webhook = await tx.investors.addWebhook({
      webhookId,
      name,
      url,
      secret,
      label: input.label ?? '',
      createdAt: who.at,
      removedAt: null,
    });
    await tx.appendAudit({
      ...who,
      action: 'add-webhook',
      details: { user: name, webhookId, url, label: webhook.label },
    });
    return { webhook, secret };
  });
}

export function removeWebhook(store: TrustStore, webhookId: string, who: Who): Promise<Webhook> {
  return store.transaction(async (tx) => {
    const webhook = await tx.investors.removeWebhook(webhookId, who.at);
    await tx.appendAudit({
      ...who,
      action: 'remove-webhook',
      details: { user: webhook.name, webhookId, url: webhook.url },
    });
    return webhook;
  });
}

export interface NewPosition {
  readonly name: string;
  readonly dealId: string;
  readonly className: string;
  readonly originalFace: Cents;
  readonly label?: string;
}

export async function addPosition(
  store: TrustStore,
  input: NewPosition,
  who: Who,
): Promise<Position> {
  if (input.originalFace <= 0) {
    throw new TrusteeError('INVALID_INPUT', 'originalFace: not a holding', [
      {
        field: 'originalFace',
        message: 'zero or negative',
        expected: 'a positive dollar amount',
        got: input.originalFace / 100,
      },
    ]);
  }
  const position: Position = {
    positionId: randomBytes(6).toString('hex'),
    name: input.name,
    dealId: input.dealId,
    className: input.className,
    originalFace: input.originalFace,
    label: input.label ?? '',
    createdAt: who.at,
  };
  return store.transaction(async (tx) => {
    const stored = await tx.investors.addPosition(position);
    await tx.appendAudit({
      ...who,
      action: 'add-position',
      dealId: input.dealId,
      details: {
        user: input.name,
        positionId: stored.positionId,
        class: stored.className,
        originalFace: stored.originalFace,
      },
    });
    return stored;
  });
}

export function removePosition(store: TrustStore, positionId: string, who: Who): Promise<Position> {
  return store.transaction(async (tx) => {
    const position = await tx.investors.removePosition(positionId, who.at);
    await tx.appendAudit({
      ...who,
      action: 'remove-position',
      dealId: position.dealId,
      details: { user: position.name, positionId, class: position.className },
    });
    return position;
  });
}
