import type { Deal } from '../deal/deal.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { add, sum, ZERO, type Cents } from '../money/cents.ts';
import { fromParts, parts } from '../money/plainDate.ts';
import type { Distribution } from '../waterfall/types.ts';
import type {
  AnnualCertificateRow,
  AnnualSummaryModel,
  LoanLossSeverity,
  NewReoLoan,
} from './annualTypes.ts';
import { fixedRatio, perThousand } from './fixedRatio.ts';
import { statementModel } from './statementModel.ts';
import type { CertificateRow, StatementModel } from './statementTypes.ts';

export interface AnnualSummaryOptions {
  /** Loans that became REO in the month before the last distribution (loan-level servicer data). */
  readonly newReoLoans?: readonly NewReoLoan[];
  /** Loss severity of each loan liquidated in the last month (loan-level servicer data). */
  readonly lossSeverityLoans?: readonly LoanLossSeverity[];
}

/** The year's distributions must be one deal's, consecutive, in order, in one calendar year. */
function checkYear(deal: Deal, distributions: readonly Distribution[]): void {
  const first = distributions[0];
  if (!first) {
    throw new TrusteeError('INVALID_INPUT', 'an annual summary needs the year’s distributions', [
      { field: 'distributions', message: 'none given', expected: 'at least one distribution' },
    ]);
  }
  const year = parts(first.distributionDate).year;
  distributions.forEach((d, i) => {
    const field = `distributions[${i}]`;
    const problem = (message: string, expected: string, got: unknown): never => {
      throw new TrusteeError('INVALID_INPUT', `${field}: ${message}`, [
        { field, message, expected, got },
      ]);
    };
    if (d.dealId !== deal.id) problem('another deal', deal.id, d.dealId);
    if (parts(d.distributionDate).year !== year)
      problem('another year', `a distribution date in ${year}`, d.distributionDate);
    if (d.distributionNumber !== first.distributionNumber + i)
      problem(
        'not consecutive',
        `distribution number ${first.distributionNumber + i}`,
        d.distributionNumber,
      );
  });
}

/** Sums each class row's `pick` over the months (rows in the same order every month). */
function classSums<R extends { readonly class: string }>(
  months: readonly StatementModel[],
  rowsOf: (m: StatementModel) => readonly R[],
  pick: (row: R) => Cents,
): (name: string) => Cents {
  return (name) => sum(months, (m) => pick(rowsOf(m).find((r) => r.class === name) as R));
}

/**
 * The annual summary of a year's distributions (in order), with the index rate fixed for the
 * period after the last one. Principal, interest, losses, fees, prepayments, charges and excess
 * cashflow are sums of the monthly statements' figures; balances, rates, factors, delinquency,
 * carry-forwards and tests are the last month's; beginning balances the first month's.
 */
