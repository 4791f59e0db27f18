import { createHmac } from 'node:crypto';
import type { DeliveryKey } from '../../store/investors.ts';
import type { PublishedVersion } from './publishedVersions.ts';

export const SIGNATURE_HEADER = 'x-trustee-signature';
export const TIMESTAMP_HEADER = 'x-trustee-timestamp';
export const DELIVERY_HEADER = 'x-trustee-delivery';

/** A notice's id: the same for every attempt, so a receiver can drop a repeat it has seen. */
export function deliveryId(key: DeliveryKey): string {
  return `${key.webhookId}:${key.dealId}:${key.distributionDate}:v${key.version}`;
}

/**
 * The signature of a notice: HMAC-SHA256, keyed by the webhook's secret, of
 * `<timestamp>.<body>` in hex, as `sha256=<hex>`. The timestamp (Unix seconds, its own header)
 * is signed too, so a receiver can refuse an old notice replayed (Stripe's scheme).
 */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The JSON body and headers of the notice of one published version. */
export function webhookNotice(
  key: DeliveryKey,
  published: PublishedVersion,
  secret: string,
  timestamp: number,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    event: 'statement.published',
    id: deliveryId(key),
    webhookId: key.webhookId,
    ...published,
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'trustee-webhooks',
      [DELIVERY_HEADER]: deliveryId(key),
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signature(secret, timestamp, body),
    },
  };
}
