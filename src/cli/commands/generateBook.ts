import type { Command } from 'commander';

export function registerGenerateBook(program: Command): void {
  program
    .command('generate-book')
    .description(
      'Write a synthetic book of deals into the store, for the batch, the portal and load\n' +
        'tests: each deal built from a built-in deal in turn (every structure the engine\n' +
        'expresses: one pool or loan groups, floating and fixed classes, swap and cap...),\n' +
        'renamed (issuer, id, CUSIPs, servicer), its amounts scaled exactly, on one calendar\n' +
        '(first distribution 2004-01-26), with a synthetic tape and --months simulated\n' +
        'remittances stored as waiting for their dates. One transaction a deal; deterministic.',
    )
    .requiredOption('--deals <n>', 'how many deals to add')
    .option('--seed <n>', 'random seed', '1')
    .option('--months <n>', 'simulated remittances a deal (1-12)', '12')
    .option('--by <name>', 'who adds the deals (default: TRUSTEE_ACTOR or the user name)')
    .option(
      '--db <url|path>',
      'SQLite file or postgres:// URL (default: TRUSTEE_DB or var/trustee.sqlite)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  npx trustee generate-book --deals 500 --db postgres://postgres@127.0.0.1:5432/trustee\n' +
        '  npx trustee generate-book --deals 6 --months 3 --db /tmp/book.sqlite',
    )
    .action(async (...args: unknown[]) => {
      const { action } = await import('./generateBook.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
