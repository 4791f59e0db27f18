import type { Command } from 'commander';

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      "Simulate the servicer's monthly remittance reports for a year from a loan tape:\n" +
        'prepayments (CPR), defaults (CDR), delinquency roll rates, foreclosure, REO and\n' +
        'liquidation with a loss severity. Seeded: the same options give byte-identical files.\n' +
        'Without --cpr/--cdr/--severity, uses the assumptions calibrated on the 2002-1 10-K.\n' +
        "The tape is the deal's latest pool after a distribution date (for nchet-2002-1 the\n" +
        'loans after April 2002, deals/nchet-2002-1/tape-2002-04-25.csv: 2002 gives May-December,\n' +
        'a simulated year, not the built-in reports, which are derived to add up to the 10-K;\n' +
        '2003 and later continue the same draw), else its cut-off tape.',
    )
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .requiredOption('--year <year>', 'the year of the distribution dates to write')
    .requiredOption('--out <dir>', 'directory for the reports (<distribution date>.csv)')
    .option(
      '--tape <tape.csv>',
      'the loans to start from, every loan current (a cut-off tape starts at distribution 1,\n' +
        "a pool after a distribution date at the next one; default: the deal's latest)",
    )
    .option('--seed <n>', 'random seed (default: the seed of the built-in example, 88)', '88')
    .option('--cpr <percent>', 'flat prepayment rate, annual % (replaces the seasoning ramp)')
    .option('--cdr <percent>', 'default rate, annual %')
    .option('--severity <percent>', 'mean loss severity, % of the balance')
    .addHelpText(
      'after',
      '\nExamples:\n  npx trustee simulate --deal nchet-2002-1 --year 2002 --out deals/nchet-2002-1/remittances\n' +
        '  npx trustee simulate --deal nchet-2002-1 --year 2003 --out /tmp/rem --seed 7 --cpr 25 --cdr 4 --severity 35\n' +
        '  npx trustee simulate --deal nchet-2002-1 --year 2002 --out /tmp/rem --tape deals/nchet-2002-1/tape.csv',
    )
    .action(async (...args: unknown[]) => {
      const { action } = await import('./simulate.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
