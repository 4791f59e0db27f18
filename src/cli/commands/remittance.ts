import { Option, type Command } from 'commander';
import { resolveDeal } from '../../deal/builtIn.ts';
import { collectionPeriodFromRemittance } from '../../servicing/collectionPeriodFromRemittance.ts';
import { previousPositionsFor } from '../../servicing/dealRemittances.ts';
import type { DelinquencyMethod } from '../../servicing/delinquencyStatus.ts';
import { readRemittance } from '../../servicing/readRemittance.ts';
import type { CollectionPeriod } from '../../waterfall/types.ts';
import { textTable } from './tape.ts';

const money = (cents: number): string =>
  (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The reconciled report's totals as text: the collection period and its delinquency table. */
export function remittanceReport(file: string, p: CollectionPeriod): string {
  const liquidated = p.realizedLosses + p.liquidationProceeds;
  const amounts: [string, number][] = [
    ['Beginning pool balance', p.beginningPoolBalance],
    ['Scheduled principal', p.scheduledPrincipal],
    ['Curtailments', p.curtailments],
    ['Payments in full', p.paymentsInFull],
    ['Net liquidation proceeds', p.liquidationProceeds],
    ['Repurchases', p.repurchasePrincipal],
    ['Realized losses', p.realizedLosses],
    ['  of which bankruptcy losses', p.bankruptcyLosses],
    ['Ending pool balance', p.endingPoolBalance],
    ['Interest collected and advanced', p.interestCollected],
    ['Prepayment interest shortfall', p.prepaymentInterestShortfall],
    ['Compensating interest', p.compensatingInterest],
    ['Relief Act shortfall', p.reliefActShortfall],
    ['Prepayment charges', p.prepaymentCharges],
    ['P&I advances', p.advances],
    ['REO principal amortization', p.reoPrincipalAmortization],
    ['REO book value', p.delinquency.reoBookValue],
  ];
  const totals = textTable(
    [`Distribution date ${p.distributionDate}`, ''],
    [
      ...amounts.map(([label, value]) => [label, money(value)]),
      ['Loans (beginning / ending)', `${p.beginningLoanCount} / ${p.endingLoanCount}`],
      ['Weighted average rate (beginning)', `${(p.weightedAverageRate * 100).toFixed(5)}%`],
      ['WA remaining term (ending)', p.weightedAverageRemainingTerm.toFixed(1)],
      [
        'Loss severity',
        liquidated > 0 ? `${((p.realizedLosses / liquidated) * 100).toFixed(3)}%` : 'n/a',
      ],
    ],
  );
  const d = p.delinquency;
  const buckets: [string, keyof Omit<typeof d, 'reoBookValue'>][] = [
    ['30-59 days', 'days30to59'],
    ['60-89 days', 'days60to89'],
    ['90+ days', 'days90plus'],
    ['Foreclosure', 'foreclosure'],
    ['Bankruptcy', 'bankruptcy'],
    ['Bankruptcy 60+', 'bankruptcy60plus'],
    ['REO', 'reo'],
  ];
  const table = textTable(
    ['Delinquency', 'Number', 'Unpaid principal', 'Stated principal'],
    buckets.map(([label, key]) => [
      label,
      String(d[key].count),
      money(d[key].unpaidPrincipal),
      money(d[key].statedPrincipal),
    ]),
  );
  return `${file}: reconciled\n\n${totals}\n\n${table}\n`;
}

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
        "from the previous distribution's report beside FILE (or --previous).",
    )
    .argument('<file>', 'the remittance report CSV')
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .option('--tape <tape.csv>', "the loan tape (default: the deal's deals/<id>/tape.csv)")
    .option('--previous <file>', "the previous distribution's remittance report")
    .addOption(
      new Option('--method <method>', 'delinquency method').choices(['MBA', 'OTS']).default('MBA'),
    )
    .option('--json', 'print the collection-period totals as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  npx trustee remittance check deals/nchet-2002-1/remittances/2002-04-25.csv --deal nchet-2002-1',
    )
    .action(
      async (
        file: string,
        options: {
          deal: string;
          tape?: string;
          previous?: string;
          method: DelinquencyMethod;
          json?: boolean;
        },
      ) => {
        const deal = resolveDeal(options.deal);
        const report = await readRemittance(file);
        const positions = await previousPositionsFor(deal, file, report.distributionDate, options);
        const period = collectionPeriodFromRemittance(deal, positions, report, {
          method: options.method,
        });
        process.stdout.write(
          options.json ? `${JSON.stringify(period, null, 2)}\n` : remittanceReport(file, period),
        );
      },
    );
}
