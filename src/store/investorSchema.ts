/**
 * The investor portal's tables (migration 0006, investorMigration.ts): watch lists, webhooks
 * and their deliveries, and positions. Same conventions as schema.ts: money in integer cents,
 * instants as ISO-8601 UTC text.
 */

/** A deal a user watches: its published statements appear in the user's feed and webhooks. */
export interface WatchListTable {
  name: string;
  deal_id: string;
  added_at: string;
}

/**
 * A URL a user's own systems listen on. The secret signs each notice (HMAC-SHA256), so it is
 * kept as given (a hash could not sign); it is shown to the user once, when the webhook is made.
 */
export interface WebhooksTable {
  webhook_id: string;
  name: string;
  url: string;
  secret: string;
  label: string;
  created_at: string;
  /** When the user removed it; removed webhooks receive nothing more. */
  removed_at: string | null;
}

/**
 * One notice of one published version to one webhook: the key (webhook, deal, date, version)
 * makes it once; a dispatcher claims a row until `claimed_until` before sending it, so two
 * dispatchers never send the same notice.
 */
export interface WebhookDeliveriesTable {
  webhook_id: string;
  deal_id: string;
  distribution_date: string;
  version: number;
  /** "pending" (to send, `next_attempt_at`), "delivered", or "failed" (retries exhausted). */
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

/** A holding of a class entered by a user: its original face in cents. */
export interface PositionsTable {
  position_id: string;
  name: string;
  deal_id: string;
  class_name: string;
  original_face: number;
  label: string;
  created_at: string;
  removed_at: string | null;
}

export interface InvestorTables {
  watch_list: WatchListTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  positions: PositionsTable;
}

/** The investor tables, parents before children. */
export const investorTableNames = [
  'watch_list',
  'webhooks',
  'webhook_deliveries',
  'positions',
] as const satisfies readonly (keyof InvestorTables)[];
