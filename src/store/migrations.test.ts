import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendDeal } from '../administration/amendDeal.ts';
import { closeDistributionDate } from '../administration/closeDistributionDate.ts';
import { aprilPeriod, deal, marchState, nextPeriod } from '../administration/testPeriods.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { contentHash } from './canonicalJson.ts';
import { openStore } from './openStore.ts';
import { tableNames } from './schema.ts';
import { investorTableNames } from './investorSchema.ts';
import { backends, dumpTables, freshDatabase, type TestDatabase } from './testBackends.ts';
import type { TrustStore } from './trustStore.ts';

describe.each(backends)('the schema on %s', (backend) => {
  let db: TestDatabase;
  let store: TrustStore;
  beforeAll(async () => {
    db = freshDatabase(backend);
    store = await openStore(db.location);
  });
  afterAll(async () => {
    await store?.close();
    await db.drop();
  });

  it('creates every table of the one definition, and migrates once', async () => {
    expect(Object.keys(await dumpTables(db.location))).toEqual([...tableNames]);
    const again = await openStore(db.location);
    await again.close();
  });

  it('keeps money in BIGINT columns', async () => {
    const money = [
      'beginning_pool_balance',
      'ending_pool_balance',
      'interest_collected',
      'beginning_balance',
      'interest_paid',
      'principal_paid',
      'realized_loss',
      'ending_balance',
    ];
    const types = new Map<string, string>();
    if (backend === 'sqlite') {
      const { DatabaseSync } = await import('node:sqlite');
      const raw = new DatabaseSync(db.location, { readOnly: true });
      for (const table of ['remittances', 'distributions', 'distribution_classes']) {
        for (const c of raw.prepare(`pragma table_info(${table})`).all() as {
          name: string;
          type: string;
        }[]) {
          if (money.includes(c.name)) types.set(`${table}.${c.name}`, c.type.toLowerCase());
        }
      }
      raw.close();
    } else {
      const pg = await import('pg');
      const { parsePostgresUrl } = await import('./postgresDialect.ts');
      const { url, schema } = parsePostgresUrl(db.location);
      const client = new pg.default.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{
        table_name: string;
        column_name: string;
        data_type: string;
      }>(
        'select table_name, column_name, data_type from information_schema.columns where table_schema = $1',
        [schema],
      );
      await client.end();
      for (const r of rows)
        if (money.includes(r.column_name))
          types.set(`${r.table_name}.${r.column_name}`, r.data_type);
    }
    expect(types.size).toBe(9);
    expect(new Set(types.values())).toEqual(new Set(['bigint']));
  });
});

describe('stores in several PostgreSQL schemas of one database', () => {
  it("migrates a new schema's store while another schema already holds a store", async () => {
    // kysely's migrator looks for its tables in every schema unless told which one: a second
    // schema used to find the first one's lock table and never make its own.
    const first = freshDatabase('postgres');
    const second = freshDatabase('postgres');
    try {
      const a = await openStore(first.location);
      await a.close();
      const b = await openStore(second.location);
      await b.close();
      expect(Object.keys(await dumpTables(second.location))).toEqual([...tableNames]);
    } finally {
      await first.drop();
      await second.drop();
    }
  });
});

/** Undoes migration 0006 (the investor tables, children first), which refer to users. */
const beforeInvestorPortal = [
  ...[...investorTableNames].reverse().map((table) => `drop table ${table}`),
  "delete from trustee_migration where name = '0006_investor_portal'",
];

/** Undoes migration 0005 (the book of deals), which refers to deals and loan tapes. */
const beforeBookOfDeals = [
  'drop table book_deals',
  "delete from trustee_migration where name = '0005_book_of_deals'",
];

/** Undoes migration 0004 (the monthly cycle's drafts), which refer to remittances. */
const beforeDistributionDrafts = [
  'drop table distribution_drafts',
  "delete from trustee_migration where name = '0004_distribution_drafts'",
];

