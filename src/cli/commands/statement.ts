import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';

export interface StatementCommandOptions {
  deal: string;
  date: string;
  versionNumber?: string;
  db?: string;
  format: 'text' | 'json' | 'csv' | '8k';
  out?: string;
}

export function registerStatement(program: Command): void {
  program
    .command('statement')
    .description(
      'Print the Statement to Certificateholders of a closed distribution date from the\n' +
        'database, with its version (the latest, or --version N). Corrected dates show who\n' +
        'corrected them, when and why.',
    )
    .requiredOption('--deal <id>', 'the deal id')
    .requiredOption('--date <YYYY-MM-DD>', 'the distribution date')
    .option('--version-number <n>', 'a version of the date (default: the latest)')
    .option(
      '--db <path|url>',
      'SQLite file or postgres:// URL (default: $TRUSTEE_DB or var/trustee.sqlite)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'csv', '8k'])
        .default('text'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      '\nExample:\n  npx trustee annual --deal nchet-2002-1 --year 2002 > /dev/null\n  npx trustee statement --deal nchet-2002-1 --date 2002-12-26',
    )
    .action(async (options: StatementCommandOptions) => {
      const { storedStatement } = await import('./storedStatement.ts');
      const output = await storedStatement(options);
      if (options.out) await writeFile(options.out, output);
      else process.stdout.write(output);
    });
}
