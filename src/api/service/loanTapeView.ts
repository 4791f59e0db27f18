import { existsSync } from 'node:fs';
import {
  dealTapePath,
  poolTotals,
  readDealTape,
  stratify,
  type PoolTotals,
  type Stratum,
} from '../../collateral/index.ts';
import type { Loan } from '../../collateral/loan.ts';
import type { StratificationKey } from '../../collateral/stratify.ts';
import type { Deal } from '../../deal/deal.ts';
import { TrusteeError } from '../../errors/catalogue.ts';

export const stratificationKeys = [
  'product',
  'rate',
  'remainingTerm',
  'state',
  'fico',
  'ltv',
] as const satisfies readonly StratificationKey[];

/** A page of the loan tape with the pool's totals. Money in cents, rates as decimals. */
export interface LoanTapePage {
  asOf: string;
  total: number;
  offset: number;
  totals: PoolTotals;
  loans: Loan[];
}

export interface Stratification {
  by: StratificationKey;
  totals: PoolTotals;
  strata: Stratum[];
}

/**
 * The deal's loan tape (deals/<id>/tape.csv; for a deal of the book, the tape it was added with,
 * from `bookLoans`), read once and kept.
 */
export function loanTapes(
  bookLoans: (dealId: string) => Promise<Loan[] | undefined> = async () => undefined,
): (deal: Deal) => Promise<Loan[]> {
  const cache = new Map<string, Promise<Loan[]>>();
  return async (deal) => {
    const cached = cache.get(deal.id);
    if (cached) return cached;
    const path = dealTapePath(deal.id);
    if (!existsSync(path)) {
      const ofBook = await bookLoans(deal.id);
      if (ofBook) {
        cache.set(deal.id, Promise.resolve(ofBook));
        return ofBook;
      }
      throw new TrusteeError('NOT_FOUND', `${deal.id} has no loan tape`, [
        {
          file: path,
          field: 'dealId',
          message: 'no loan tape for this deal',
          expected: 'deals/<id>/tape.csv',
        },
      ]);
    }
    const loading = readDealTape(deal.id);
    cache.set(deal.id, loading);
    loading.catch(() => cache.delete(deal.id));
    return loading;
  };
}

export function loanTapePage(
  deal: Deal,
  loans: Loan[],
  offset: number,
  limit: number,
): LoanTapePage {
  return {
    asOf: deal.cutoffDate,
    total: loans.length,
    offset,
    totals: poolTotals(loans),
    loans: loans.slice(offset, offset + limit),
  };
}

export function stratification(loans: Loan[], by: StratificationKey): Stratification {
  return { by, totals: poolTotals(loans), strata: stratify(loans, by) };
}
