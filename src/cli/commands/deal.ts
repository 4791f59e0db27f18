import type { Command } from 'commander';

export function registerDeal(program: Command): void {
  const deal = program
    .command('deal')
    .description(
      "The book of deals the store holds, the deal terms a store's history is bound to, and\n" +
        'their amendments.',
    );
  deal
    .command('add')
    .description(
      "Add a deal to the store's book: its deal file, its cut-off loan tape and, for a deal\n" +
        'taken on after its closing, the state its next distribution runs from. Every input is\n' +
        'validated first (a refusal names the file, row and field, and stores nothing); then the\n' +
        'deal, the tape and an audit entry (add-deal) are written in one transaction. The deal\n' +
        'is then listed by the portal and prepared by `trustee batch` like a built-in one.',
    )
    .requiredOption('--deal <deal.json>', 'the deal file (its id must be new to the store)')
    .requiredOption('--tape <tape.csv>', 'the loan tape: the pool at the cut-off (or at --state)')
    .option('--state <state.json>', 'the state after the last distribution before trustee')
    .option('--reason <text>', 'why the deal is added (in the audit entry)')
    .option('--by <name>', 'who adds the deal (default: TRUSTEE_ACTOR or the user name)')
    .option(
      '--db <url|path>',
      'SQLite file or postgres:// URL (default: TRUSTEE_DB or var/trustee.sqlite)',
    )
    .addHelpText(
      'after',
      '\nExample:\n  npx trustee deal add --deal acme-2004-1.json --tape acme-2004-1-tape.csv --by carol',
    )
    .action(async (...args: unknown[]) => {
      const { addAction } = await import('./dealAdd.action.ts');
      await (addAction as (...a: unknown[]) => unknown)(...args);
    });
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
