import type { Cents } from '../money/cents.ts';

/**
 * Credit Enhancement Percentage: classes subordinate to the senior class (M classes and the
 * OC) over the ending pool. April 2002: (12,415,000 + 11,423,000 + 9,435,000 + 497,000 +
 * 3,972,995.79) / 197,974,200.82 = 19.065%.
 */
export function creditEnhancementPercentage(seniorBalance: Cents, endingPool: Cents): number {
  return endingPool === 0 ? 0 : (endingPool - seniorBalance) / endingPool;
}
