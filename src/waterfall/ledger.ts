import { bearsInterest, type CertificateClass, type Deal } from '../deal/deal.ts';
import { ZERO, type Cents } from '../money/cents.ts';
import type { ClassInterest } from './monthlyInterestDistributableAmount.ts';
import type { DealState, TraceEntry } from './types.ts';

/** One class's running figures while a distribution date is worked out. */
export interface WorkingClass {
  readonly name: string;
  /** The class's terms, and the index of its group for a group's senior class. */
  readonly definition: CertificateClass;
  readonly seniorGroup: number | undefined;
  balance: Cents;
  interest: ClassInterest | undefined;
  /** Current interest due after allocated shortfalls. */
  currentDue: Cents;
  currentPaid: Cents;
  carryForwardPaid: Cents;
  principalPaid: Cents;
  netWacCarryoverPaid: Cents;
  unpaidRealizedLoss: Cents;
  realizedLossReimbursed: Cents;
  realizedLoss: Cents;
  /** For CE, R: the remainder; for P: prepayment charges. */
  otherPaid: Cents;
  prepaymentInterestShortfall: Cents;
  reliefActShortfall: Cents;
}

/**
 * The working ledger of one distribution date. It is created, changed and dropped inside
 * `distribute`, which stays a pure function: nothing outside sees it change.
 */
export interface Ledger {
  readonly deal: Deal;
  /** Each class's working figures, in the deal's order of classes (`workingClass` finds one). */
  readonly classes: readonly WorkingClass[];
  /** Where each class is in `classes`, by name (the deal's, made once). */
  readonly classIndex: ReadonlyMap<string, number>;
  readonly fees: Map<string, { due: Cents; paid: Cents }>;
  readonly trace: TraceEntry[];
  /**
   * The interest-bearing (floating and fixed) classes in the order of seniority, and every class
   * that carries principal (those and P).
   */
  readonly floating: readonly WorkingClass[];
  readonly certificates: readonly WorkingClass[];
  /** Adds a trace entry. Callers build entries only `if (ledger.tracing)`. */
  note(entry: TraceEntry): void;
  /** Whether the run is traced: projections run untraced and build no entries or reasons. */
  readonly tracing: boolean;
  /** Principal after the Stepdown Date with no Trigger Event pays down to targets. */
  readonly targetsApply: boolean;
  readonly endingPool: Cents;
  /** The date's tests, which steps' conditions (`when`) read. */
  readonly tests: DateTests;
  /** Overcollateralization deficiency the Extra Principal Distribution Amount may cover. */
  deficiency: Cents;
  extraPrincipalPaid: Cents;
  /** The reserve fund's balance as steps deposit into and draw from it (deals with one). */
  reserveFund: { balance: Cents; deposited: Cents; drawn: Cents; released: Cents } | undefined;
  /** The Net Swap Payment the trust owes this date, and what was paid of it. */
  netSwapPaymentDue: Cents;
  netSwapPaymentPaid: Cents;
  /** Expenses above the annual cap owed this date, and what the excess cashflow paid. */
  expensesAboveCap: Cents;
  expensesReimbursedFromExcess: Cents;
  /** The swap termination payment the trust owes this date, and what was paid of it. */
  swapTerminationDue: Cents;
  swapTerminationPaid: Cents;
  /**
   * Deals with loan groups: each group's Principal Remittance Amount (the weights principal
   * from the excess cashflow is split by), and after the Stepdown Date each group's part of the
   * Senior Principal Distribution Amount not yet paid; undefined for a pool of one group.
   */
  groupPrincipalShares: readonly Cents[] | undefined;
  seniorPrincipalBudget: Cents[] | undefined;
  /** The classes that failed their own stepdown test this date (paid as before the Stepdown Date). */
  classStepdownFailed: ReadonlySet<string> | undefined;
  /** Deals with loan groups: each fee's part by group, each paid from its group's fund. */
  feeParts: ReadonlyMap<string, { due: Cents; paid: Cents }[]> | undefined;
  /** Deals with loan groups: the Net Swap Payment's part by group (by beginning balance). */
  netSwapPaymentParts: { due: Cents; paid: Cents }[] | undefined;
}

/**
 * A class's working figures, made by a constructor rather than an object literal: V8 copies a
 * literal from a boilerplate whose map it does not update, so once a field such as
 * `realizedLoss` widens from small integers to doubles every new ledger's objects were migrated
 * on their first write (258,140 migrations in 200 projected scenarios; a grid's `distribute`
 * went from about 20 to 8 us a month without them). A constructor's objects take the updated
 * map.
 */
class WorkingFigures implements WorkingClass {
  readonly name: string = '';
  readonly definition: CertificateClass;
  readonly seniorGroup: number | undefined;
  balance: Cents = ZERO;
  interest: ClassInterest | undefined = undefined;
  currentDue: Cents = ZERO;
  currentPaid: Cents = ZERO;
  carryForwardPaid: Cents = ZERO;
  principalPaid: Cents = ZERO;
  netWacCarryoverPaid: Cents = ZERO;
  unpaidRealizedLoss: Cents = ZERO;
  realizedLossReimbursed: Cents = ZERO;
  realizedLoss: Cents = ZERO;
  otherPaid: Cents = ZERO;
  prepaymentInterestShortfall: Cents = ZERO;
  reliefActShortfall: Cents = ZERO;

