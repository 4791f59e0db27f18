import type { Deal } from '../deal/deal.ts';
import { ZERO, type Cents } from '../money/cents.ts';
import type { ClassInterest } from './classInterest.ts';
import type { DealState, TraceEntry } from './types.ts';

/** One class's running figures while a distribution date is worked out. */
export interface WorkingClass {
  readonly name: string;
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
  readonly classes: Map<string, WorkingClass>;
  readonly fees: Map<string, { due: Cents; paid: Cents }>;
  readonly trace: TraceEntry[];
  /** Floating classes senior first, and every class that carries principal (floating and P). */
  readonly floating: readonly WorkingClass[];
  readonly certificates: readonly WorkingClass[];
  /** Adds a trace entry (built only when the run is traced). */
  note(make: () => TraceEntry): void;
  /** Whether the run is traced (hot paths skip building entries when not). */
  readonly tracing: boolean;
  /** Principal after the Stepdown Date with no Trigger Event pays down to targets. */
  readonly targetsApply: boolean;
  readonly endingPool: Cents;
  /** Overcollateralization deficiency the Extra Principal Distribution Amount may cover. */
  deficiency: Cents;
  extraPrincipalPaid: Cents;
}

export function newLedger(
  deal: Deal,
  state: DealState,
  interest: ReadonlyMap<string, ClassInterest>,
  fees: ReadonlyMap<string, Cents>,
  targetsApply: boolean,
  endingPool: Cents,
  tracing = true,
): Ledger {
  const classes = new Map<string, WorkingClass>();
  for (const c of deal.classes) {
    const before = state.classes[c.name];
    const classInterest = interest.get(c.name);
    classes.set(c.name, {
      name: c.name,
      balance: before?.balance ?? ZERO,
      interest: classInterest,
      currentDue: classInterest?.accrued ?? ZERO,
      currentPaid: ZERO,
      carryForwardPaid: ZERO,
      principalPaid: ZERO,
      netWacCarryoverPaid: ZERO,
      unpaidRealizedLoss: before?.unpaidRealizedLoss ?? ZERO,
      realizedLossReimbursed: ZERO,
      realizedLoss: ZERO,
      otherPaid: ZERO,
      prepaymentInterestShortfall: ZERO,
      reliefActShortfall: ZERO,
    });
  }
  const trace: TraceEntry[] = [];
  const pick = (kinds: readonly string[]): WorkingClass[] =>
    deal.classes.filter((c) => kinds.includes(c.kind)).map((c) => classes.get(c.name)!);
  return {
    deal,
    classes,
    floating: pick(['floating']),
    certificates: pick(['floating', 'prepaymentCharges']),
    fees: new Map([...fees].map(([name, due]) => [name, { due, paid: ZERO }])),
    trace,
    note: tracing ? (make) => void trace.push(make()) : () => undefined,
    tracing,
    targetsApply,
    endingPool,
    deficiency: ZERO,
    extraPrincipalPaid: ZERO,
  };
}

export function workingClass(ledger: Ledger, name: string): WorkingClass {
  const found = ledger.classes.get(name);
  // The deal was validated: every name a step uses is a class of the deal.
  if (!found) throw new Error(`internal: class ${name} missing from the ledger`);
  return found;
}

/** Certificates that carry principal: floating classes and P (CE's balance is the OC). */
export function certificateBalance(ledger: Ledger): Cents {
  let total = 0;
  for (const c of ledger.certificates) total += c.balance;
  return total as Cents;
}
