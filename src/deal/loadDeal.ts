import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import { readJsonDocument } from '../input/jsonDocument.ts';
import { schemaIssues } from '../input/schemaIssues.ts';
import { cents, scale } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import {
  bearsInterest,
  INTEREST_BEARING_KINDS,
  type CertificateClass,
  type Deal,
  type Fee,
  type InterestOnlyClass,
  type OvercollateralizationClass,
} from './deal.ts';
import { dealDollars } from './dealDollars.ts';
import { structureProblems } from './dealStructure.ts';
import { loanGroupProblems, loanGroups } from './loanGroups.ts';
import { uniformSteps } from './uniformSteps.ts';
import { upgradeDealFile } from './upgradeDealFile.ts';
import { dealSchema, type DealFile, type Step } from './schema.ts';

/** Names of classes a step refers to, with the path of each reference. */
function stepClassReferences(step: Step): string[] {
  switch (step.kind) {
    case 'interest':
    case 'principal':
    case 'realizedLossReimbursement':
    case 'netWacCarryover':
    case 'reserveFundDraw':
      return step.classes ?? [];
    case 'remainder':
      return [step.class];
    case 'fee':
    case 'extraPrincipal':
    case 'netSwapPayment':
    case 'swapTerminationPayment':
    case 'expenseReimbursement':
    case 'reserveFundDeposit':
      return [];
  }
}

