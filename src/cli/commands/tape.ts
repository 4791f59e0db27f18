import type { Command } from 'commander';

export function registerTape(program: Command): void {
  program
    .command('tape')
    .description(
      "Print a loan tape's totals (balance, count, WAC, WA remaining term) and its\n" +
        'stratification tables (product, rate, remaining term, state, FICO, LTV).\n' +
        "Without --file, reads the deal's built-in tape deals/<id>/tape.csv (for nchet-2002-1\n" +
        'a synthetic pool: the real tape is not public; see docs/formats-tape.md).',
    )
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .option('--file <tape.csv>', 'a loan tape CSV (docs/formats-tape.md)')
    .option(
      '--write-example <path>',
      'write the synthetic 2002-1 example tape (the seeded generator) to <path> and stop',
    )
    .option(
      '--write-derived <dir>',
      "write the deal's derived opening into <dir> and stop: the first period's totals\n" +
        '(periods/<date>.json) and the loans after the second distribution (tape-<date>.csv),\n' +
        'from the tape and the seed files (docs/formats-remittance.md)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  npx trustee tape --deal nchet-2002-1\n' +
        '  npx trustee tape --deal nchet-2002-1 --file deals/nchet-2002-1/tape-2002-04-25.csv\n' +
        '  npx trustee tape --deal nchet-2002-1 --write-derived deals/nchet-2002-1',
    )
    .action(async (...args: unknown[]) => {
      const { action } = await import('./tape.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