/** Runs SQL statements on a test database through a connection of its own. */
async function execute(location: string, statements: readonly string[]): Promise<void> {
  if (!location.startsWith('postgres')) {
    const { DatabaseSync } = await import('node:sqlite');
    const raw = new DatabaseSync(location);
    for (const statement of statements) raw.exec(statement);
    raw.close();
    return;
  }
  const pg = await import('pg');
  const { parsePostgresUrl } = await import('./postgresDialect.ts');
  const { url, schema } = parsePostgresUrl(location);
  const client = new pg.default.Client({
    connectionString: url,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  for (const statement of statements) await client.query(statement);
  await client.end();
}

describe.each(backends)(
  'migration 0002 on a store closed before deal versions, on %s',
  (backend) => {
    it('binds each deal to the terms its closed dates were closed with, in date order', async () => {
      const db = freshDatabase(backend);
      try {
        const store = await openStore(db.location);
        const now = () => '2026-11-25T09:30:00.000Z';
        const april = await closeDistributionDate(store, deal, aprilPeriod, {
          actor: 'alice',
          openingState: marchState,
          now,
        });
        const file = structuredClone(deal.file) as unknown as {
          classes: Record<string, { margin: number }>;
        };
        file.classes['M-3']!.margin = 0.025;
        const amended = loadDeal(file);
        await amendDeal(store, amended, {
          actor: 'carol',
          reason: 'r',
          effectiveFrom: '2002-05-28',
        });
        await closeDistributionDate(store, amended, nextPeriod(april.record.stateAfter), {
          actor: 'bob',
          now: () => '2026-11-26T09:30:00.000Z',
        });
        await store.close();
        // The store as it was before migration 0002: two dates closed with two deal files.
        // (And before 0003, which runs again after it: its tables go too.)
        await execute(db.location, [
          ...beforeInvestorPortal,
          ...beforeBookOfDeals,
          ...beforeDistributionDrafts,
          'drop table deal_versions',
          "delete from trustee_migration where name = '0002_deal_versions'",
          ...['sign_in_links', 'sessions', 'api_tokens', 'user_deals', 'users'].map(
            (table) => `drop table ${table}`,
          ),
          "delete from trustee_migration where name = '0003_people_and_audit_chain'",
        ]);

        const migrated = await openStore(db.location);
        expect(await migrated.listDealVersions(deal.id)).toEqual([
          {
            dealId: deal.id,
            version: 1,
            dealHash: contentHash(deal.file),
            effectiveFrom: '2002-04-25',
            amendedAt: now(),
            amendedBy: 'alice',
            reason: null,
          },
          {
            dealId: deal.id,
            version: 2,
            dealHash: contentHash(amended.file),
            effectiveFrom: '2002-05-28',
            amendedAt: '2026-11-26T09:30:00.000Z',
            amendedBy: 'bob',
            reason: 'terms of the closed dates from this date (recorded by migration 0002)',
          },
        ]);
        await migrated.close();
      } finally {
        await db.drop();
      }
    });
  },
);

describe.each(backends)(
  'migration 0003 on a store with an audit log before the chain, on %s',
  (backend) => {
    it('keeps every entry as it was, chains them, and verifies', async () => {
      const db = freshDatabase(backend);
      try {
        const store = await openStore(db.location);
        await closeDistributionDate(store, deal, aprilPeriod, {
          actor: 'alice',
          openingState: marchState,
          now: () => '2026-11-25T09:30:00.000Z',
        });
        const before = await store.auditLog(deal.id);
        await store.close();
        // The store as it was before migration 0003: the audit log of 0001, no people tables.
        await execute(db.location, [
          ...beforeInvestorPortal,
          ...beforeBookOfDeals,
          ...beforeDistributionDrafts,
          'drop table sign_in_links',
          'drop table sessions',
          'drop table api_tokens',
          'drop table user_deals',
          'drop table users',
          'alter table audit_log rename to audit_log_new',
          `create table audit_log (seq integer primary key, at text not null, actor text not null,
           action text not null, deal_id text not null, distribution_date text,
           version integer, reason text, details text not null)`,
          `insert into audit_log select seq, at, actor, action, deal_id, distribution_date,
           version, reason, details from audit_log_new`,
          'drop table audit_log_new',
          "delete from trustee_migration where name = '0003_people_and_audit_chain'",
        ]);
        const migrated = await openStore(db.location);
        const after = await migrated.auditLog(deal.id);
        const content = ({ hash: _h, previousHash: _p, ...rest }: (typeof after)[number]) => rest;
        expect(after.map(content)).toEqual(before.map(content));
        expect(before.length).toBeGreaterThan(0);
        expect(await migrated.verifyAudit()).toMatchObject({ entries: before.length, breaks: [] });
        // New entries chain on after the migrated ones.
        await migrated.appendAudit({
          at: '2026-12-02T00:00:00.000Z',
          actor: 'bob',
          action: 'sign-in',
        });
        expect((await migrated.verifyAudit()).breaks).toEqual([]);
        await migrated.close();
      } finally {
        await db.drop();
      }
    });
  },
);
