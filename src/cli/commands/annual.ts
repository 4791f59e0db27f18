import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { TrusteeError } from '../../errors/catalogue.ts';

interface AnnualOptions {
  deal: string;
  year: string;
  db?: string;
  remittances?: string;
  format: 'text' | 'json' | 'csv';
  out?: string;
  actor: string;
}

function year(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1900 || value > 2200) {
    throw new TrusteeError('INVALID_INPUT', `bad --year ${text}`, [
      {
        field: '--year',
        message: 'not a year',
        expected: 'a calendar year such as 2002',
        got: text,
      },
    ]);
  }
  return value;
}

export function registerAnnual(program: Command): void {
  program
    .command('annual')
    .description(
      'Run (or reuse) every distribution date of a year in order, closing each in the database,\n' +
        "from the servicer's remittance report of the date, else the deal's collection-period\n" +
        'totals file, then print the Form 10-K with its Exhibit 99.1 annual summary. The built-in\n' +
        'deal ships 2002: March derived, April from the seed statement, May-December derived\n' +
        "loan by loan to add up to the 10-K's Exhibit 99.1.",
    )
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .requiredOption('--year <YYYY>', 'the fiscal year')
    .option(
      '--db <path|url>',
      'SQLite file or postgres:// URL (default: $TRUSTEE_DB or var/trustee.sqlite)',
    )
    .option(
      '--remittances <dir>',
      "folder of remittance reports named <date>.csv (default: the deal's own)",
    )
    .addOption(
      new Option('--format <format>', 'text: the Form 10-K; json/csv: the annual summary')
        .choices(['text', 'json', 'csv'])
        .default('text'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--actor <name>', 'who closes the dates (audit log)', 'trustee annual')
    .addHelpText('after', '\nExample:\n  npx trustee annual --deal nchet-2002-1 --year 2002')
    .action(async (options: AnnualOptions) => {
      const { annualReport } = await import('./annualReport.ts');
      const output = await annualReport({ ...options, year: year(options.year) });
      if (options.out) await writeFile(options.out, output);
      else process.stdout.write(output);
    });
}
