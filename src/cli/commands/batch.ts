import type { Command } from 'commander';

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description(
      'Prepare every deal due on a distribution date (the book of deals, and the built-in\n' +
        'deals the store holds) from the remittance waiting for it: a draft each, for a second\n' +
        'person to approve and publish (the monthly cycle). With --remittances, the servicer\n' +
        'files in that folder (<deal id>.csv) are uploaded first. One deal refused (a bad\n' +
        'file, figures that do not reconcile) never stops the others. Prints a summary:\n' +
        'prepared, waiting for a remittance, refused and why. Exit status 1 when any deal was\n' +
        'refused.',
    )
    .requiredOption('--date <YYYY-MM-DD>', 'the distribution date')
    .option('--remittances <dir>', 'servicer files to upload first, one <deal id>.csv a deal')
    .option('--by <name>', 'who prepares (default: TRUSTEE_ACTOR or the user name)')
    .option(
      '--db <url|path>',
      'SQLite file or postgres:// URL (default: TRUSTEE_DB or var/trustee.sqlite)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  npx trustee batch --date 2004-01-26 --db postgres://postgres@127.0.0.1:5432/trustee\n' +
        '  npx trustee batch --date 2004-01-26 --remittances incoming/2004-01 --by paula',
    )
    .action(async (...args: unknown[]) => {
      const { action } = await import('./batch.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
