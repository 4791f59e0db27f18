import { formatMmDdYy } from '../../money/plainDate.ts';
import { percent, yesNo } from '../../reports/format.ts';
import { printedRows } from '../../reports/statementText.ts';
import { BUCKET_LABELS } from '../../reports/textSections.ts';
import type { StatementModel } from '../../reports/statementTypes.ts';
import {
  dollars,
  lines,
  money,
  number,
  pct,
  ratio,
  text,
  type StatementSection,
} from './statementCells.ts';
import { structureSections } from './structureSections.ts';

export type { Cell, StatementSection } from './statementCells.ts';

export interface StatementSections {
  /** The trust's header, as the filing prints it above the statement. */
  header: string[];
  sections: StatementSection[];
}

/** The statement laid out in the filing's sections, for the page, the PDF and the workbook. */
export function statementSections(model: StatementModel): StatementSections {
  const s = model.statement;
  const c = model.certificates;
  const header = [
    s.trustName.toUpperCase(),
    s.certificatesTitle.toUpperCase(),
    `SERIES ${s.series}`,
    'STATEMENT TO CERTIFICATEHOLDERS',
    `Distribution Date: ${formatMmDdYy(s.distributionDate)}`,
    ...(s.version ? [s.version] : []),
    `Accrual period ${s.accrualStart} to ${s.accrualEnd} (${s.accrualDays} days); index ${percent(s.indexRate, 5)} fixed ${s.indexDeterminationDate}`,
  ];
  const sections: StatementSection[] = [
    {
      id: 'certificates',
      title: 'Statement to Certificateholders',
      columns: [
        'Class',
        'CUSIP',
        'Beginning Certificate Bal',
        'Prin',
        'Losses',
        'Ending Certificate Bal',
        'Int',
        'Current Pass-Through Int Rate',
      ],
      rows: [
        ...printedRows(c.rows).map((r) => [
          text(r.class),
          text(r.cusip ?? ''),
          money(r.beginningBalance),
          money(r.principal),
          money(r.losses),
          money(r.endingBalance),
          money(r.interest),
          r.passThroughRate === null ? text('NA') : pct(r.passThroughRate, 5),
        ]),
        [
          text('Total'),
          text(''),
          money(c.total.beginningBalance),
          money(c.total.principal),
          money(c.total.losses),
          money(c.total.endingBalance),
          money(c.total.interest),
          text(''),
        ],
      ],
    },
    {
      id: 'per1000',
      title: 'Amounts per $1,000 Unit',
      columns: ['Class', 'Prin', 'Int', 'Total', 'Losses', 'Ending Certificate Bal'],
      rows: model.amountsPer1000.rows.map((r) => [
        text(r.class),
        ratio(r.principal, 6),
        ratio(r.interest, 6),
        ratio(r.total, 5),
        ratio(r.losses, 6),
        ratio(r.endingBalance, 6),
      ]),
    },
    lines('servicer', 'Master Servicer Compensation and P&I Advances', [
      ['Master Servicer Compensation', dollars(model.servicer.compensation)],
      ['Total Advances', dollars(model.servicer.advances)],
    ]),
    lines('balances', `Balances as of ${model.balances.asOf}`, [
      [
        'Stated Prin Bal of Mtge Loans (excluding REOs)',
        dollars(model.balances.statedPrincipalExcludingReo),
      ],
      ['Stated Prin Bal of REO Properties', dollars(model.balances.reoStatedPrincipal)],
    ]),
    {
      id: 'loans',
      title: 'Mortgage Loan Characteristics',
      columns: ['Item', 'Beginning', 'Ending'],
      rows: [
        [
          text('Number of Loans'),
          number(model.loans.beginningCount),
          number(model.loans.endingCount),
        ],
        [
          text('Agg Prin Balance'),
          dollars(model.loans.beginningBalance),
          dollars(model.loans.endingBalance),
        ],
        [text('Wghtd Avg Rem Term to Maturity'), text(''), number(model.loans.remainingTermMonths)],
        [text('Beg Wghtd Avge Mortgage Rate'), pct(model.loans.weightedAverageRate, 3), text('')],
      ],
    },
    {
      id: 'delinquency',
      title: 'Delinquency Information',
      columns: ['Bucket', 'Number', 'Unpaid Prin Bal', 'Stated Prin Bal'],
      rows: [
        ...model.delinquency.rows.map((r) => [
          text(BUCKET_LABELS[r.bucket]),
          number(r.count),
          dollars(r.unpaidPrincipal),
          dollars(r.statedPrincipal),
        ]),
        [
          text('Total Book Value of REO Properties'),
          text(''),
          text(''),
          dollars(model.delinquency.reoBookValue),
        ],
      ],
    },
    lines('prepayments', 'Aggregate Amount of Principal Prepayments', [
      ['Curtailments', dollars(model.prepayments.curtailments)],
      ['Payments in Full', dollars(model.prepayments.paymentsInFull)],
      ['Liquidation Proceeds', dollars(model.prepayments.liquidationProceeds)],
      ['Total', dollars(model.prepayments.total)],
      ['Prepayment Charges', dollars(model.prepayments.prepaymentCharges)],
      ['REO Principal Amortization', dollars(model.prepayments.reoPrincipalAmortization)],
    ]),
    lines('realizedLosses', 'Realized Losses', [
      ['Total Realized Losses', dollars(model.realizedLosses.total)],
      ['Bankruptcy Losses', dollars(model.realizedLosses.bankruptcy)],
      ['Cumulative Realized Losses', dollars(model.realizedLosses.cumulative)],
      ['Extraordinary Trust Fund Expenses', dollars(model.realizedLosses.extraordinaryExpenses)],
    ]),
    {
      id: 'factors',
      title: 'Certificate Factor',
      columns: ['Class', 'Certificate Factor'],
      rows: model.certificateFactors.rows.map((r) => [
        text(`Class ${r.class}`),
        ratio(r.factor, 6),
      ]),
    },
    {
      id: 'interest',
      title: 'Interest Distribution Amounts',
      columns: ['Class', 'Interest Distribution Amount', 'Interest Carry Forward Amount'],
      rows: [
        ...model.interestDistribution.rows.map((r) => [
          text(r.class),
          dollars(r.interestDistribution),
          r.carryForward === null ? text('NA') : dollars(r.carryForward),
        ]),
        [
          text('TOTAL'),
          dollars(model.interestDistribution.total.interestDistribution),
          dollars(model.interestDistribution.total.carryForward),
        ],
      ],
    },
    {
      id: 'reductions',
      title: 'Reduction from the Allocation of',
      columns: [
        'Class',
        'Realized Losses',
        'Prepayment Interest Shortfalls',
        'Relief Act Interest Shortfalls',
      ],
      rows: [
        ...model.interestReductions.rows.map((r) => [
          text(r.class),
          dollars(r.realizedLosses),
          dollars(r.prepaymentInterestShortfall),
          dollars(r.reliefActShortfall),
        ]),
        [
          text('TOTAL'),
          dollars(model.interestReductions.total.realizedLosses),
          dollars(model.interestReductions.total.prepaymentInterestShortfall),
          dollars(model.interestReductions.total.reliefActShortfall),
        ],
      ],
    },
    lines('performance', 'Performance Measures', [
      ['PPIS not covered by the Servicer', dollars(model.performance.ppisNotCovered)],
      ['Relief Act Interest Shortfall', dollars(model.performance.reliefActShortfall)],
      [
        'Required Overcollateralized Amount',
        dollars(model.performance.requiredOvercollateralization),
      ],
      ['Credit Enhancement Percentage', pct(model.performance.creditEnhancementPercentage, 3)],
      [
        'Overcollateralization Increase Amount',
        dollars(model.performance.overcollateralizationIncrease),
      ],
      [
        'Overcollateralization Reduction Amount',
        dollars(model.performance.overcollateralizationReduction),
      ],
      ['Aggregate Loss Severity %', pct(model.performance.aggregateLossSeverity, 3)],
      ['Net Monthly Excess Cash Flow', dollars(model.performance.netMonthlyExcessCashflow)],
      ['Delinquency Percentage', pct(model.performance.delinquencyPercentage, 3)],
      ['Stepdown Date Occurrence', text(yesNo(model.performance.stepdownOccurred))],
      ['Trigger Event Occurrence', text(yesNo(model.performance.triggerEventOccurred))],
    ]),
    {
      id: 'netWacCarryover',
      title: 'Net WAC Rate Carryover Amount',
      columns: [
        'Class',
        'Current Net WAC Rate Carryforward Amount',
        'Amount Unpaid After Distributions',
      ],
      rows: [
        ...model.netWacCarryover.rows.map((r) => [
          text(r.class),
          dollars(r.current),
          dollars(r.unpaidAfter),
        ]),
        [
          text('TOTAL'),
          dollars(model.netWacCarryover.total.current),
          dollars(model.netWacCarryover.total.unpaidAfter),
        ],
      ],
    },
    ...structureSections(model),
  ];
  return { header, sections };
}
