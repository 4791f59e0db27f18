import type { CertificateClass, Deal } from '../deal/deal.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { add, excess, sub, sum, ZERO, type Cents } from '../money/cents.ts';
import type { ClassDistribution, Distribution, LoanGroupFigures } from '../waterfall/types.ts';
import { fixedRatio, perThousand } from './fixedRatio.ts';
import type {
  CertificateRow,
  DelinquencyBucketName,
  LoanGroupRow,
  ReductionRow,
  StatementHeader,
  StatementModel,
} from './statementTypes.ts';

const BUCKETS: readonly DelinquencyBucketName[] = [
  'days30to59',
  'days60to89',
  'days90plus',
  'foreclosure',
  'bankruptcy',
  'bankruptcy60plus',
];

/** "New Century Home Equity Loan Trust, Series 2002-1" -> the part before ", Series". */
function beforeSeries(text: string): string {
  const at = text.search(/,?\s+Series\s/i);
  return at >= 0 ? text.slice(0, at) : text;
}

export function statementHeader(deal: Deal, d: Distribution): StatementHeader {
  return {
    dealId: deal.id,
    trustName: beforeSeries(deal.name),
    certificatesTitle: beforeSeries(deal.file.title),
    series: deal.file.series,
    distributionNumber: d.distributionNumber,
    distributionDate: d.distributionDate,
    accrualStart: d.accrualStart,
    accrualEnd: d.accrualEnd,
    accrualDays: d.accrualDays,
    indexRate: d.indexRate,
    indexDeterminationDate: d.indexDeterminationDate,
  };
}

function classFigures(deal: Deal, d: Distribution, c: CertificateClass): ClassDistribution {
  const found = d.classes.find((x) => x.name === c.name);
  if (!found) {
    throw new TrusteeError(
      'UNKNOWN_CLASS',
      `distribution ${d.distributionDate} has no class ${c.name}`,
      [
        {
          field: `classes.${c.name}`,
          message: `deal ${deal.id} has class ${c.name} but the distribution does not`,
          expected: `a distribution of ${deal.id}`,
          got: d.dealId,
        },
      ],
    );
  }
  return found;
}

/**
 * CE's realized losses (those not written down to the M classes) are made up by the Extra
 * Principal Distribution Amount out of excess cashflow. The statement shows the net: losses on
 * CE's balance are those not made up, and the Overcollateralization Increase Amount is the extra
 * principal beyond the losses (2002 10-K: CE losses 126,976 in the reductions table, while the
 * CE balance losses and the OC Increase Amount are both 0 and OC stayed at 3,972,996).
 */
function overcollateralizationNet(
  d: Distribution,
  ce: ClassDistribution,
): { lost: Cents; increase: Cents } {
  const extraPrincipal = d.overcollateralization.increase;
  return {
    lost: excess(ce.realizedLoss, extraPrincipal),
    increase: excess(extraPrincipal, ce.realizedLoss),
  };
}

/**
 * The Statement to Certificateholders for one distribution date, from the engine's
 * `Distribution` and the deal's terms. Pure; every figure stays in cents or as an exact ratio.
 */
export interface StatementOptions {
  /** The stored version of a closed date (see administration/history.ts `versionNote`). */
  readonly version?: string;
}

