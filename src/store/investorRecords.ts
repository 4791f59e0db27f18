import type { Kysely, Selectable } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import { cents } from '../money/cents.ts';
import type {
  Delivery,
  DeliveryKey,
  DeliveryOutcome,
  DeliveryStatus,
  InvestorStore,
  Position,
  WatchedDeal,
  Webhook,
} from './investors.ts';
import type { PositionsTable, WebhookDeliveriesTable, WebhooksTable } from './investorSchema.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;
type Write = <T>(work: (db: Db) => Promise<T>) => Promise<T>;

function notFound(field: string, what: string, id: string): TrusteeError {
  return new TrusteeError('NOT_FOUND', `no ${what} ${id}`, [
    { field, message: `no ${what} ${id}`, got: id },
  ]);
}

const webhookOf = (row: Selectable<WebhooksTable>): Webhook => ({
  webhookId: row.webhook_id,
  name: row.name,
  url: row.url,
  label: row.label,
  createdAt: row.created_at,
  removedAt: row.removed_at,
});

const deliveryOf = (row: Selectable<WebhookDeliveriesTable>): Delivery => ({
  webhookId: row.webhook_id,
  dealId: row.deal_id,
  distributionDate: row.distribution_date,
  version: Number(row.version),
  status: row.status as DeliveryStatus,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  deliveredAt: row.delivered_at,
});

const positionOf = (row: Selectable<PositionsTable>): Position => ({
  positionId: row.position_id,
  name: row.name,
  dealId: row.deal_id,
  className: row.class_name,
  originalFace: cents(Number(row.original_face)),
  label: row.label,
  createdAt: row.created_at,
});

/** The investor portal's records over kysely: reads on the store's connection, writes through `write`. */
export class KyselyInvestorStore implements InvestorStore {
  readonly #db: Db;
  readonly #write: Write;

  constructor(db: Db, write: Write) {
    this.#db = db;
    this.#write = write;
  }

  async watchList(name: string): Promise<WatchedDeal[]> {
    const rows = await this.#db
      .selectFrom('watch_list')
      .select(['deal_id', 'added_at'])
      .where('name', '=', name)
      .orderBy('deal_id')
      .execute();
    return rows.map((r) => ({ dealId: r.deal_id, addedAt: r.added_at }));
  }

