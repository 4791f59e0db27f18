import type { Command } from 'commander';

const dbOption = [
  '--db <url|path>',
  'SQLite file or postgres:// URL (default: TRUSTEE_DB or var/trustee.sqlite)',
] as const;
const byOption = [
  '--by <name>',
  'who makes the change (default: TRUSTEE_ACTOR or the user name)',
] as const;
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Runs `name` of users.action.ts, loaded only when a users command runs. */
const run =
  (name: string) =>
  async (...args: unknown[]) => {
    const actions = (await import('./users.action.ts')) as Record<string, unknown>;
    await (actions[name] as (...a: unknown[]) => unknown)(...args);
  };

export function registerUsers(program: Command): void {
  const users = program
    .command('users')
    .description(
      'The people who sign in to the portal and the API, their roles (administrator, preparer,\n' +
        'approver, investor with the deals they are entitled to, auditor) and API tokens. Every\n' +
        'change is an audit entry.',
    );
  users
    .command('add <name>')
    .description(
      'Add a user. With --password-stdin the password is read from standard input; without,\n' +
        'a one-time sign-in link is printed (it works once, for 24 hours).',
    )
    .requiredOption('--role <role>', 'administrator, preparer, approver, investor or auditor')
    .option('--deal <id>', 'a deal an investor is entitled to (repeat for several)', collect)
    .option('--password-stdin', 'read the password from standard input (12 characters or more)')
    .option(
      '--url <address>',
      "the portal's address, for the sign-in link",
      'http://127.0.0.1:8080',
    )
    .option(...dbOption)
    .option(...byOption)
    .addHelpText(
      'after',
      '\nExamples:\n  npx trustee users add alice --role preparer\n' +
        '  npx trustee users add ivan --role investor --deal nchet-2002-1\n' +
        '  printf %s "$PASSWORD" | npx trustee users add bob --role approver --password-stdin',
    )
    .action(run('addAction'));
  users
    .command('list')
    .description('List the users: name, role, deals, whether disabled, and their API tokens.')
    .option(...dbOption)
    .action(run('listAction'));
  users
    .command('set-role <name>')
    .description("Change a user's role (and an investor's deals, replacing the old ones).")
    .requiredOption('--role <role>', 'administrator, preparer, approver, investor or auditor')
    .option('--deal <id>', 'a deal an investor is entitled to (repeat for several)', collect)
    .option(...dbOption)
    .option(...byOption)
    .action(run('setRoleAction'));
  users
    .command('set-password <name>')
    .description("Set a user's password, read from standard input (12 characters or more).")
    .option(...dbOption)
    .option(...byOption)
    .action(run('setPasswordAction'));
  users
    .command('link <name>')
    .description('Print a new one-time sign-in link for a user (e.g. a forgotten password).')
    .option('--url <address>', "the portal's address", 'http://127.0.0.1:8080')
    .option(...dbOption)
    .option(...byOption)
    .action(run('linkAction'));
  users
    .command('disable <name>')
    .description(
      'Disable a user: they can no longer sign in, their tokens are revoked and their\n' +
        'sessions end. Users are never deleted (the audit log names them).',
    )
    .option(...dbOption)
    .option(...byOption)
    .action(run('disableAction'));
  const token = users
    .command('token')
    .description('API tokens for scripts (Authorization: Bearer).');
  token
    .command('create <name>')
    .description('Make an API token acting as the user: printed once, only its hash is kept.')
    .option('--label <text>', 'what the token is for', 'script')
    .option(...dbOption)
    .option(...byOption)
    .action(run('tokenCreateAction'));
  token
    .command('revoke <tokenId>')
    .description('Revoke an API token (its id, as `users list` shows it).')
    .option(...dbOption)
    .option(...byOption)
    .action(run('tokenRevokeAction'));
}
