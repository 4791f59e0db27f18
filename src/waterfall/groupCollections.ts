import type { Deal } from '../deal/deal.ts';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import { PERIOD_AMOUNTS, type GroupCollections } from '../trust/types.ts';
import { reconcileCollections } from './reconcilePeriod.ts';
import type { CollectionPeriod, DealState } from './types.ts';

const money = (c: number): string => (c / 100).toFixed(2);

/**
 * Each loan group's part of the period, in the order of the deal's groups, once checked: every
 * group of the deal and no other, each group's figures reconciling on their own (its pool rolls
 * forward from the group's balance after the last distribution), and the period's figures the
 * sum of the groups'. Empty for a deal of one group, whose periods carry no groups.
 */
export function groupCollections(
  deal: Deal,
  state: DealState,
  period: CollectionPeriod,
  file: string,
): readonly GroupCollections[] {
  const given = period.groups;
  if (deal.groups.length === 0) {
    if (given === undefined) return [];
    throw new TrusteeError('UNRECONCILED', `${file}: ${deal.id} has no loan groups`, [
      {
        file,
        field: 'groups',
        message: `the period gives groups ${Object.keys(given).join(', ')}`,
        expected: 'no `groups` for a deal of one pool',
      },
    ]);
  }
  const problems: ErrorDetail[] = [];
  const names = deal.groups.map((g) => g.name);
  for (const name of names) {
    if (given?.[name] === undefined) {
      problems.push({
        file,
        field: `groups.${name}`,
        message: `no figures for loan group ${name}`,
        expected: `the figures of each of ${deal.id}'s groups (${names.join(', ')})`,
      });
    }
  }
  for (const name of Object.keys(given ?? {})) {
    if (!names.includes(name)) {
      problems.push({
        file,
        field: `groups.${name}`,
        message: `unknown loan group "${name}"`,
        expected: `one of ${deal.id}'s groups (${names.join(', ')})`,
      });
    }
  }
  if (problems.length > 0) {
    throw new TrusteeError(
      'UNRECONCILED',
      `${file}: the loan groups' figures are missing`,
      problems,
    );
  }
  const groups = names.map((name) => given![name]!);
  names.forEach((name, i) => {
    const group = groups[i]!;
    // A state written before the deal had groups carries no group balances: nothing to check.
    const before = state.groupPoolBalances?.[name] ?? group.beginningPoolBalance;
    problems.push(
      ...reconcileCollections(group, before, `groups.${name}.`, file, () => `group ${name}'s pool`),
    );
  });
  for (const field of [...PERIOD_AMOUNTS, 'beginningLoanCount', 'endingLoanCount'] as const) {
    const sum = groups.reduce((acc, g) => acc + g[field], 0);
    if (sum !== period[field]) {
      const isCount = field.endsWith('LoanCount');
      problems.push({
        file,
        field,
        message: `the groups' ${field} add up to ${isCount ? sum : money(sum)}`,
        expected: `the period's ${field} to be the groups' sum`,
        got: isCount ? period[field] : money(period[field]),
      });
    }
  }
  if (problems.length > 0) {
    throw new TrusteeError(
      'UNRECONCILED',
      `${file}: the loan groups' figures do not reconcile`,
      problems,
    );
  }
  return groups;
}
