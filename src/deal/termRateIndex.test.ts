import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aprilPeriod, aprilState, classOf } from '../../test/support/april.ts';
import { runDistribution } from '../waterfall/runDistribution.ts';
import { indexTableFor, resolveDeal } from './builtIn.ts';
import { loadDeal } from './loadDeal.ts';

/**
 * Any table of daily fixings is an index: a deal may name another rate (a term rate, say) in
 * its `index` with its own file and determination rule; its holidays come from the file ("."
 * rows). Here a made-up 1-month term rate at 5.30%, whose fixing calendar has a holiday on the
 * day 2002-1's rule would otherwise pick, fixed 2 business days before the accrual period.
 */
describe('an index other than 1-month LIBOR', () => {
  it('fixes each period from its own table, calendar and rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustee-index-'));
    const path = join(dir, 'term-rate.csv');
    const rows = ['DATE,VALUE'];
    // March 2002 business days; 2002-03-21 (two days before the accrual start, 03-25) a holiday
    // of this index: the fixing moves to the business day before it, 03-20, at 5.25%.
    for (let day = 1; day <= 29; day++) {
      const date = `2002-03-${String(day).padStart(2, '0')}`;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      rows.push(`${date},${date === '2002-03-21' ? '.' : date === '2002-03-20' ? '5.25' : '5.30'}`);
    }
    writeFileSync(path, `${rows.join('\n')}\n`);
    const file = structuredClone(resolveDeal('nchet-2002-1').file) as Record<string, unknown>;
    file['index'] = { name: '1-Month Term Rate', businessDaysBefore: 2, source: path };
    const deal = loadDeal(file, 'term-rate-deal.json');
    const { distribution } = runDistribution(deal, aprilState, aprilPeriod, indexTableFor(deal));
    expect(distribution.indexDeterminationDate).toBe('2002-03-20');
    expect(distribution.indexRate).toBeCloseTo(0.0525, 12);
    // Class A: the term rate + 0.32%, on 160,369,748.35 for the 31 days.
    expect(classOf(distribution.classes, 'A').couponRate).toBeCloseTo(0.0557, 12);
  });
});
