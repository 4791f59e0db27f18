import type { Command } from 'commander';

export function registerDeal(program: Command): void {
  const deal = program
    .command('deal')
    .description("The deal terms a store's history is bound to, and their amendments.");
  deal
    .command('amend')
    .description(
      'Amend the deal in the store: from --from (a distribution date not yet closed) its dates\n' +
        'are closed with the terms of --file; the closed dates keep theirs. Writes the next deal\n' +
        'version with who, when and why, and an audit entry (amend-deal), in one transaction.',
    )
    .requiredOption('--deal <id>', 'the deal id (e.g. nchet-2002-1)')
    .requiredOption('--file <deal.json>', 'the amended deal file (the same id)')
    .requiredOption('--from <YYYY-MM-DD>', 'the first distribution date of the new terms')
    .requiredOption('--reason <text>', 'why the terms change (e.g. the supplemental indenture)')
    .option('--by <name>', 'who amends the deal (default: TRUSTEE_ACTOR or the user name)')
    .option(
      '--db <url|path>',
      'SQLite file or postgres:// URL (default: TRUSTEE_DB or var/trustee.sqlite)',
    )
    .addHelpText(
      'after',
      '\nExample:\n  npx trustee deal amend --deal nchet-2002-1 --file amended.json --from 2002-06-25 \\\n' +
        '    --reason "first supplemental indenture: M-3 margin 2.50%" --by carol',
    )
    .action(async (...args: unknown[]) => {
      const { amendAction } = await import('./deal.action.ts');
      await (amendAction as (...a: unknown[]) => unknown)(...args);
    });
}
