import type { Cents } from '../money/cents.ts';
import type { Delinquency } from './types.ts';

/**
 * Delinquency Percentage: stated principal of loans 60-89 and 90+ days delinquent, in
 * foreclosure, REO, and in bankruptcy 60+ days delinquent, over the ending pool (incl. REO).
 * April 2002: 374,572 / 197,974,201 = 0.189%.
 */
export function delinquencyPercentage(delinquency: Delinquency, endingPool: Cents): number {
  if (endingPool === 0) return 0;
  const seriously =
    delinquency.days60to89.statedPrincipal +
    delinquency.days90plus.statedPrincipal +
    delinquency.foreclosure.statedPrincipal +
    delinquency.reo.statedPrincipal +
    delinquency.bankruptcy60plus.statedPrincipal;
  return seriously / endingPool;
}