export function annualSummary(
  deal: Deal,
  distributions: readonly Distribution[],
  nextIndexRate: number,
  options: AnnualSummaryOptions = {},
): AnnualSummaryModel {
  checkYear(deal, distributions);
  const months = distributions.map((d) => statementModel(deal, d));
  const firstMonth = months[0] as StatementModel;
  const lastMonth = months[months.length - 1] as StatementModel;
  const lastDistribution = distributions[distributions.length - 1] as Distribution;
  const year = parts(firstMonth.statement.distributionDate).year;
  const certificateSum = (pick: (r: CertificateRow) => Cents) =>
    classSums(months, (m) => m.certificates.rows, pick);
  const principalOf = certificateSum((r) => r.principal);
  const interestOf = certificateSum((r) => r.interest);
  const lossesOf = certificateSum((r) => r.losses);

  const rows: AnnualCertificateRow[] = lastMonth.certificates.rows.map((last) => {
    const first = firstMonth.certificates.rows.find((r) => r.class === last.class);
    const definition = deal.classByName.get(last.class);
    const principal = principalOf(last.class);
    const interest = interestOf(last.class);
    const margin =
      definition?.kind === 'floating'
        ? lastDistribution.optionalTerminationDate
          ? definition.stepUpMargin
          : definition.margin
        : undefined;
    return {
      ...last,
      beginningBalance: first?.beginningBalance ?? ZERO,
      principal,
      losses: lossesOf(last.class),
      interest,
      totalDistribution: add(principal, interest),
      // Next Rate = next index + margin (2002: 1.42% + 0.32% = 1.74000% for A).
      nextRate: margin === undefined ? null : Math.round((nextIndexRate + margin) * 1e10) / 1e10,
    };
  });
  const total = {
    beginningBalance: sum(rows, (r) => r.beginningBalance),
    principal: sum(rows, (r) => r.principal),
    losses: sum(rows, (r) => r.losses),
    endingBalance: sum(rows, (r) => r.endingBalance),
    interest: sum(rows, (r) => r.interest),
    totalDistribution: sum(rows, (r) => r.totalDistribution),
  };
  const sumMonths = (pick: (m: StatementModel) => Cents): Cents => sum(months, pick);
  const interestRow = classSums(
    months,
    (m) => m.interestDistribution.rows,
    (r) => r.interestDistribution,
  );
  const reduction = (pick: (r: StatementModel['interestReductions']['rows'][number]) => Cents) =>
    classSums(months, (m) => m.interestReductions.rows, pick);
  const netWacCurrent = classSums(
    months,
    (m) => m.netWacCarryover.rows,
    (r) => r.current,
  );
  const losses = sumMonths((m) => m.realizedLosses.total);
  const liquidationProceeds = sumMonths((m) => m.prepayments.liquidationProceeds);
  const interestRows = lastMonth.interestDistribution.rows.map((r) => ({
    ...r,
    interestDistribution: interestRow(r.class),
  }));
  const realizedOf = reduction((r) => r.realizedLosses);
  const ppisOf = reduction((r) => r.prepaymentInterestShortfall);
  const reliefOf = reduction((r) => r.reliefActShortfall);
  const netWacRows = lastMonth.netWacCarryover.rows.map((r) => ({
    ...r,
    current: netWacCurrent(r.class),
  }));

  return {
    summary: {
      dealId: deal.id,
      trustName: lastMonth.statement.trustName,
      certificatesTitle: lastMonth.statement.certificatesTitle,
      series: lastMonth.statement.series,
      year,
      periodEnd: fromParts(year, 12, 31),
      distributionDates: months.map((m) => m.statement.distributionDate),
      nextIndexRate,
    },
    certificates: { rows, total },
    amountsPer1000: {
      rows: rows
        .filter((r) => r.originalBalance > 0)
        .map((r) => ({
          class: r.class,
          principal: perThousand(r.principal, r.originalBalance),
          interest: perThousand(r.interest, r.originalBalance),
          total: perThousand(r.totalDistribution, r.originalBalance),
          losses: perThousand(r.losses, r.originalBalance),
          endingBalance: perThousand(r.endingBalance, r.originalBalance),
        })),
    },
    servicer: {
      compensation: sumMonths((m) => m.servicer.compensation),
      advances: lastMonth.servicer.advances,
    },
    balances: lastMonth.balances,
    loans: {
      ...lastMonth.loans,
      beginningCount: firstMonth.loans.beginningCount,
      beginningBalance: firstMonth.loans.beginningBalance,
    },
    delinquency: lastMonth.delinquency,
    newReo: { rows: options.newReoLoans ?? [] },
    prepayments: {
      curtailments: sumMonths((m) => m.prepayments.curtailments),
      paymentsInFull: sumMonths((m) => m.prepayments.paymentsInFull),
      liquidationProceeds,
      total: sumMonths((m) => m.prepayments.total),
      prepaymentCharges: sumMonths((m) => m.prepayments.prepaymentCharges),
      reoPrincipalAmortization: sumMonths((m) => m.prepayments.reoPrincipalAmortization),
    },
    realizedLosses: {
      total: losses,
      bankruptcy: sumMonths((m) => m.realizedLosses.bankruptcy),
      cumulative: lastMonth.realizedLosses.cumulative,
      extraordinaryExpenses: sumMonths((m) => m.realizedLosses.extraordinaryExpenses),
    },
    certificateFactors: {
      rows: lastMonth.certificateFactors.rows.map((r) => {
        const row = rows.find((x) => x.class === r.class) as AnnualCertificateRow;
        return {
          class: r.class,
          // 8 decimals in the 10-K (A 0.83592680; CE = pool factor 0.86710130).
          factor:
            row.kind === 'overcollateralization'
              ? fixedRatio(lastMonth.loans.endingBalance, deal.cutoffBalance, 8)
              : fixedRatio(row.endingBalance, row.originalBalance, 8),
        };
      }),
    },
    interestDistribution: {
      rows: interestRows,
      total: {
        interestDistribution: sumMonths((m) => m.interestDistribution.total.interestDistribution),
        carryForward: lastMonth.interestDistribution.total.carryForward,
      },
    },
    interestReductions: {
      rows: lastMonth.interestReductions.rows.map((r) => ({
        class: r.class,
        realizedLosses: realizedOf(r.class),
        prepaymentInterestShortfall: ppisOf(r.class),
        reliefActShortfall: reliefOf(r.class),
      })),
      total: {
        realizedLosses: sumMonths((m) => m.interestReductions.total.realizedLosses),
        prepaymentInterestShortfall: sumMonths(
          (m) => m.interestReductions.total.prepaymentInterestShortfall,
        ),
        reliefActShortfall: sumMonths((m) => m.interestReductions.total.reliefActShortfall),
      },
    },
    performance: {
      ...lastMonth.performance,
      ppisNotCovered: sumMonths((m) => m.performance.ppisNotCovered),
      reliefActShortfall: sumMonths((m) => m.performance.reliefActShortfall),
      overcollateralizationIncrease: sumMonths((m) => m.performance.overcollateralizationIncrease),
      overcollateralizationReduction: sumMonths(
        (m) => m.performance.overcollateralizationReduction,
      ),
      // Over the year: losses / (losses + liquidation proceeds).
      aggregateLossSeverity: losses > 0 ? losses / (losses + liquidationProceeds) : 0,
      netMonthlyExcessCashflow: sumMonths((m) => m.performance.netMonthlyExcessCashflow),
    },
    lossSeverity: { rows: options.lossSeverityLoans ?? [] },
    netWacCarryover: {
      rows: netWacRows,
      total: {
        current: sumMonths((m) => m.netWacCarryover.total.current),
        unpaidAfter: lastMonth.netWacCarryover.total.unpaidAfter,
      },
    },
  };
}
