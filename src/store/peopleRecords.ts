import type { Kysely, Selectable } from 'kysely';
import { TrusteeError } from '../errors/catalogue.ts';
import type { ApiToken, NewSession, NewUser, PeopleStore, Session, User } from './people.ts';
import { roles, type Database, type Role, type UsersTable } from './schema.ts';

type Db = Kysely<Database>;
type Write = <T>(work: (db: Db) => Promise<T>) => Promise<T>;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

function invalid(field: string, message: string, expected: string, got: unknown): TrusteeError {
  return new TrusteeError('INVALID_INPUT', `${field}: ${message}`, [
    { field, message, expected, got },
  ]);
}

function checkUser(name: string, role: Role, deals: readonly string[]): void {
  if (!NAME.test(name)) {
    throw invalid('name', 'not a user name', 'letters, digits, . _ @ - (at most 64)', name);
  }
  if (!roles.includes(role)) throw invalid('role', 'no such role', roles.join(', '), role);
  if (role !== 'investor' && deals.length > 0) {
    throw invalid('deals', 'only investors are entitled to deals', 'no deals', deals);
  }
}

function unknownUser(name: string): TrusteeError {
  return new TrusteeError('UNKNOWN_USER', `no user "${name}"`, [
    { field: 'name', message: `no user "${name}"`, got: name },
  ]);
}

/** The people records over kysely: reads on the store's connection, writes through `write`. */
export class KyselyPeopleStore implements PeopleStore {
  readonly #db: Db;
  readonly #write: Write;

  constructor(db: Db, write: Write) {
    this.#db = db;
    this.#write = write;
  }