export function statementModel(
  deal: Deal,
  d: Distribution,
  options: StatementOptions = {},
): StatementModel {
  if (d.dealId !== deal.id) {
    throw new TrusteeError('INVALID_INPUT', `the distribution is of ${d.dealId}, not ${deal.id}`, [
      {
        field: 'dealId',
        message: 'deal and distribution differ',
        expected: deal.id,
        got: d.dealId,
      },
    ]);
  }
  const p = d.period;
  const byName = new Map(deal.classes.map((c) => [c.name, classFigures(deal, d, c)]));
  const figures = (c: CertificateClass): ClassDistribution =>
    byName.get(c.name) as ClassDistribution;
  const ceClass = deal.overcollateralizationClass;
  const ce = figures(ceClass);
  const oc = overcollateralizationNet(d, ce);

  const rows: CertificateRow[] = deal.classes.map((c) => {
    const f = figures(c);
    const rate =
      c.kind === 'floating' || c.kind === 'fixed' || c.kind === 'interestOnly'
        ? // Held to the engine's rate precision (1e-10): 0.0425, not 0.042499999999999996.
          Math.round(f.passThroughRate * 1e10) / 1e10
        : c.kind === 'overcollateralization'
          ? // CE rate = CE interest x 12 / beginning pool (April 2002: 5.71178%).
            p.beginningPoolBalance > 0
            ? (f.interestPaid * 12) / p.beginningPoolBalance
            : 0
          : null;
    return {
      class: c.name,
      kind: c.kind,
      cusip: c.cusip ?? null,
      originalBalance: c.originalBalance,
      beginningBalance: f.beginningBalance,
      principal: f.principalPaid,
      losses: c.kind === 'overcollateralization' ? oc.lost : f.realizedLoss,
      endingBalance: f.endingBalance,
      interest: f.interestPaid,
      passThroughRate: rate,
    };
  });
  // An interest-only class's notional is no certificate balance: the totals leave it out.
  const withBalance = rows.filter((r) => r.kind !== 'interestOnly');
  const total = {
    beginningBalance: sum(withBalance, (r) => r.beginningBalance),
    principal: sum(withBalance, (r) => r.principal),
    losses: sum(withBalance, (r) => r.losses),
    endingBalance: sum(withBalance, (r) => r.endingBalance),
    interest: sum(rows, (r) => r.interest),
  };
  const withOriginal = rows.filter((r) => r.originalBalance > 0);
  const offered = deal.interestBearingClasses.map((c) => c.name);
  const offeredAndCe = [...offered, ceClass.name];
  const rowOf = (name: string): CertificateRow =>
    rows.find((r) => r.class === name) as CertificateRow;
  const fOf = (name: string): ClassDistribution => byName.get(name) as ClassDistribution;

  // Shortfalls absorbed by CE's excess are the part not allocated to the offered classes.
  const ppisToClasses = sum(offered, (n) => fOf(n).prepaymentInterestShortfall);
  const reliefToClasses = sum(offered, (n) => fOf(n).reliefActShortfall);
  const reductions: ReductionRow[] = offeredAndCe.map((name) =>
    name === ceClass.name
      ? {
          class: name,
          realizedLosses: ce.realizedLoss,
          prepaymentInterestShortfall: excess(d.netPrepaymentInterestShortfall, ppisToClasses),
          reliefActShortfall: excess(p.reliefActShortfall, reliefToClasses),
        }
      : {
          class: name,
          realizedLosses: fOf(name).realizedLoss,
          prepaymentInterestShortfall: fOf(name).prepaymentInterestShortfall,
          reliefActShortfall: fOf(name).reliefActShortfall,
        },
  );
  const offeredReductions = reductions.filter((r) => r.class !== ceClass.name);
  const interestRows = offeredAndCe.map((name) => ({
    class: name,
    interestDistribution: rowOf(name).interest,
    carryForward: name === ceClass.name ? null : fOf(name).unpaidInterest,
  }));
  const netWacRows = offered.map((name) => ({
    class: name,
    current: fOf(name).netWacCarryoverCurrent,
    unpaidAfter: fOf(name).netWacCarryover,
  }));
  const reo = p.delinquency.reo.statedPrincipal;

  return {
    statement: {
      ...statementHeader(deal, d),
      ...(options.version ? { version: options.version } : {}),
    },
    certificates: { rows, total },
    amountsPer1000: {
      rows: withOriginal.map((r) => ({
        class: r.class,
        principal: perThousand(r.principal, r.originalBalance),
        interest: perThousand(r.interest, r.originalBalance),
        // The totals column prints 5 decimals (A: 2.76702).
        total: perThousand(add(r.principal, r.interest), r.originalBalance, 5),
        losses: perThousand(r.losses, r.originalBalance),
        endingBalance: perThousand(r.endingBalance, r.originalBalance),
      })),
    },
    servicer: {
      compensation: sum(
        d.fees.filter((f) => f.servicerCompensation),
        (f) => f.amount,
      ),
      advances: p.advances,
    },
    balances: {
      asOf: d.distributionDate,
      statedPrincipalExcludingReo: sub(p.endingPoolBalance, reo),
      reoStatedPrincipal: reo,
    },
    loans: {
      beginningCount: p.beginningLoanCount,
      endingCount: p.endingLoanCount,
      beginningBalance: p.beginningPoolBalance,
      endingBalance: p.endingPoolBalance,
      // Printed in whole months (April 2002: 357); a report's weighted average has decimals.
      remainingTermMonths: Math.round(p.weightedAverageRemainingTerm),
      weightedAverageRate: p.weightedAverageRate,
    },
    delinquency: {
      rows: BUCKETS.map((bucket) => ({ bucket, ...p.delinquency[bucket] })),
      reoBookValue: p.delinquency.reoBookValue,
    },
    prepayments: {
      curtailments: p.curtailments,
      paymentsInFull: p.paymentsInFull,
      liquidationProceeds: p.liquidationProceeds,
      total: add(p.curtailments, p.paymentsInFull, p.liquidationProceeds),
      prepaymentCharges: p.prepaymentCharges,
      reoPrincipalAmortization: p.reoPrincipalAmortization,
    },
    realizedLosses: {
      total: p.realizedLosses,
      bankruptcy: p.bankruptcyLosses,
      cumulative: d.cumulativeRealizedLosses,
      extraordinaryExpenses: p.extraordinaryExpenses,
    },
    certificateFactors: {
      rows: offeredAndCe.map((name) => ({
        class: name,
        // Class factor = ending / original; CE's = the pool factor (April 2002: 0.996628).
        factor:
          name === ceClass.name
            ? fixedRatio(p.endingPoolBalance, deal.cutoffBalance, 6)
            : fixedRatio(rowOf(name).endingBalance, rowOf(name).originalBalance, 6),
      })),
    },
    interestDistribution: {
      rows: interestRows,
      total: {
        interestDistribution: sum(interestRows, (r) => r.interestDistribution),
        carryForward: sum(interestRows, (r) => r.carryForward ?? ZERO),
      },
    },
    interestReductions: {
      rows: reductions,
      total: {
        realizedLosses: sum(offeredReductions, (r) => r.realizedLosses),
        prepaymentInterestShortfall: sum(offeredReductions, (r) => r.prepaymentInterestShortfall),
        reliefActShortfall: sum(offeredReductions, (r) => r.reliefActShortfall),
      },
    },
    performance: {
      ppisNotCovered: d.netPrepaymentInterestShortfall,
      reliefActShortfall: p.reliefActShortfall,
      requiredOvercollateralization: d.overcollateralization.required,
      creditEnhancementPercentage: d.creditEnhancementPercentage,
      overcollateralizationIncrease: oc.increase,
      overcollateralizationReduction: d.overcollateralization.reduction,
      aggregateLossSeverity: d.lossSeverity,
      netMonthlyExcessCashflow: d.netMonthlyExcessCashflow,
      delinquencyPercentage: d.delinquencyPercentage,
      stepdownOccurred: d.stepdownDate,
      triggerEventOccurred: d.triggerEvent,
    },
    netWacCarryover: {
      rows: netWacRows,
      total: {
        current: sum(netWacRows, (r) => r.current),
        unpaidAfter: sum(netWacRows, (r) => r.unpaidAfter),
      },
    },
    ...(d.supplementalInterestTrust
      ? { supplementalInterestTrust: d.supplementalInterestTrust }
      : {}),
    ...(d.reserveFund ? { reserveFund: d.reserveFund } : {}),
    ...(d.extraordinaryExpenses ? { expenseCap: d.extraordinaryExpenses } : {}),
    ...(d.loanGroups
      ? {
          loanGroups: {
            rows: d.loanGroups.map(loanGroupRow),
            subordinateNetWacRate: d.subordinateNetWacRate ?? 0,
          },
        }
      : {}),
  };
}

