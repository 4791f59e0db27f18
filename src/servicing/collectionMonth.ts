import type { Deal } from '../deal/deal.ts';
import { distributionDate } from '../deal/schedule.ts';
import { addDays, addMonths, fromParts, parts, type PlainDate } from '../money/plainDate.ts';

/**
 * The collection period of distribution n: the calendar month n - 1 months after the cut-off
 * month (February 2002 for the 2002-1 deal's first distribution on 2002-03-25), and the due
 * date of the installment it carries, the first day of the next month (2002-03-01).
 */
export interface CollectionMonth {
  readonly distributionNumber: number;
  readonly distributionDate: PlainDate;
  readonly start: PlainDate;
  readonly end: PlainDate;
  readonly dueDate: PlainDate;
}

export function collectionMonth(deal: Deal, n: number): CollectionMonth {
  const cutoff = parts(deal.cutoffDate);
  const start = addMonths(fromParts(cutoff.year, cutoff.month, 1), n - 1);
  const dueDate = addMonths(start, 1);
  return {
    distributionNumber: n,
    distributionDate: distributionDate(deal, n),
    start,
    end: addDays(dueDate, -1),
    dueDate,
  };
}
