import { Option, type Command } from 'commander';

export function registerDistribute(program: Command): void {
  program
    .command('distribute')
    .description(
      'Run one distribution date from collection-period totals and print the Statement to\n' +
        "Certificateholders. Without --totals, uses the deal's built-in totals for the date\n" +
        '(nchet-2002-1 ships the April 2002 totals taken from the seed statement).',
    )
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .requiredOption('--date <YYYY-MM-DD>', 'the distribution date')
    .option('--totals <file>', 'collection-period totals (JSON, see docs/formats.md)')
    .option('--state <file>', "the trust's state after the previous distribution (JSON)")
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'csv', '8k'])
        .default('text'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      '\nExample:\n  npx trustee distribute --deal nchet-2002-1 --date 2002-04-25\n  npx trustee distribute --deal nchet-2002-1 --date 2002-04-25 --format json --out april.json',
    )
    .action(async (...args: unknown[]) => {
      const { action } = await import('./distribute.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
