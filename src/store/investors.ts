import type { Cents } from '../money/cents.ts';

/** A deal on a user's watch list. */
export interface WatchedDeal {
  readonly dealId: string;
  readonly addedAt: string;
}

/** A webhook as listed: never its secret, which is shown once when it is made. */
export interface Webhook {
  readonly webhookId: string;
  readonly name: string;
  readonly url: string;
  readonly label: string;
  readonly createdAt: string;
  readonly removedAt: string | null;
}

/** Which notice: one published version of one date of one deal, to one webhook. */
export interface DeliveryKey {
  readonly webhookId: string;
  readonly dealId: string;
  readonly distributionDate: string;
  readonly version: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Delivery extends DeliveryKey {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly deliveredAt: string | null;
}

/** What became of one attempt: delivered, or to try again at a time, or given up. */
export type DeliveryOutcome =
  | { readonly status: 'delivered'; readonly at: string }
  | {
      readonly status: 'pending' | 'failed';
      readonly error: string;
      readonly nextAttemptAt: string;
    };

/** A holding of a class a user entered: its original face in cents. */
export interface Position {
  readonly positionId: string;
  readonly name: string;
  readonly dealId: string;
  readonly className: string;
  readonly originalFace: Cents;
  readonly label: string;
  readonly createdAt: string;
}

/**
 * The investor portal's records (issue 13, part 5): watch lists, webhooks and their
 * deliveries, positions. Writes run in a write transaction (the caller's inside
 * `TrustStore.transaction`, so a change lands with its audit entry: investorChanges.ts).
 */
export interface InvestorStore {
  /** The user's watched deals, by deal id. */
  watchList(name: string): Promise<WatchedDeal[]>;
  /** Adds a deal to the watch list; watching it again keeps the first `addedAt`. */
  watch(name: string, dealId: string, at: string): Promise<WatchedDeal>;
  /** Takes a deal off the watch list; false if it was not on it. */
  unwatch(name: string, dealId: string): Promise<boolean>;

  addWebhook(webhook: Webhook & { readonly secret: string }): Promise<Webhook>;
  /** The webhooks not removed (of one user if named), oldest first. */
  webhooks(name?: string): Promise<Webhook[]>;
  webhook(webhookId: string): Promise<Webhook | undefined>;
  /** The secret a live webhook's notices are signed with. */
  webhookSecret(webhookId: string): Promise<string | undefined>;
  removeWebhook(webhookId: string, at: string): Promise<Webhook>;

  /** Plans a notice once: true if it was new, false if it was planned before (by anyone). */
  planDelivery(key: DeliveryKey, at: string): Promise<boolean>;
  /** Pending notices due at `now` and not claimed by a live claim, oldest first. */
  dueDeliveries(now: string, limit: number): Promise<Delivery[]>;
  /** Claims a due notice until `until`: true for exactly one of several claimants. */
  claimDelivery(key: DeliveryKey, now: string, until: string): Promise<boolean>;
  /** Records an attempt's outcome and releases the claim. */
  finishDelivery(key: DeliveryKey, outcome: DeliveryOutcome): Promise<void>;
  /** A webhook's notices, newest date first. */
  deliveries(webhookId: string): Promise<Delivery[]>;

  addPosition(position: Position): Promise<Position>;
  /** The user's positions not removed, oldest first. */
  positions(name: string): Promise<Position[]>;
  position(positionId: string): Promise<Position | undefined>;
  removePosition(positionId: string, at: string): Promise<Position>;
}
