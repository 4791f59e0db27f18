import { resolveDeal } from '../../deal/builtIn.ts';
import { collectionPeriodFromRemittance } from '../../servicing/collectionPeriodFromRemittance.ts';
import { previousPositionsFor } from '../../servicing/dealRemittances.ts';
import type { DelinquencyMethod } from '../../servicing/delinquencyStatus.ts';
import { readRemittance } from '../../servicing/readRemittance.ts';
import { periodTotalsDocument } from '../../servicing/periodTotalsFile.ts';
import type { CollectionPeriod } from '../../waterfall/types.ts';
import { textTable } from './tape.action.ts';

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

/** The `remittance` command's work, loaded only when the command runs. */
export const action = async (
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
    options.json
      ? `${JSON.stringify(periodTotalsDocument(period), null, 2)}\n`
      : remittanceReport(file, period),
  );
};
