import { spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parsePostgresUrl } from '../../src/store/postgresDialect.ts';
import { openStore } from '../../src/store/openStore.ts';
import { secretHash } from '../../src/store/credentials.ts';
import { backends, freshDatabase } from '../../src/store/testBackends.ts';
import { root } from '../support/cli.ts';

/** `trustee ...` as a user runs it, with standard input (a piped password). */
function trustee(args: readonly string[], input = '') {
  const result = spawnSync(`${root}node_modules/.bin/node`, [`${root}bin/trustee.ts`, ...args], {
    cwd: root,
    env: { ...process.env, TRUSTEE_ACTOR: 'root-admin' },
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Raw SQL on the store, outside trustee: what someone holding the database can do. */
async function tamper(location: string, statement: string): Promise<void> {
  if (!location.startsWith('postgres')) {
    const raw = new DatabaseSync(location);
    raw.exec(statement);
    raw.close();
    return;
  }
  const { url, schema } = parsePostgresUrl(location);
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query(statement);
  await client.end();
}

describe.each(backends)('trustee users and trustee audit verify on %s', (backend) => {
  it('adds, lists, changes and disables users; tokens shown once, stored hashed, revoked; every change audited; tampering found', async () => {
    const db = freshDatabase(backend);
    try {
      const at = ['--db', db.location];
      const ada = trustee(['users', 'add', 'ada', '--role', 'administrator', ...at]);
      expect(ada.stderr).toBe('');
      expect(ada.stdout).toMatch(
        /^added ada \(administrator\)\none-time sign-in link \(24 hours\): http:\/\/127\.0\.0\.1:8080\/#\/sign-in\/[A-Za-z0-9_-]{43}\n$/,
      );
      const ivan = trustee(
        [
          'users',
          'add',
          'ivan',
          '--role',
          'investor',
          '--deal',
          'nchet-2002-1',
          '--password-stdin',
          ...at,
        ],
        'a long passphrase here\n',
      );
      expect(ivan.stdout).toBe('added ivan (investor, deals: nchet-2002-1)\n');
      const short = trustee(
        ['users', 'add', 'x', '--role', 'auditor', '--password-stdin', ...at],
        'short',
      );
      expect(short.status).toBe(2);
      expect(short.stderr).toContain('field password');
      const misspelt = trustee([
        'users',
        'add',
        'y',
        '--role',
        'investor',
        '--deal',
        'nchet-2002',
        ...at,
      ]);
      expect(misspelt.stderr).toContain('UNKNOWN_DEAL');
      expect(trustee(['users', 'add', 'ivan', '--role', 'auditor', ...at]).stderr).toContain(
        'USER_EXISTS',
      );
      expect(trustee(['users', 'add', 'z', '--role', 'owner', ...at]).stderr).toContain('--role');

      const made = trustee(['users', 'token', 'create', 'ivan', '--label', 'nightly', ...at]);
      const [, tokenId, token] =
        /^token ([0-9a-f]{12}) for ivan \("nightly"\); it is shown only now:\n(tt_[A-Za-z0-9_-]{43})\n/.exec(
          made.stdout,
        ) ?? [];
      expect(token).toBeDefined();
      const store = await openStore(db.location);
      try {
        expect((await store.people.tokenUser(secretHash(token!)))?.name).toBe('ivan');
        const dump = JSON.stringify(await store.allAudit());
        expect(dump).not.toContain(token);
        expect(dump).not.toContain('a long passphrase here');

        expect(
          trustee([
            'users',
            'set-role',
            'ivan',
            '--role',
            'investor',
            '--deal',
            'nchet-2002-1',
            '--deal',
            'example-2003-6m',
            ...at,
          ]).stdout,
        ).toBe('ivan: investor, deals: example-2003-6m, nchet-2002-1\n');
        expect(trustee(['users', 'token', 'revoke', tokenId!, ...at]).stdout).toMatch(
          new RegExp(`^token ${tokenId} of ivan: revoked `),
        );
        expect(await store.people.tokenUser(secretHash(token!))).toBeUndefined();
        expect(trustee(['users', 'disable', 'ada', ...at]).stdout).toMatch(/^ada: disabled /);
        const list = trustee(['users', 'list', ...at]).stdout;
        expect(list).toMatch(/^ada: administrator, disabled .*, no password yet$/m);
        expect(list).toMatch(new RegExp(`^    token ${tokenId} "nightly" made .*, revoked `, 'm'));

        const actions = (await store.allAudit()).map((e) => [e.action, e.actor]);
        expect(actions).toEqual([
          ['add-user', 'root-admin'],
          ['create-sign-in-link', 'root-admin'],
          ['add-user', 'root-admin'],
          ['create-token', 'root-admin'],
          ['set-role', 'root-admin'],
          ['revoke-token', 'root-admin'],
          ['disable-user', 'root-admin'],
        ]);
        expect((await store.allAudit())[0]?.address).toMatch(/^cli on /);
      } finally {
        await store.close();
      }

      const verified = trustee(['audit', 'verify', ...at]);
      expect(verified.status).toBe(0);
      const [, head] = /head (7:[0-9a-f]{64})\n$/.exec(verified.stdout) ?? [];
      expect(head).toBeDefined();
      expect(trustee(['audit', 'verify', '--head', head!, ...at]).status).toBe(0);

      await tamper(db.location, "update audit_log set actor = 'someone else' where seq = 4");
      const changed = trustee(['audit', 'verify', ...at]);
      expect(changed.status).toBe(2);
      expect(changed.stderr).toContain('AUDIT_CHAIN_BROKEN');
      expect(changed.stderr).toContain(
        'field entry 4: its content does not give its hash (changed after it was written)',
      );
      await tamper(db.location, "update audit_log set actor = 'root-admin' where seq = 4");
      expect(trustee(['audit', 'verify', ...at]).status).toBe(0);

      await tamper(db.location, 'delete from audit_log where seq = 7');
      expect(trustee(['audit', 'verify', ...at]).status).toBe(0);
      const cut = trustee(['audit', 'verify', '--head', head!, ...at]);
      expect(cut.status).toBe(2);
      expect(cut.stderr).toContain('field entry 7: missing: the log was cut off');
      await tamper(db.location, 'delete from audit_log where seq = 2');
      const deleted = trustee(['audit', 'verify', ...at]);
      expect(deleted.stderr).toContain('field entry 3: entries 2..2 are missing (deleted)');
    } finally {
      await db.drop();
    }
  });
});
