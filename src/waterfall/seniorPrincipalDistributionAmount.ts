import { bearsInterest } from '../deal/deal.ts';
import { allocate } from '../money/allocate.ts';
import { cents, excess, min, scale, type Cents } from '../money/cents.ts';
import { workingClass, type Ledger } from './ledger.ts';

/**
 * Senior Principal Distribution Amount, in a deal with loan groups after the Stepdown Date with
 * no Trigger Event: the senior classes' balance before principal less the lesser of their
 * target share of the ending pool and the pool less the OC floor, split between the groups by
 * their shares of the Principal Remittance Amount (by their ending pools when no principal was
 * remitted). A group's part is the most its funds pay any group's senior classes: its own first,
 * then, once they are retired, the other groups' (STRUCTURES.md section 1).
 */
export function seniorPrincipalDistributionAmounts(
  ledger: Ledger,
  principalRemittance: readonly Cents[],
  endingPools: readonly Cents[],
): Cents[] {
  const deal = ledger.deal;
  let seniors = 0;
  let target = 0;
  for (const group of deal.groups) {
    for (const name of group.seniorClasses) {
      seniors += workingClass(ledger, name).balance;
      const definition = deal.classByName.get(name);
      // Targets do not decrease down the seniority (the loader checks): the seniors share the
      // most junior senior's.
      if (definition && bearsInterest(definition))
        target = Math.max(target, definition.principalTarget);
    }
  }
  const pool = ledger.endingPool;
  const amount = excess(
    cents(seniors),
    min(scale(pool, target), excess(pool, deal.overcollateralization.floor)),
  );
  const weights = principalRemittance.some((p) => p > 0) ? principalRemittance : endingPools;
  if (amount === 0 || !weights.some((w) => w > 0)) return principalRemittance.map(() => cents(0));
  const parts = allocate(amount, weights);
  if (ledger.tracing) {
    ledger.note({
      phase: 'available',
      step: 'seniorPrincipalDistributionAmount',
      amount,
      reason: `the seniors' ${(seniors / 100).toFixed(2)} above ${target * 100}% of the ending pool (at least the pool less the OC floor), split by the groups' principal remittance: ${parts.map((p) => (p / 100).toFixed(2)).join(' / ')}`,
      inputs: { seniorBalance: seniors, target },
    });
  }
  return parts;
}
