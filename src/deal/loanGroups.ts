import type { ErrorDetail } from '../errors/catalogue.ts';
import type { Cents } from '../money/cents.ts';
import { dealDollars } from './dealDollars.ts';
import { INTEREST_BEARING_KINDS, type LoanGroup } from './deal.ts';
import type { DealFile } from './schema.ts';

/** The deal file's loan groups, in the order of the file, with money in cents. */
export function loanGroups(file: DealFile): LoanGroup[] {
  return Object.entries(file.groups ?? {}).map(([name, g]) => ({
    name,
    description: g.description,
    cutoffBalance: dealDollars(g.cutoffBalance),
    cutoffLoanCount: g.cutoffLoanCount,
    seniorClasses: g.seniorClasses,
  }));
}

/**
 * The loan groups' own checks: at least two groups whose cut-off balances and loan counts add
 * up to the pool's; each senior class an interest-bearing class of one group only; every step's
 * `from` a group of the deal, in the priorities that have a fund per group (interest and
 * principal: the excess cashflow and the swap receipts are one fund).
 */
export function loanGroupProblems(file: DealFile): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const groups = file.groups ?? {};
  const names = Object.keys(groups);
  if (file.groups !== undefined) {
    if (names.length < 2) {
      problems.push({
        field: 'groups',
        message: `${names.length} loan group`,
        expected: 'two or more groups (a deal of one group leaves `groups` out)',
      });
    }
    let balance = 0;
    let count = 0;
    const seniorOf = new Map<string, string>();
    for (const [name, group] of Object.entries(groups)) {
      try {
        balance += dealDollars(group.cutoffBalance);
      } catch (error) {
        problems.push({
          field: `groups.${name}.cutoffBalance`,
          message: (error as Error).message,
          expected: 'a dollar amount',
        });
      }
      count += group.cutoffLoanCount;
      group.seniorClasses.forEach((className, i) => {
        const field = `groups.${name}.seniorClasses[${i}]`;
        const found = file.classes[className];
        if (!found) {
          problems.push({
            field,
            message: `unknown class "${className}"`,
            expected: `one of the deal's classes (${Object.keys(file.classes).join(', ')})`,
          });
        } else if (!INTEREST_BEARING_KINDS.includes(found.kind)) {
          problems.push({
            field,
            message: `class "${className}" is ${found.kind}`,
            expected: INTEREST_BEARING_KINDS.join(' or '),
          });
        }
        const other = seniorOf.get(className);
        if (other !== undefined) {
          problems.push({
            field,
            message: `class "${className}" is already a senior class of group ${other}`,
            expected: 'each senior class in one group',
          });
        }
        seniorOf.set(className, name);
      });
    }
    const cutoff = safeCents(file.collateral.cutoffBalance);
    if (cutoff !== undefined && balance !== cutoff) {
      problems.push({
        field: 'groups.*.cutoffBalance',
        message: `the groups' cut-off balances add up to ${(balance / 100).toFixed(2)}`,
        expected: `the cut-off pool balance ${(cutoff / 100).toFixed(2)}`,
      });
    }
    if (count !== file.collateral.cutoffLoanCount) {
      problems.push({
        field: 'groups.*.cutoffLoanCount',
        message: `the groups' loan counts add up to ${count}`,
        expected: `the cut-off loan count ${file.collateral.cutoffLoanCount}`,
      });
    }
  }
  for (const [phase, steps] of Object.entries(file.waterfall)) {
    steps.forEach((step, i) => {
      if (!('from' in step) || step.from === undefined) return;
      const field = `waterfall.${phase}[${i}].from`;
      if (names.length === 0) {
        problems.push({
          field,
          message: `the deal has no loan groups to draw "${step.from}" from`,
          expected: 'no `from`, or `groups` in the deal',
        });
      } else if (!names.includes(step.from)) {
        problems.push({
          field,
          message: `unknown loan group "${step.from}"`,
          expected: `one of the deal's groups (${names.join(', ')})`,
        });
      } else if (phase !== 'interest' && phase !== 'principal') {
        problems.push({
          field,
          message: `the ${phase} priority has one fund, not one per group`,
          expected: 'no `from` here',
        });
      }
    });
  }
  return problems;
}

function safeCents(value: number | string): Cents | undefined {
  try {
    return dealDollars(value);
  } catch {
    return undefined;
  }
}