/** Checks that go beyond the schema: every name used is defined, balances add up. */
function semanticProblems(file: DealFile): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const classNames = new Set(Object.keys(file.classes));
  const needClass = (name: string, field: string, kinds?: readonly string[]): void => {
    const found = file.classes[name];
    if (!found) {
      problems.push({
        field,
        message: `unknown class "${name}"`,
        expected: `one of the deal's classes (${[...classNames].join(', ')})`,
      });
    } else if (kinds && !kinds.includes(found.kind)) {
      problems.push({
        field,
        message: `class "${name}" is ${found.kind}`,
        expected: kinds.join(' or '),
      });
    }
  };
  for (const phase of ['interest', 'principal', 'excess', 'supplemental'] as const) {
    (file.waterfall[phase] ?? []).forEach((step, index) => {
      const field = `waterfall.${phase}[${index}]`;
      if (step.kind === 'fee' && !file.fees[step.fee]) {
        problems.push({
          field: `${field}.fee`,
          message: `unknown fee "${step.fee}"`,
          expected: `one of ${Object.keys(file.fees).join(', ')}`,
        });
      }
      // Interest and carryover steps pay classes that bear interest (an IO class too);
      // principal and reimbursements only classes with a balance.
      const kinds =
        step.kind === 'interest' ||
        step.kind === 'netWacCarryover' ||
        (step.kind === 'reserveFundDraw' && (step.covers ?? 'interest') === 'interest')
          ? [...INTEREST_BEARING_KINDS, 'interestOnly']
          : step.kind === 'realizedLossReimbursement' || step.kind === 'reserveFundDraw'
            ? INTEREST_BEARING_KINDS
            : step.kind === 'principal'
              ? [...INTEREST_BEARING_KINDS, 'prepaymentCharges']
              : undefined;
      if (step.kind === 'principal' && typeof step.allocation === 'object') {
        const lockout = step.allocation.nas.class;
        if (!step.classes.includes(lockout)) {
          problems.push({
            field: `${field}.allocation.nas.class`,
            message: `the NAS class "${lockout}" is not one of the step's classes`,
            expected: `one of ${step.classes.join(', ')}`,
          });
        }
      }
      for (const name of stepClassReferences(step)) {
        needClass(name, `${field}.classes`, kinds);
      }
    });
  }
  file.lossAllocation.forEach((name, i) =>
    needClass(name, `lossAllocation[${i}]`, INTEREST_BEARING_KINDS),
  );
  file.interestShortfallClasses.forEach((name, i) =>
    needClass(name, `interestShortfallClasses[${i}]`, INTEREST_BEARING_KINDS),
  );
  file.netWacCap.netOfFees.forEach((name, i) => {
    const netted = file.fees[name];
    if (netted && !('rate' in netted)) {
      problems.push({
        field: `netWacCap.netOfFees[${i}]`,
        message: `the fee "${name}" is not a rate`,
        expected: 'a fee with a rate (a fixed amount has no rate to net from the loans)',
      });
    }
    if (!file.fees[name])
      problems.push({
        field: `netWacCap.netOfFees[${i}]`,
        message: `unknown fee "${name}"`,
        expected: `one of ${Object.keys(file.fees).join(', ')}`,
      });
  });
  seniorClasses(file.stepdown).forEach((name, i) =>
    needClass(
      name,
      Array.isArray(file.stepdown.seniorClass)
        ? `stepdown.seniorClass[${i}]`
        : 'stepdown.seniorClass',
      INTEREST_BEARING_KINDS,
    ),
  );
  const kinds = Object.values(file.classes).map((c) => c.kind);
  if (kinds.filter((k) => k === 'overcollateralization').length !== 1) {
    problems.push({
      field: 'classes',
      message: 'the deal needs exactly one overcollateralization class',
      expected: 'one class of kind "overcollateralization"',
    });
  }
  if (
    kinds.filter((k) => k === 'prepaymentCharges').length > 1 ||
    kinds.filter((k) => k === 'residual').length > 1
  ) {
    problems.push({
      field: 'classes',
      message: 'at most one prepaymentCharges and one residual class',
      expected: 'one of each at most',
    });
  }
  // An interest-only class's notional follows classes that bear interest.
  for (const [name, c] of Object.entries(file.classes)) {
    if (c.kind === 'interestOnly' && 'classes' in c.notional) {
      c.notional.classes.forEach((ref, i) =>
        needClass(ref, `classes.${name}.notional.classes[${i}]`, INTEREST_BEARING_KINDS),
      );
    }
  }
  // The seniority names each floating class once, and nothing else.
  const floatingNames = Object.entries(file.classes)
    .filter(([, c]) => bearsInterest(c))
    .map(([name]) => name);
  file.seniority.forEach((name, i) => {
    needClass(name, `seniority[${i}]`, INTEREST_BEARING_KINDS);
    if (file.seniority.indexOf(name) !== i) {
      problems.push({
        field: `seniority[${i}]`,
        message: `class "${name}" is listed twice`,
        expected: 'each class once',
      });
    }
  });
  for (const name of floatingNames) {
    if (!file.seniority.includes(name)) {
      problems.push({
        field: 'seniority',
        message: `class "${name}" has no place in the seniority`,
        expected: `every floating and fixed class (${floatingNames.join(', ')}), most senior first`,
      });
    }
  }
  // Balances: the classes at closing add up to the cut-off pool (the CE balance is the OC).
  try {
    const total = Object.values(file.classes).reduce(
      (acc, c) => acc + ('originalBalance' in c ? dealDollars(c.originalBalance) : 0),
      0,
    );
    const cutoff = dealDollars(file.collateral.cutoffBalance);
    if (total !== cutoff) {
      problems.push({
        field: 'classes.*.originalBalance',
        message: `class balances add up to ${(total / 100).toFixed(2)}`,
        expected: `the cut-off pool balance ${(cutoff / 100).toFixed(2)}`,
      });
    }
  } catch (error) {
    problems.push({
      field: 'classes.*.originalBalance',
      message: (error as Error).message,
      expected: 'dollar amounts',
    });
  }
  let previousTarget = 0;
  for (const name of file.seniority) {
    const c = file.classes[name];
    if (!c || !bearsInterest(c)) continue;
    if (c.principalTarget < previousTarget) {
      problems.push({
        field: `classes.${name}.principalTarget`,
        message: 'targets must not decrease from senior to junior',
        expected: `at least ${previousTarget}`,
      });
    }
    previousTarget = c.principalTarget;
  }
  file.assumptions.forEach((assumption, i) => {
    if (!hasPath(file, assumption.path)) {
      problems.push({
        field: `assumptions[${i}].path`,
        message: `"${assumption.path}" names no term of the deal`,
        expected: 'a dotted path into the deal file',
      });
    }
  });
  return problems;
}

