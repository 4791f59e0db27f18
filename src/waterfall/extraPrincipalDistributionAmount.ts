import { cents, excess, min, sub, type Cents } from '../money/cents.ts';
import { groupFunds, stepFunds, type Fund, type Phase } from './fund.ts';
import type { Ledger } from './ledger.ts';
import { payPrincipal } from './principalDistribution.ts';
import { conditionHolds } from './stepCondition.ts';

/**
 * Extra Principal Distribution Amount: the lesser of the fund (the Net Monthly Excess Cashflow)
 * and the Overcollateralization Deficiency Amount, paid as principal through the deal's
 * principal steps, in their order (the same rule as the Principal Distribution Amount), so
 * that the OC is restored to its Required amount.
 */
export function payExtraPrincipal(ledger: Ledger, fund: Fund, phase: Phase): void {
  // What earlier Extra Principal (from the excess cashflow) left of the deficiency: the swap
  // receipts cover only the rest.
  const amount = min(fund.available, excess(ledger.deficiency, ledger.extraPrincipalPaid));
  // With loan groups it is part of each group's Principal Distribution Amount, by the groups'
  // shares of the Principal Remittance Amount, and goes through the principal steps as theirs.
  const name = `${fund.name} (Extra Principal Distribution Amount)`;
  const shares = ledger.groupPrincipalShares;
  const paidIn = phase === 'supplemental' ? phase : 'excess';
  let left: Cents;
  if (shares === undefined) {
    const extra: Fund = { name, available: amount };
    for (const principalStep of ledger.deal.waterfall.principal) {
      if (principalStep.kind === 'principal' && conditionHolds(principalStep.when, ledger.tests))
        payPrincipal(ledger, extra, principalStep.classes, paidIn, principalStep.allocation);
    }
    left = extra.available;
  } else {
    const weights = shares.some((s) => s > 0) ? shares : shares.map(() => 1);
    const extra = groupFunds(ledger.deal, name, amount, weights);
    for (const principalStep of ledger.deal.waterfall.principal) {
      if (principalStep.kind !== 'principal' || !conditionHolds(principalStep.when, ledger.tests))
        continue;
      for (const from of stepFunds(ledger.deal, principalStep, extra))
        payPrincipal(ledger, from, principalStep.classes, paidIn, principalStep.allocation);
    }
    let remaining = 0;
    for (const from of extra) remaining += from.available;
    left = cents(remaining);
  }
  const used = sub(amount, left);
  fund.available = sub(fund.available, used);
  ledger.extraPrincipalPaid = cents(ledger.extraPrincipalPaid + used);
  if (ledger.tracing) {
    ledger.note({
      phase,
      step: 'extraPrincipal',
      from: fund.name,
      amount: used,
      reason: `Extra Principal Distribution Amount: the lesser of the excess cashflow and the OC deficiency ${(ledger.deficiency / 100).toFixed(2)}`,
      inputs: { deficiency: ledger.deficiency },
    });
  }
}
