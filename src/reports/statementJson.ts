import type { Distribution } from '../waterfall/types.ts';
import { withDollars } from './figures.ts';
import { statementAmountPaths } from './statementAmounts.ts';
import type { StatementModel } from './statementTypes.ts';

/**
 * The statement as JSON: the model with every amount as { cents, dollars } ("306,573.50"),
 * and the distribution's trace (each payment, test and amount with its reason) as the audit
 * trail of how the figures came about.
 */
export function statementJson(model: StatementModel, distribution: Distribution): string {
  const document = {
    report: 'Statement to Certificateholders',
    ...(withDollars(model, statementAmountPaths) as object),
    trace: distribution.trace,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