  constructor(
    definition: CertificateClass,
    seniorGroup: number | undefined,
    balance: Cents,
    interest: ClassInterest | undefined,
    unpaidRealizedLoss: Cents,
  ) {
    this.name = definition.name;
    this.definition = definition;
    this.seniorGroup = seniorGroup;
    this.balance = balance;
    this.interest = interest;
    this.currentDue = interest?.accrued ?? ZERO;
    this.unpaidRealizedLoss = unpaidRealizedLoss;
  }
}

/** What a distribution date's tests decided, before anything is paid. */
export interface DateTests {
  readonly distributionNumber: number;
  readonly triggerEvent: boolean;
  readonly stepdownDate: boolean;
  /** The clean-up call is exercised this date. */
  readonly terminated: boolean;
}

export function newLedger(
  deal: Deal,
  state: DealState,
  interest: readonly (ClassInterest | undefined)[],
  fees: ReadonlyMap<string, Cents>,
  tests: DateTests,
  endingPool: Cents,
  tracing = true,
): Ledger {
  const layout = ledgerLayout(deal);
  const classes: WorkingClass[] = [];
  for (let k = 0; k < deal.classes.length; k++) {
    const c = deal.classes[k]!;
    const before = state.classes[c.name];
    classes.push(
      new WorkingFigures(
        c,
        layout.seniorGroup[k],
        before?.balance ?? ZERO,
        interest[k],
        before?.unpaidRealizedLoss ?? ZERO,
      ),
    );
  }
  const trace: TraceEntry[] = [];
  const floating = layout.floating.map((k) => classes[k]!);
  const certificates = layout.certificates.map((k) => classes[k]!);
  const feeLedger = new Map<string, { due: Cents; paid: Cents }>();
  fees.forEach((due, name) => feeLedger.set(name, { due, paid: ZERO }));
  return {
    deal,
    classes,
    classIndex: layout.classIndex,
    floating,
    certificates,
    fees: feeLedger,
    trace,
    note: (entry) => void trace.push(entry),
    tracing,
    targetsApply: tests.stepdownDate && !tests.triggerEvent && !tests.terminated,
    endingPool,
    tests,
    deficiency: ZERO,
    extraPrincipalPaid: ZERO,
    reserveFund: deal.reserveFund
      ? {
          balance: state.reserveFundBalance ?? ZERO,
          deposited: ZERO,
          drawn: ZERO,
          released: ZERO,
        }
      : undefined,
    netSwapPaymentDue: ZERO,
    netSwapPaymentPaid: ZERO,
    expensesAboveCap: ZERO,
    expensesReimbursedFromExcess: ZERO,
    swapTerminationDue: ZERO,
    swapTerminationPaid: ZERO,
    groupPrincipalShares: undefined,
    seniorPrincipalBudget: undefined,
    classStepdownFailed: undefined,
    feeParts: undefined,
    netSwapPaymentParts: undefined,
  };
}

export function workingClass(ledger: Ledger, name: string): WorkingClass {
  const found = ledger.classes[ledger.classIndex.get(name) ?? -1];
  // The deal was validated: every name a step uses is a class of the deal.
  if (!found) throw new Error(`internal: class ${name} missing from the ledger`);
  return found;
}

/**
 * Where a deal's classes stand in a ledger: each by name, the interest-bearing classes (in the
 * order of seniority) and the certificates that carry principal. Made once a deal: every
 * distribution date's ledger (millions in a grid) has the same layout.
 */
interface LedgerLayout {
  readonly classIndex: ReadonlyMap<string, number>;
  readonly floating: readonly number[];
  readonly certificates: readonly number[];
  /** Each class's group, for a group's senior class (`Deal.seniorGroup`). */
  readonly seniorGroup: readonly (number | undefined)[];
}

const layouts = new WeakMap<Deal, LedgerLayout>();

function ledgerLayout(deal: Deal): LedgerLayout {
  let layout = layouts.get(deal);
  if (!layout) {
    const floating: number[] = [];
    const certificates: number[] = [];
    deal.classes.forEach((c, k) => {
      if (bearsInterest(c)) floating.push(k);
      if (bearsInterest(c) || c.kind === 'prepaymentCharges') certificates.push(k);
    });
    layout = {
      classIndex: new Map(deal.classes.map((c, k) => [c.name, k])),
      floating,
      certificates,
      seniorGroup: deal.classes.map((c) => deal.seniorGroup.get(c.name)),
    };
    layouts.set(deal, layout);
  }
  return layout;
}

/** Certificates that carry principal: floating classes and P (CE's balance is the OC). */
export function certificateBalance(ledger: Ledger): Cents {
  let total = 0;
  for (const c of ledger.certificates) total += c.balance;
  return total as Cents;
}
