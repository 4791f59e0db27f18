import type { ErrorDetail } from '../errors/catalogue.ts';
import type { DealFile, Step } from './schema.ts';

const PRIORITIES = ['interest', 'principal', 'excess'] as const;
type Priority = (typeof PRIORITIES)[number];

/** What each kind of class must be paid by some step, for the deal to pay it at all. */
const INTEREST_BEARING_NEEDS = [
  { kind: 'interest', what: 'its current interest', current: true },
  { kind: 'principal', what: 'its principal' },
] as const;
const NEEDS: Record<string, readonly { kind: Step['kind']; what: string; current?: true }[]> = {
  floating: INTEREST_BEARING_NEEDS,
  fixed: INTEREST_BEARING_NEEDS,
  interestOnly: [{ kind: 'interest', what: 'its current interest', current: true }],
  overcollateralization: [{ kind: 'remainder', what: 'the remaining excess cashflow' }],
  prepaymentCharges: [{ kind: 'principal', what: 'its principal balance' }],
  residual: [{ kind: 'remainder', what: 'what is left' }],
};

/**
 * The deal's priorities of payment as a structure that can pay: no priority empty (a deal with
 * `"interest": []` pays no fee and no class interest, CE takes it all), the excess cashflow
 * (which the interest and principal remaining flow into) ends in a remainder step, every fee is
 * paid by a fee step, every class is paid by the steps its kind needs (a floating or fixed class its
 * current interest and its principal; CE and R a remainder; P its balance). Each problem names
 * its path; the loader lists them with the schema's other problems, all at once.
 */
/**
 * A reserve fund draw names what it covers and what that needs: interest, its classes and the
 * part; realized losses, its classes; the OC deficiency, neither.
 */
function reserveDrawProblems(file: DealFile): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const p of PRIORITIES) {
    file.waterfall[p].forEach((step, i) => {
      if (step.kind !== 'reserveFundDraw') return;
      const covers = step.covers ?? 'interest';
      const field = `waterfall.${p}[${i}]`;
      const wantsClasses = covers !== 'overcollateralizationDeficiency';
      if (wantsClasses !== (step.classes !== undefined)) {
        problems.push({
          field: `${field}.classes`,
          message: wantsClasses
            ? `a draw for ${covers} names no classes`
            : 'classes on a draw for the OC deficiency',
          expected: wantsClasses
            ? 'the classes it pays'
            : 'no classes (it pays as the principal steps do)',
        });
      }
      if ((covers === 'interest') !== (step.part !== undefined)) {
        problems.push({
          field: `${field}.part`,
          message:
            covers === 'interest'
              ? 'a draw for interest names no part'
              : `a part on a draw for ${covers}`,
          expected: covers === 'interest' ? '"current", "unpaid" or "currentAndUnpaid"' : 'no part',
        });
      }
    });
  }
  return problems;
}

/** An expense cap needs a step reimbursing what is above it, and such a step needs a cap. */
function expenseCapProblems(file: DealFile): ErrorDetail[] {
  const reimburses = PRIORITIES.some((p) =>
    file.waterfall[p].some((s) => s.kind === 'expenseReimbursement'),
  );
  if (file.extraordinaryExpenseCap !== undefined && !reimburses) {
    return [
      {
        field: 'waterfall.excess',
        message: 'the expenses above the annual cap are never reimbursed',
        expected: 'a { "kind": "expenseReimbursement" } step, usually in the excess priority',
      },
    ];
  }
  if (file.extraordinaryExpenseCap === undefined && reimburses) {
    return [
      {
        field: 'extraordinaryExpenseCap',
        message: 'an expenseReimbursement step, but the deal caps no expenses',
        expected: '{ "annualAmount": ... }, or no expenseReimbursement step',
      },
    ];
  }
  return [];
}

