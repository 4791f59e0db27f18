import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import { sub, type Cents } from '../money/cents.ts';
import { principalRemittanceAmount } from './principalRemittanceAmount.ts';
import { PERIOD_AMOUNTS, type GroupCollections } from '../trust/types.ts';
import type { CollectionPeriod, DealState } from './types.ts';

const money = (c: number): string => (c / 100).toFixed(2);

/**
 * Checks that a period's totals hold together before the waterfall runs: the pool rolls forward
 * (beginning - principal - realized losses = ending), the beginning pool is the trust's pool
 * after the last distribution, no amount is negative, losses do not exceed what was liquidated.
 */
export function reconcilePeriod(
  state: DealState,
  period: CollectionPeriod,
  file = '<period>',
): void {
  const problems = reconcileCollections(
    period,
    state.poolBalance,
    '',
    file,
    () => `the trust's pool after distribution ${state.distributionNumber}`,
  );
  if (problems.length > 0) {
    throw new TrusteeError(
      'UNRECONCILED',
      `${file}: the collection-period totals do not reconcile`,
      problems,
    );
  }
}

/**
 * The checks of `reconcilePeriod` on a period's figures or one loan group's (`prefix` names the
 * group's fields): the problems found, none when they hold together. `poolName` words the pool
 * only for a problem (every projected month passes here).
 */
export function reconcileCollections(
  period: GroupCollections,
  poolBefore: Cents,
  prefix: string,
  file: string,
  poolName: () => string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const field of PERIOD_AMOUNTS) {
    const value = period[field] as number;
    if (!Number.isSafeInteger(value) || value < 0) {
      problems.push({
        file,
        field: prefix + field,
        message: 'not a non-negative amount',
        expected: 'a whole number of cents >= 0',
        got: value,
      });
    }
  }
  if (problems.length === 0) {
    const rolled = sub(
      sub(period.beginningPoolBalance, principalRemittanceAmount(period)),
      period.realizedLosses,
    );
    if (rolled !== period.endingPoolBalance) {
      problems.push({
        file,
        field: prefix + 'endingPoolBalance',
        message: `beginning ${money(period.beginningPoolBalance)} less principal ${money(principalRemittanceAmount(period))} less realized losses ${money(period.realizedLosses)} is ${money(rolled)}`,
        expected: `the ending pool balance to equal ${money(rolled)}`,
        got: money(period.endingPoolBalance),
      });
    }
    if (period.beginningPoolBalance !== poolBefore) {
      problems.push({
        file,
        field: prefix + 'beginningPoolBalance',
        message: `${poolName()} is ${money(poolBefore)}`,
        expected: `a beginning pool balance of ${money(poolBefore)}`,
        got: money(period.beginningPoolBalance),
      });
    }
    if (period.bankruptcyLosses > period.realizedLosses) {
      problems.push({
        file,
        field: prefix + 'bankruptcyLosses',
        message: 'bankruptcy losses exceed realized losses',
        expected: `at most ${money(period.realizedLosses)}`,
      });
    }
    if (period.compensatingInterest > period.prepaymentInterestShortfall) {
      problems.push({
        file,
        field: prefix + 'compensatingInterest',
        message: 'compensating interest exceeds the prepayment interest shortfall',
        expected: `at most ${money(period.prepaymentInterestShortfall)}`,
      });
    }
  }
  if (period.endingLoanCount > period.beginningLoanCount || period.endingLoanCount < 0) {
    problems.push({
      file,
      field: prefix + 'endingLoanCount',
      message: 'the loan count cannot grow',
      expected: `between 0 and ${period.beginningLoanCount}`,
      got: period.endingLoanCount,
    });
  }
  if (!(period.weightedAverageRate >= 0 && period.weightedAverageRate < 1)) {
    problems.push({
      file,
      field: prefix + 'weightedAverageRate',
      message: 'not a rate',
      expected: 'a decimal rate between 0 and 1',
      got: period.weightedAverageRate,
    });
  }
  return problems;
}
