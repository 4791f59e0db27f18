import { ZERO, type Cents } from '../money/cents.ts';

/**
 * Credit Enhancement Percentage: the classes subordinate to the seniors (the M classes) and the
 * OC, over the ending pool; the prepayment-charge class's nominal balance is neither senior nor
 * subordinate, so it is left out. April 2002: (12,415,000 + 11,423,000 + 9,435,000 + 497,000 +
 * 3,972,995.79) / 197,974,200.82 = 19.065%; December 2002: 21.91245% (the 10-K).
 */
export function creditEnhancementPercentage(
  seniorBalance: Cents,
  endingPool: Cents,
  prepaymentChargeBalance: Cents = ZERO,
): number {
  return endingPool === 0 ? 0 : (endingPool - seniorBalance - prepaymentChargeBalance) / endingPool;
}