  async #user(db: Db, row: Selectable<UsersTable>): Promise<User> {
    const deals = await db
      .selectFrom('user_deals')
      .select('deal_id')
      .where('name', '=', row.name)
      .orderBy('deal_id')
      .execute();
    return {
      name: row.name,
      role: row.role,
      deals: deals.map((d) => d.deal_id),
      hasPassword: row.password_hash !== null,
      createdAt: row.created_at,
      createdBy: row.created_by,
      disabledAt: row.disabled_at,
    };
  }

  async #find(db: Db, name: string): Promise<User | undefined> {
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? this.#user(db, row) : undefined;
  }

  async #existing(db: Db, name: string): Promise<User> {
    const user = await this.#find(db, name);
    if (!user) throw unknownUser(name);
    return user;
  }

  async countUsers(): Promise<number> {
    const row = await this.#db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async addUser(user: NewUser): Promise<User> {
    const deals = [...new Set(user.deals ?? [])].sort();
    checkUser(user.name, user.role, deals);
    return this.#write(async (db) => {
      if (await this.#find(db, user.name)) {
        throw new TrusteeError('USER_EXISTS', `there is a user "${user.name}" already`, [
          { field: 'name', message: 'taken', expected: 'a new name', got: user.name },
        ]);
      }
      await db
        .insertInto('users')
        .values({
          name: user.name,
          role: user.role,
          password_hash: user.passwordHash,
          created_at: user.createdAt,
          created_by: user.createdBy,
          disabled_at: null,
        })
        .execute();
      if (deals.length > 0) {
        await db
          .insertInto('user_deals')
          .values(deals.map((deal_id) => ({ name: user.name, deal_id })))
          .execute();
      }
      return this.#existing(db, user.name);
    });
  }

  getUser(name: string): Promise<User | undefined> {
    return this.#find(this.#db, name);
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.#db.selectFrom('users').selectAll().orderBy('name').execute();
    return Promise.all(rows.map((row) => this.#user(this.#db, row)));
  }

  async setRole(name: string, role: Role, deals: readonly string[]): Promise<User> {
    const sorted = [...new Set(deals)].sort();
    checkUser(name, role, sorted);
    return this.#write(async (db) => {
      await this.#existing(db, name);
      await db.updateTable('users').set({ role }).where('name', '=', name).execute();
      await db.deleteFrom('user_deals').where('name', '=', name).execute();
      if (sorted.length > 0) {
        await db
          .insertInto('user_deals')
          .values(sorted.map((deal_id) => ({ name, deal_id })))
          .execute();
      }
      return this.#existing(db, name);
    });
  }

  setPasswordHash(name: string, passwordHash: string): Promise<User> {
    return this.#write(async (db) => {
      await this.#existing(db, name);
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('name', '=', name)
        .execute();
      return this.#existing(db, name);
    });
  }

  async passwordHash(name: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('users')
      .select('password_hash')
      .where('name', '=', name)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return row?.password_hash ?? undefined;
  }

  disableUser(name: string, at: string): Promise<User> {
    return this.#write(async (db) => {
      const user = await this.#existing(db, name);
      if (user.disabledAt !== null) return user;
      await db.updateTable('users').set({ disabled_at: at }).where('name', '=', name).execute();
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('name', '=', name)
        .where('revoked_at', 'is', null)
        .execute();
      await db.deleteFrom('sessions').where('name', '=', name).execute();
      return this.#existing(db, name);
    });
  }

  addToken(token: ApiToken & { readonly tokenHash: string }): Promise<ApiToken> {
    return this.#write(async (db) => {
      await this.#existing(db, token.name);
      await db
        .insertInto('api_tokens')
        .values({
          token_id: token.tokenId,
          name: token.name,
          token_hash: token.tokenHash,
          label: token.label,
          created_at: token.createdAt,
          revoked_at: null,
        })
        .execute();
      const { tokenHash: _hash, ...listed } = token;
      return listed;
    });
  }

  async listTokens(name?: string): Promise<ApiToken[]> {
    let query = this.#db.selectFrom('api_tokens').selectAll();
    if (name !== undefined) query = query.where('name', '=', name);
    const rows = await query.orderBy('created_at', 'desc').orderBy('token_id').execute();
    return rows.map((row) => ({
      tokenId: row.token_id,
      name: row.name,
      label: row.label,
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
    }));
  }

  revokeToken(tokenId: string, at: string): Promise<ApiToken> {
    return this.#write(async (db) => {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_id', '=', tokenId)
        .executeTakeFirst();
      if (!row) {
        throw new TrusteeError('NOT_FOUND', `no API token ${tokenId}`, [
          { field: 'tokenId', message: 'no such token', got: tokenId },
        ]);
      }
      const revokedAt = row.revoked_at ?? at;
      if (row.revoked_at === null) {
        await db
          .updateTable('api_tokens')
          .set({ revoked_at: at })
          .where('token_id', '=', tokenId)
          .execute();
      }
      return {
        tokenId,
        name: row.name,
        label: row.label,
        createdAt: row.created_at,
        revokedAt,
      };
    });
  }

  async tokenUser(tokenHash: string): Promise<User | undefined> {
    const row = await this.#db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.name', 'api_tokens.name')
      .selectAll('users')
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
    return row ? this.#user(this.#db, row) : undefined;
  }

  addSession(session: NewSession): Promise<void> {
    return this.#write(async (db) => {
      // Expired sessions go when a new one comes: the table holds only live ones.
      await db.deleteFrom('sessions').where('expires_at', '<', session.createdAt).execute();
      await db
        .insertInto('sessions')
        .values({
          session_hash: session.sessionHash,
          name: session.name,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          address: session.address,
        })
        .execute();
    });
  }

  async session(sessionHash: string, now: string): Promise<Session | undefined> {
    const row = await this.#db
      .selectFrom('sessions')
      .innerJoin('users', 'users.name', 'sessions.name')
      .selectAll('users')
      .select(['sessions.csrf_token', 'sessions.expires_at'])
      .where('sessions.session_hash', '=', sessionHash)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    const { csrf_token, expires_at, ...user } = row;
    return { user: await this.#user(this.#db, user), csrfToken: csrf_token, expiresAt: expires_at };
  }

  endSession(sessionHash: string): Promise<void> {
    return this.#write(async (db) => {
      await db.deleteFrom('sessions').where('session_hash', '=', sessionHash).execute();
    });
  }

  addSignInLink(link: {
    readonly linkHash: string;
    readonly name: string;
    readonly createdAt: string;
    readonly expiresAt: string;
  }): Promise<void> {
    return this.#write(async (db) => {
      await this.#existing(db, link.name);
      await db
        .insertInto('sign_in_links')
        .values({
          link_hash: link.linkHash,
          name: link.name,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: null,
        })
        .execute();
    });
  }

  useSignInLink(linkHash: string, now: string): Promise<User | undefined> {
    return this.#write(async (db) => {
      const link = await db
        .selectFrom('sign_in_links')
        .selectAll()
        .where('link_hash', '=', linkHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (!link) return undefined;
      await db
        .updateTable('sign_in_links')
        .set({ used_at: now })
        .where('link_hash', '=', linkHash)
        .execute();
      const user = await this.#find(db, link.name);
      return user && user.disabledAt === null ? user : undefined;
    });
  }
}
