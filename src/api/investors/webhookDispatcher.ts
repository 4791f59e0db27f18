import type { Delivery, DeliveryKey, Webhook } from '../../store/investors.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import type { Portal } from '../service/portal.ts';
import { publishedVersions, type PublishedVersion } from './publishedVersions.ts';
import { maySee, watchedDeals } from './watchedDeals.ts';
import { webhookNotice } from './webhookNotice.ts';

export interface DispatcherOptions {
  readonly store: TrustStore;
  readonly portal: Portal;
  /** How often it looks for new versions and due notices (default 5 s). */
  readonly intervalMs?: number;
  /** How long one POST may take (default 10 s). */
  readonly timeoutMs?: number;
  /** Attempts before a notice is given up as failed (default 8: about 4 hours of backoff). */
  readonly maxAttempts?: number;
  /** The wait before attempt n + 1 after n failed (default 30 s x 2^(n-1), at most 1 hour). */
  readonly backoffMs?: (attempts: number) => number;
  /** How long a claim holds a notice for one dispatcher (default 60 s: past the timeout). */
  readonly claimMs?: number;
  readonly now?: () => Date;
  /** Where a failed attempt is told (default nowhere: the delivery row keeps the error). */
  readonly log?: (line: string) => void;
}

export interface DispatchRound {
  readonly planned: number;
  readonly delivered: number;
  readonly retrying: number;
  readonly failed: number;
}

export const defaultBackoff = (attempts: number): number =>
  Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);

const keyOf = (d: DeliveryKey) => `${d.webhookId} ${d.dealId} ${d.distributionDate} ${d.version}`;

/**
 * Delivers a JSON notice of each new published version of a watched deal to each of the
 * watcher's webhooks, once. "New": published after both the webhook was made and the deal was
 * watched. Each round first plans the notices (a delivery row keyed by webhook, deal, date and
 * version: planned once whoever plans it), then sends the due ones, each claimed first by one
 * conditional update, so two dispatchers (two `trustee serve` on one database) never send one
 * notice twice; a failed attempt is retried with exponential backoff, then marked failed.
 * Rounds run on a timer, apart from any request.
 */
export function webhookDispatcher(options: DispatcherOptions) {
  const { store, portal } = options;
  const intervalMs = options.intervalMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoffMs ?? defaultBackoff;
  const claimMs = options.claimMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);

  /** Whether the webhook's owner may still be told of the deal (enabled, entitled, watching). */
  async function owner(webhook: Webhook) {
    const user = await store.people.getUser(webhook.name);
    return user && user.disabledAt === null ? user : undefined;
  }

  async function plan(at: string): Promise<number> {
    let planned = 0;
    // A deal's published versions read once a round, however many webhooks watch it.
    const versions = new Map<string, Promise<PublishedVersion[]>>();
    const versionsOf = (dealId: string): Promise<PublishedVersion[]> => {
      let read = versions.get(dealId);
      if (!read) versions.set(dealId, (read = publishedVersions(store, dealId)));
      return read;
    };
    for (const webhook of await store.investors.webhooks()) {
      const user = await owner(webhook);
      if (!user) continue;
      const known = new Set((await store.investors.deliveries(webhook.webhookId)).map(keyOf));
      for (const watched of await watchedDeals(store, portal, user)) {
        const since = watched.addedAt > webhook.createdAt ? watched.addedAt : webhook.createdAt;
        for (const v of await versionsOf(watched.dealId)) {
          const key: DeliveryKey = {
            webhookId: webhook.webhookId,
            dealId: v.dealId,
            distributionDate: v.distributionDate,
            version: v.version,
          };
          if (v.publishedAt < since || known.has(keyOf(key))) continue;
          if (await store.investors.planDelivery(key, at)) planned += 1;
        }
      }
    }
    return planned;
  }

  /** The published version a notice is of, if its owner may still be told of it. */
  async function noticeOf(delivery: Delivery): Promise<PublishedVersion | string> {
    const webhook = await store.investors.webhook(delivery.webhookId);
    if (!webhook || webhook.removedAt !== null) return 'the webhook was removed';
    const user = await owner(webhook);
    if (!user) return 'the user is disabled';
    if (!maySee(user, delivery.dealId)) return 'the user is no longer entitled to the deal';
    const versions = await publishedVersions(store, delivery.dealId);
    const found = versions.find(
      (v) => v.distributionDate === delivery.distributionDate && v.version === delivery.version,
    );
    return found ?? 'no such published version';
  }

  async function send(delivery: Delivery): Promise<'delivered' | 'pending' | 'failed'> {
    const published = await noticeOf(delivery);
    const secret = await store.investors.webhookSecret(delivery.webhookId);
    const webhook = await store.investors.webhook(delivery.webhookId);
    let error: string;
    if (typeof published === 'string' || !secret || !webhook) {
      error = typeof published === 'string' ? published : 'the webhook was removed';
      await store.investors.finishDelivery(delivery, {
        status: 'failed',
        error,
        nextAttemptAt: now().toISOString(),
      });
      return 'failed';
    }
    const timestamp = Math.floor(now().getTime() / 1000);
    const { body, headers } = webhookNotice(delivery, published, secret, timestamp);
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) {
        await store.investors.finishDelivery(delivery, {
          status: 'delivered',
          at: now().toISOString(),
        });
        return 'delivered';
      }
      error = `HTTP ${response.status}`;
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
    // The claim counted this attempt.
    const attempts = delivery.attempts + 1;
    const status = attempts >= maxAttempts ? 'failed' : 'pending';
    log(`webhook ${delivery.webhookId}: attempt ${attempts} failed (${error})`);
    await store.investors.finishDelivery(delivery, {
      status,
      error,
      nextAttemptAt: new Date(now().getTime() + backoff(attempts)).toISOString(),
    });
    return status;
  }

  async function runOnce(): Promise<DispatchRound> {
    const at = now().toISOString();
    const planned = await plan(at);
    const counts = { delivered: 0, pending: 0, failed: 0 };
    for (const delivery of await store.investors.dueDeliveries(at, 100)) {
      const until = new Date(now().getTime() + claimMs).toISOString();
      if (!(await store.investors.claimDelivery(delivery, at, until))) continue;
      counts[await send(delivery)] += 1;
    }
    return {
      planned,
      delivered: counts.delivered,
      retrying: counts.pending,
      failed: counts.failed,
    };
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  const tick = () => {
    running = runOnce()
      .catch((error: unknown) => log(`webhook dispatcher: ${String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  return {
    runOnce,
    /** Starts the rounds on a timer that keeps no process alive. */
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(tick, 0).unref();
    },
    /** Stops after the round under way, if any. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof webhookDispatcher>;
