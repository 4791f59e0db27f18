import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trustee } from '../support/cli.ts';

/**
 * The example deals close their first year from their simulated loan-level remittance reports
 * (in a deal with loan groups each line carries its loan's group) and print the 10-K.
 */
describe.each([
  { id: 'example-2002-groups', year: '2002', dates: 5, seniors: ['A-1', 'A-2'] },
  {
    id: 'example-2004-groups-swap',
    year: '2004',
    dates: 4,
    seniors: ['A-1', 'A-2A', 'A-2B', 'A-2C', 'A-2D'],
  },
  { id: 'example-2004-fixed', year: '2004', dates: 9, seniors: ['AF-1'] },
])('the example deal $id over its first year', ({ id, year, dates, seniors }) => {
  it('closes each date from the remittance reports and prints the Form 10-K', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'trustee-groups-')), 'year.sqlite');
    const run = trustee(['annual', '--deal', id, '--year', year, '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.match(new RegExp(`^closed ${id}`, 'gm'))?.length ?? 0).toBe(dates);
    // The year's principal to each senior: original less principal is the balance at year end.
    for (const name of seniors) {
      const row = new RegExp(`^${name} +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d,]+)$`, 'm').exec(
        run.stdout,
      );
      expect(row, name).not.toBeNull();
      const [original, principal, losses, ending] = row!
        .slice(1)
        .map((t) => Number(t.replaceAll(',', '')));
      expect(principal).toBeGreaterThan(0);
      expect(original! - principal! - losses!).toBe(ending);
    }
  });
});
