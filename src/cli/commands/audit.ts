import type { Command } from 'commander';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description("The store's audit log.");
  audit
    .command('verify')
    .description(
      "Check the audit log's hash chain: each entry's hash covers the entry before it and its\n" +
        'own content, so an entry changed or deleted afterwards is a break, listed with its\n' +
        'number (exit 2, AUDIT_CHAIN_BROKEN). Prints the number of entries and the head hash:\n' +
        'note it, and a later --head check also catches the newest entries cut off.',
    )
    .option('--head <seq:hash>', 'a head noted earlier (e.g. 42:9f86d0...), still in the chain')
    .option(
      '--db <url|path>',
      'SQLite file or postgres:// URL (default: TRUSTEE_DB or var/trustee.sqlite)',
    )
    .addHelpText('after', '\nExample:\n  npx trustee audit verify --db var/trustee.sqlite')
    .action(async (...args: unknown[]) => {
      const { verifyAction } = await import('./audit.action.ts');
      await (verifyAction as (...a: unknown[]) => unknown)(...args);
    });
}
