import type { Deal } from '../../deal/deal.ts';
import type { Distribution } from '../../waterfall/types.ts';

/**
 * Where the portal reads a deal's closed distribution dates from. The store (SQLite by
 * default) implements it; so does the built-in files reader used when no store is given.
 */
export interface HistorySource {
  /** Every closed distribution of the deal, oldest first. Empty when none is closed. */
  distributions(deal: Deal): Promise<readonly Distribution[]>;
}