/** A loan group's figures as the statement's group section prints them. */
function loanGroupRow(g: LoanGroupFigures): LoanGroupRow {
  const c = g.collections;
  const t = c.delinquency;
  return {
    group: g.name,
    beginningBalance: c.beginningPoolBalance,
    endingBalance: c.endingPoolBalance,
    beginningLoanCount: c.beginningLoanCount,
    endingLoanCount: c.endingLoanCount,
    scheduledPrincipal: c.scheduledPrincipal,
    curtailments: c.curtailments,
    paymentsInFull: c.paymentsInFull,
    liquidationProceeds: c.liquidationProceeds,
    realizedLosses: c.realizedLosses,
    prepaymentCharges: c.prepaymentCharges,
    principalRemittance: g.principalRemittanceAmount,
    interestRemittance: g.interestRemittanceAmount,
    overcollateralizationReduction: g.overcollateralizationReduction,
    seniorPrincipalDistributionAmount: g.seniorPrincipalDistributionAmount ?? null,
    weightedAverageRate: c.weightedAverageRate,
    netWacRate: g.netWacRate,
    seriouslyDelinquent: add(
      t.days60to89.statedPrincipal,
      t.days90plus.statedPrincipal,
      t.foreclosure.statedPrincipal,
      t.reo.statedPrincipal,
      t.bankruptcy60plus.statedPrincipal,
    ),
  };
}