export function structureProblems(file: DealFile): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const priority of PRIORITIES) {
    if (file.waterfall[priority].length === 0) {
      problems.push({
        field: `waterfall.${priority}`,
        message: `the ${priority} priority of payment has no step`,
        expected: `at least one step (${expectedSteps[priority]})`,
      });
    }
  }
  const excess = file.waterfall.excess;
  if (excess.length > 0 && !reachesRemainder(excess)) {
    problems.push({
      field: 'waterfall.excess',
      message: 'the excess cashflow never reaches a remainder step: what is left has no payee',
      expected: 'a { "kind": "remainder", "class": ... } step with no condition (e.g. CE, then R)',
    });
  }
  problems.push(
    ...supplementalProblems(file),
    ...expenseCapProblems(file),
    ...reserveDrawProblems(file),
  );
  const steps = [
    ...PRIORITIES.flatMap((p) => file.waterfall[p]),
    ...(file.waterfall.supplemental ?? []),
  ];
  const reserveSteps = steps.filter(
    (step) => step.kind === 'reserveFundDeposit' || step.kind === 'reserveFundDraw',
  );
  if (reserveSteps.length > 0 && !file.reserveFund) {
    problems.push({
      field: 'reserveFund',
      message: 'reserve fund steps, but the deal has no reserve fund',
      expected: 'a reserveFund with its target',
    });
  }
  if (file.reserveFund && !reserveSteps.some((step) => step.kind === 'reserveFundDeposit')) {
    problems.push({
      field: 'reserveFund',
      message: 'no step deposits into the reserve fund',
      expected: 'a { "kind": "reserveFundDeposit" } step (in the excess priority)',
    });
  }
  for (const fee of Object.keys(file.fees)) {
    if (!steps.some((step) => step.kind === 'fee' && step.fee === fee)) {
      problems.push({
        field: `fees.${fee}`,
        message: `no step pays the fee "${fee}"`,
        expected: `a { "kind": "fee", "fee": "${fee}" } step`,
      });
    }
  }
  for (const [name, c] of Object.entries(file.classes)) {
    for (const need of NEEDS[c.kind] ?? []) {
      const paid = steps.some(
        (step) =>
          step.kind === need.kind &&
          classesOf(step).includes(name) &&
          (!need.current || (step.kind === 'interest' && step.part !== 'unpaid')),
      );
      if (!paid) {
        problems.push({
          field: `classes.${name}`,
          message: `no step pays class ${name} ${need.what}`,
          expected: `a "${need.kind}" step naming "${name}"`,
        });
      }
    }
  }
  return problems;
}

const expectedSteps: Record<Priority, string> = {
  interest: 'the fees and each class interest',
  principal: 'principal to the classes',
  excess: 'ending in a remainder step',
};

function classesOf(step: Step): readonly string[] {
  if ('classes' in step) return step.classes ?? [];
  if (step.kind === 'remainder') return [step.class];
  return [];
}

/**
 * The supplemental interest trust's structure: its receipts (swap, cap) have a priority that
 * ends in a remainder, a priority of receipts needs an agreement to receive from, and a Net
 * Swap Payment step needs a swap.
 */
function supplementalProblems(file: DealFile): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const trust = file.supplementalInterestTrust;
  const receives = trust?.swap !== undefined || trust?.cap !== undefined;
  const supplemental = file.waterfall.supplemental;
  if (receives && !reachesRemainder(supplemental ?? [])) {
    problems.push({
      field: 'waterfall.supplemental',
      message: 'the swap and cap receipts never reach a remainder step: what is left has no payee',
      expected: 'a supplemental priority ending in a { "kind": "remainder", "class": ... } step',
    });
  }
  if (!receives && supplemental !== undefined) {
    problems.push({
      field: 'waterfall.supplemental',
      message: 'a priority of swap and cap receipts, but the deal has neither',
      expected: 'supplementalInterestTrust.swap or .cap, or no supplemental priority',
    });
  }
  const paysSwap = PRIORITIES.some((p) =>
    file.waterfall[p].some((s) => s.kind === 'netSwapPayment'),
  );
  if (paysSwap && trust?.swap === undefined) {
    problems.push({
      field: 'supplementalInterestTrust.swap',
      message: 'a netSwapPayment step, but the deal has no swap',
      expected: 'a swap agreement',
    });
  }
  // A termination payment the trust owes needs a step of its cause to pay it.
  const termination = trust?.swap?.termination;
  const paysTermination = (cause: string): boolean =>
    PRIORITIES.some((p) =>
      file.waterfall[p].some((s) => s.kind === 'swapTerminationPayment' && s.causedBy === cause),
    );
  if (termination?.owedBy === 'trust' && !paysTermination(termination.causedBy)) {
    problems.push({
      field: 'supplementalInterestTrust.swap.termination',
      message: `the trust owes a termination payment caused by the ${termination.causedBy}, but no step pays it`,
      expected: `a { "kind": "swapTerminationPayment", "causedBy": "${termination.causedBy}" } step`,
    });
  }
  if (
    trust?.swap === undefined &&
    PRIORITIES.some((p) => file.waterfall[p].some((s) => s.kind === 'swapTerminationPayment'))
  ) {
    problems.push({
      field: 'supplementalInterestTrust.swap',
      message: 'a swapTerminationPayment step, but the deal has no swap',
      expected: 'a swap agreement',
    });
  }
  if (trust?.swap !== undefined && !paysSwap) {
    problems.push({
      field: 'waterfall.interest',
      message: 'no step pays the Net Swap Payment the trust may owe',
      expected: 'a { "kind": "netSwapPayment" } step, usually first in the interest priority',
    });
  }
  return problems;
}

/** Whether a priority ends what it has in a remainder step that always applies. */
function reachesRemainder(steps: readonly Step[]): boolean {
  return steps.some((step) => step.kind === 'remainder' && !step.when);
}
