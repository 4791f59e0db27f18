import { allocate } from '../money/allocate.ts';
import { add, excess, min, sub, sum, ZERO, type Cents } from '../money/cents.ts';
import { workingClass, type Ledger } from './ledger.ts';
import type { CollectionPeriod } from './types.ts';

/**
 * Net prepayment interest shortfalls (not covered by compensating interest) and Relief Act
 * shortfalls reduce the excess interest first (CE's share); only what exceeds it reduces the
 * offered classes' interest, pro rata by accrued interest, as the statement's "Reduction from
 * the Allocation of" table shows.
 */
export function allocateInterestShortfalls(
  ledger: Ledger,
  period: CollectionPeriod,
  interestRemittance: Cents,
): void {
  const netPpis = excess(period.prepaymentInterestShortfall, period.compensatingInterest);
  const relief = period.reliefActShortfall;
  const shortfall = add(netPpis, relief);
  if (shortfall === 0) return;
  const classes = ledger.deal.interestShortfallClasses.map((name) => workingClass(ledger, name));
  const accrued = sum(classes, (c) => c.currentDue);
  const feesDue = sum([...ledger.fees.values()], (f) => f.due);
  // The excess interest that would have been there had the shortfall been collected.
  const excessCapacity = excess(add(interestRemittance, shortfall), add(accrued, feesDue));
  const toClasses = excess(shortfall, excessCapacity);
  if (toClasses === 0) {
    if (ledger.tracing) {
      ledger.note({
        phase: 'available',
        step: 'interestShortfalls',
        amount: shortfall,
        reason: 'net PPIS and Relief Act shortfalls absorbed by excess interest (CE)',
      });
    }
    return;
  }
  const shares = allocate(
    min(toClasses, accrued),
    classes.map((c) => c.currentDue),
  );
  classes.forEach((c, i) => {
    const share = shares[i] ?? ZERO;
    // Split each class's share between PPIS and Relief Act in proportion to the two.
    const [ppisPart = ZERO, reliefPart = ZERO] = allocate(share, [netPpis, relief]);
    c.prepaymentInterestShortfall = ppisPart;
    c.reliefActShortfall = reliefPart;
    c.currentDue = sub(c.currentDue, share);
    if (ledger.tracing) {
      ledger.note({
        phase: 'available',
        step: 'interestShortfalls',
        to: c.name,
        amount: share,
        reason:
          'share of net PPIS and Relief Act shortfalls beyond the excess interest, pro rata by accrued interest',
      });
    }
  });
}