function hasPath(root: unknown, path: string): boolean {
  let current: unknown = root;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Validates a deal (parsed JSON) and returns it with money in cents. Every problem is reported
 * at once, each with the file and the path in it.
 */
export function loadDeal(given: unknown, fileName = '<deal>'): Deal {
  const json = upgradeDealFile(given, fileName);
  const parsed = dealSchema.safeParse(json);
  if (!parsed.success) {
    const details = schemaIssues(dealSchema, json, parsed.error.issues, fileName);
    throw new TrusteeError('INVALID_DEAL', `${fileName}: the deal file is not valid`, details);
  }
  const file = parsed.data;
  const problems = [
    ...semanticProblems(file),
    ...loanGroupProblems(file),
    ...structureProblems(file),
  ];
  if (problems.length > 0) {
    const unknownClass = problems.every((p) => p.message.startsWith('unknown class'));
    throw new TrusteeError(
      unknownClass ? 'UNKNOWN_CLASS' : 'INVALID_DEAL',
      `${fileName}: the deal file is not valid`,
      problems.map((p) => ({ ...p, file: fileName })),
    );
  }
  const classes: CertificateClass[] = statementOrder(file).map(([name, c]) => {
    switch (c.kind) {
      case 'floating':
      case 'fixed':
        return { ...c, name, originalBalance: dealDollars(c.originalBalance) };
      case 'interestOnly':
        return {
          name,
          kind: c.kind,
          cusip: c.cusip,
          originalBalance: dealDollars(c.originalNotional),
          coupon: c.coupon,
          dayCount: c.dayCount,
          netWacCapped: c.netWacCapped,
          notional:
            'schedule' in c.notional
              ? {
                  schedule: c.notional.schedule.map((e) => ({
                    fromDistribution: e.fromDistribution,
                    amount: dealDollars(e.amount),
                  })),
                  atMostPool: c.notional.atMostPool ?? false,
                }
              : { classes: c.notional.classes },
        };
      case 'overcollateralization':
      case 'prepaymentCharges':
        return {
          name,
          kind: c.kind,
          cusip: c.cusip,
          originalBalance: dealDollars(c.originalBalance),
        };
      case 'residual':
        return { name, kind: c.kind, cusip: c.cusip, originalBalance: cents(0) };
    }
  });
  const cutoffBalance = dealDollars(file.collateral.cutoffBalance);
  const fees = Object.entries(file.fees).map(([name, f]): Fee => {
    const common = { name, payee: f.payee, servicerCompensation: f.servicerCompensation ?? false };
    if ('rate' in f) return { ...common, kind: 'rate', rate: f.rate, dayCount: f.dayCount };
    if ('monthly' in f) return { ...common, kind: 'monthly', amount: dealDollars(f.monthly) };
    return {
      ...common,
      kind: 'once',
      distribution: f.once.distribution,
      amount: dealDollars(f.once.amount),
    };
  });
  const groups = loanGroups(file);
  return {
    id: file.id,
    file,
    name: file.name,
    cutoffDate: plainDate(file.dates.cutoff),
    closingDate: plainDate(file.dates.closing),
    firstDistributionDate: plainDate(file.dates.firstDistribution),
    distributionDay: file.dates.distributionDay,
    cutoffBalance,
    cutoffLoanCount: file.collateral.cutoffLoanCount,
    groups,
    seniorGroup: new Map(
      groups.flatMap((group, index) => group.seniorClasses.map((name) => [name, index] as const)),
    ),
    classes,
    classByName: new Map(classes.map((c) => [c.name, c])),
    interestBearingClasses: classes.filter(bearsInterest),
    interestOnlyClasses: classes.filter((c): c is InterestOnlyClass => c.kind === 'interestOnly'),
    overcollateralizationClass: classes.find(
      (c): c is OvercollateralizationClass => c.kind === 'overcollateralization',
    )!,
    prepaymentChargeClass: classes.find(
      (c) => c.kind === 'prepaymentCharges',
    ) as Deal['prepaymentChargeClass'],
    residualClass: classes.find((c) => c.kind === 'residual') as Deal['residualClass'],
    fees,
    overcollateralization: {
      initialTarget: dealDollars(file.overcollateralization.initialTarget),
      stepdownTarget: file.overcollateralization.stepdownTarget,
      floor: scale(cutoffBalance, file.overcollateralization.floor),
    },
    stepdown: { ...file.stepdown, seniorClasses: seniorClasses(file.stepdown) },
    triggers: file.triggers,
    triggerEvent: file.triggerEvent ?? 'any',
    netWacFeeRate: file.netWacCap.netOfFees.reduce((acc, name) => {
      const fee = file.fees[name];
      return acc + (fee && 'rate' in fee ? fee.rate : 0);
    }, 0),
    cleanUpCallBalance: scale(cutoffBalance, file.cleanUpCall.poolFraction),
    lossAllocation: file.lossAllocation,
    interestShortfallClasses: file.interestShortfallClasses,
    waterfall: uniformSteps(file.waterfall),
    reserveFund: file.reserveFund
      ? {
          target:
            'amount' in file.reserveFund.target
              ? { amount: dealDollars(file.reserveFund.target.amount) }
              : { poolFraction: file.reserveFund.target.poolFraction },
          initialDeposit: dealDollars(file.reserveFund.initialDeposit ?? 0),
        }
      : undefined,
    extraordinaryExpenseCap: file.extraordinaryExpenseCap
      ? dealDollars(file.extraordinaryExpenseCap.annualAmount)
      : undefined,
    swap: file.supplementalInterestTrust?.swap
      ? {
          ...file.supplementalInterestTrust.swap,
          notional: schedule(file.supplementalInterestTrust.swap.notional),
          termination: file.supplementalInterestTrust.swap.termination && {
            ...file.supplementalInterestTrust.swap.termination,
            amount: dealDollars(file.supplementalInterestTrust.swap.termination.amount),
          },
        }
      : undefined,
    cap: file.supplementalInterestTrust?.cap
      ? {
          ...file.supplementalInterestTrust.cap,
          notional: schedule(file.supplementalInterestTrust.cap.notional),
        }
      : undefined,
    index: file.index,
  };
}

/**
 * The classes in the statement's order: the seniority, then CE, P and R (each kind in the
 * order of the file). Not the file's key order: the store keeps a deal's JSON with sorted keys.
 */
function statementOrder(file: DealFile): [string, DealFile['classes'][string]][] {
  const kinds = ['overcollateralization', 'prepaymentCharges', 'residual'];
  const rest = Object.entries(file.classes)
    .filter(([name]) => !file.seniority.includes(name))
    .sort(([, a], [, b]) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  return [
    ...file.seniority.map(
      (name) => [name, file.classes[name]!] as [string, DealFile['classes'][string]],
    ),
    ...rest,
  ];
}

/** A notional schedule with its amounts in cents. */
function schedule(entries: readonly { fromDistribution: number; amount: number | string }[]) {
  return entries.map((e) => ({
    fromDistribution: e.fromDistribution,
    amount: dealDollars(e.amount),
  }));
}

/** The senior class or classes of the stepdown test, as a list. */
function seniorClasses(stepdown: DealFile['stepdown']): string[] {
  return typeof stepdown.seniorClass === 'string' ? [stepdown.seniorClass] : stepdown.seniorClass;
}

/** Reads and validates a deal file from disk; JSON errors name the file. */
export function loadDealFile(path: string): Deal {
  return loadDeal(readJsonDocument(path, { code: 'INVALID_DEAL', what: 'deal file' }), path);
}
