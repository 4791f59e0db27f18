import type { Command } from 'commander';

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description(
      'List the closed distribution dates of a deal, each with its versions: who closed or\n' +
        'corrected it, when and why, and the ending pool balance.',
    )
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .option(
      '--db <url|path>',
      'SQLite file or postgres:// URL (default: TRUSTEE_DB or var/trustee.sqlite)',
    )
    .option('--json', 'print the history as JSON')
    .addHelpText('after', '\nExample:\n  npx trustee history --deal nchet-2002-1')
    .action(async (...args: unknown[]) => {
      const { action } = await import('./history.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