  watch(name: string, dealId: string, at: string): Promise<WatchedDeal> {
    return this.#write(async (db) => {
      await db
        .insertInto('watch_list')
        .values({ name, deal_id: dealId, added_at: at })
        .onConflict((oc) => oc.columns(['name', 'deal_id']).doNothing())
        .execute();
      const row = await db
        .selectFrom('watch_list')
        .select('added_at')
        .where('name', '=', name)
        .where('deal_id', '=', dealId)
        .executeTakeFirstOrThrow();
      return { dealId, addedAt: row.added_at };
    });
  }

  unwatch(name: string, dealId: string): Promise<boolean> {
    return this.#write(async (db) => {
      const result = await db
        .deleteFrom('watch_list')
        .where('name', '=', name)
        .where('deal_id', '=', dealId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  addWebhook(webhook: Webhook & { readonly secret: string }): Promise<Webhook> {
    return this.#write(async (db) => {
      await db
        .insertInto('webhooks')
        .values({
          webhook_id: webhook.webhookId,
          name: webhook.name,
          url: webhook.url,
          secret: webhook.secret,
          label: webhook.label,
          created_at: webhook.createdAt,
          removed_at: null,
        })
        .execute();
      const { secret: _secret, ...listed } = webhook;
      return { ...listed, removedAt: null };
    });
  }

  async webhooks(name?: string): Promise<Webhook[]> {
    let query = this.#db.selectFrom('webhooks').selectAll().where('removed_at', 'is', null);
    if (name !== undefined) query = query.where('name', '=', name);
    const rows = await query.orderBy('created_at').orderBy('webhook_id').execute();
    return rows.map(webhookOf);
  }

  async webhook(webhookId: string): Promise<Webhook | undefined> {
    const row = await this.#db
      .selectFrom('webhooks')
      .selectAll()
      .where('webhook_id', '=', webhookId)
      .executeTakeFirst();
    return row ? webhookOf(row) : undefined;
  }

  async webhookSecret(webhookId: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('webhooks')
      .select('secret')
      .where('webhook_id', '=', webhookId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row?.secret;
  }

  removeWebhook(webhookId: string, at: string): Promise<Webhook> {
    return this.#write(async (db) => {
      const row = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('webhook_id', '=', webhookId)
        .executeTakeFirst();
      if (!row) throw notFound('webhookId', 'webhook', webhookId);
      if (row.removed_at !== null) return webhookOf(row);
      await db
        .updateTable('webhooks')
        .set({ removed_at: at })
        .where('webhook_id', '=', webhookId)
        .execute();
      return webhookOf({ ...row, removed_at: at });
    });
  }

  planDelivery(key: DeliveryKey, at: string): Promise<boolean> {
    return this.#write(async (db) => {
      const result = await db
        .insertInto('webhook_deliveries')
        .values({
          webhook_id: key.webhookId,
          deal_id: key.dealId,
          distribution_date: key.distributionDate,
          version: key.version,
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          claimed_until: null,
          last_error: null,
          delivered_at: null,
          created_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['webhook_id', 'deal_id', 'distribution_date', 'version']).doNothing(),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    });
  }

  async dueDeliveries(now: string, limit: number): Promise<Delivery[]> {
    const rows = await this.#db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_attempt_at')
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map(deliveryOf);
  }

  claimDelivery(key: DeliveryKey, now: string, until: string): Promise<boolean> {
    return this.#write(async (db) => {
      // One conditional update: of two dispatchers, the second finds the row claimed.
      const result = await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({ claimed_until: until, attempts: eb('attempts', '+', 1) }))
        .where('webhook_id', '=', key.webhookId)
        .where('deal_id', '=', key.dealId)
        .where('distribution_date', '=', key.distributionDate)
        .where('version', '=', key.version)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    });
  }

  finishDelivery(key: DeliveryKey, outcome: DeliveryOutcome): Promise<void> {
    return this.#write(async (db) => {
      await db
        .updateTable('webhook_deliveries')
        .set(
          outcome.status === 'delivered'
            ? {
                status: 'delivered',
                delivered_at: outcome.at,
                claimed_until: null,
                last_error: null,
              }
            : {
                status: outcome.status,
                next_attempt_at: outcome.nextAttemptAt,
                claimed_until: null,
                last_error: outcome.error.slice(0, 500),
              },
        )
        .where('webhook_id', '=', key.webhookId)
        .where('deal_id', '=', key.dealId)
        .where('distribution_date', '=', key.distributionDate)
        .where('version', '=', key.version)
        .execute();
    });
  }

  async deliveries(webhookId: string): Promise<Delivery[]> {
    const rows = await this.#db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', webhookId)
      .orderBy('distribution_date', 'desc')
      .orderBy('version', 'desc')
      .orderBy('deal_id')
      .execute();
    return rows.map(deliveryOf);
  }

  addPosition(position: Position): Promise<Position> {
    return this.#write(async (db) => {
      await db
        .insertInto('positions')
        .values({
          position_id: position.positionId,
          name: position.name,
          deal_id: position.dealId,
          class_name: position.className,
          original_face: position.originalFace,
          label: position.label,
          created_at: position.createdAt,
          removed_at: null,
        })
        .execute();
      return position;
    });
  }

  async positions(name: string): Promise<Position[]> {
    const rows = await this.#db
      .selectFrom('positions')
      .selectAll()
      .where('name', '=', name)
      .where('removed_at', 'is', null)
      .orderBy('created_at')
      .orderBy('position_id')
      .execute();
    return rows.map(positionOf);
  }

  async position(positionId: string): Promise<Position | undefined> {
    const row = await this.#db
      .selectFrom('positions')
      .selectAll()
      .where('position_id', '=', positionId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row ? positionOf(row) : undefined;
  }

  removePosition(positionId: string, at: string): Promise<Position> {
    return this.#write(async (db) => {
      const row = await db
        .selectFrom('positions')
        .selectAll()
        .where('position_id', '=', positionId)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (!row) throw notFound('positionId', 'position', positionId);
      await db
        .updateTable('positions')
        .set({ removed_at: at })
        .where('position_id', '=', positionId)
        .execute();
      return positionOf(row);
    });
  }
}
