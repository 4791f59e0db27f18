import { cents, excess, min, sub } from '../money/cents.ts';
import type { Fund, Phase } from './fund.ts';
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
  const extra: Fund = {
    name: `${fund.name} (Extra Principal Distribution Amount)`,
    available: amount,
  };
  for (const principalStep of ledger.deal.waterfall.principal) {
    if (principalStep.kind === 'principal' && conditionHolds(principalStep.when, ledger.tests))
      payPrincipal(
        ledger,
        extra,
        principalStep.classes,
        phase === 'supplemental' ? phase : 'excess',
        principalStep.allocation,
      );
  }
  const used = sub(amount, extra.available);
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
