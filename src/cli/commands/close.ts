import type { Command } from 'commander';

export function registerClose(program: Command): void {
  program
    .command('close')
    .description(
      'Close a distribution date: run the waterfall from the state after the previous closed\n' +
        'date and store the period, the distribution, the state after and an audit entry in one\n' +
        'transaction. A closed date is immutable: the same inputs again change nothing; other\n' +
        'inputs are refused unless --correct --reason "..." writes a new version.',
    )
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .requiredOption('--date <YYYY-MM-DD>', 'the distribution date')
    .option(
      '--totals <file>',
      "collection-period totals (JSON); default: the deal's built-in totals",
    )
    .option('--state <file>', 'the state before the first date the store closes (JSON)')
    .option(
      '--db <url|path>',
      'SQLite file or postgres:// URL (default: TRUSTEE_DB or var/trustee.sqlite)',
    )
    .option('--actor <name>', 'who closes the date (default: TRUSTEE_ACTOR or the user name)')
    .option('--correct', 'write a new version of a closed date (needs --reason)')
    .option('--reason <text>', 'why the date is corrected')
    .option('--json', 'print the stored version as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  npx trustee close --deal nchet-2002-1 --date 2002-04-25\n' +
        '  npx trustee close --deal nchet-2002-1 --date 2002-04-25 --totals restated.json --correct --reason "servicer restated interest"\n' +
        '  TRUSTEE_DB=postgres://postgres@127.0.0.1:5432/trustee npx trustee close --deal nchet-2002-1 --date 2002-04-25',
    )
    .action(async (...args: unknown[]) => {
      const { action } = await import('./close.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
