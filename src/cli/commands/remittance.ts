import { Option, type Command } from 'commander';

export function registerRemittance(program: Command): void {
  const remittance = program
    .command('remittance')
    .description('Servicer remittance reports (loan-level, monthly; docs/formats-remittance.md).');
  remittance
    .command('check')
    .description(
      'Validate and reconcile a remittance report (each loan rolls forward from the previous\n' +
        'period, the cash adds up, no loan missing, duplicated or unknown, the TOTAL row is the\n' +
        "loans' sum), then print the collection-period totals the waterfall will take.\n" +
        'The previous balances come from the loan tape for the first distribution, otherwise\n' +
        "from the previous distribution's report beside FILE, else the deal's pool after the\n" +
        'previous date (deals/<id>/tape-<date>.csv), or from --previous / --tape.',
    )
    .argument('<file>', 'the remittance report CSV')
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .option(
      '--tape <tape.csv>',
      "the loans before the period as a loan tape (default for the first distribution: the deal's\n" +
        'deals/<id>/tape.csv)',
    )
    .option('--previous <file>', "the previous distribution's remittance report")
    .addOption(
      new Option('--method <method>', 'delinquency method').choices(['MBA', 'OTS']).default('MBA'),
    )
    .option('--json', 'print the collection-period totals as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  npx trustee remittance check deals/nchet-2002-1/remittances/2002-05-28.csv --deal nchet-2002-1',
    )
    .action(async (...args: unknown[]) => {
      const { action } = await import('./remittance.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
