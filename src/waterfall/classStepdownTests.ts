import { bearsInterest } from '../deal/deal.ts';
import { workingClass, type Ledger } from './ledger.ts';

/** A class's own stepdown test of a date (`stepdownEnhancement` in the deal file). */
export interface ClassStepdownTest {
  readonly className: string;
  /** The classes junior to it and the OC, over the ending pool (balances before principal). */
  readonly enhancement: number;
  readonly threshold: number;
  readonly passed: boolean;
}

/**
 * The classes' own stepdown tests, on dates after the Stepdown Date with no Trigger Event: a
 * class with one is paid down to its target only while its Credit Enhancement Percentage is at
 * least its threshold; a class that fails is paid as before the Stepdown Date. The enhancement
 * counts, as the senior one does, every class junior to it and the OC, but not class P.
 */
export function classStepdownTests(ledger: Ledger): ClassStepdownTest[] {
  if (!ledger.targetsApply) return [];
  const deal = ledger.deal;
  const pool = ledger.endingPool;
  const p = deal.prepaymentChargeClass
    ? workingClass(ledger, deal.prepaymentChargeClass.name)
    : undefined;
  const tests: ClassStepdownTest[] = [];
  let throughThis = 0;
  for (const working of ledger.floating) {
    throughThis += working.balance;
    const definition = deal.classByName.get(working.name);
    if (!definition || !bearsInterest(definition) || definition.stepdownEnhancement === undefined)
      continue;
    const enhancement = pool > 0 ? (pool - throughThis - (p?.balance ?? 0)) / pool : 0;
    const threshold = definition.stepdownEnhancement;
    const passed = enhancement >= threshold;
    tests.push({ className: working.name, enhancement, threshold, passed });
    if (ledger.tracing) {
      ledger.note({
        phase: 'tests',
        step: `classStepdown:${working.name}`,
        reason: `${working.name}'s Credit Enhancement Percentage ${(enhancement * 100).toFixed(4)}% ${passed ? 'meets' : 'is below'} its stepdown test of ${(threshold * 100).toFixed(4)}%${passed ? '' : ': paid as before the Stepdown Date'}`,
        inputs: { enhancement, threshold, passed },
      });
    }
  }
  return tests;
}
