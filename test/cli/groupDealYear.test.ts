import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trustee } from '../support/cli.ts';

/**
 * The two-group example deal closes its first year (August-December 2002) from its simulated
 * loan-level remittance reports (each line with its loan's group) and prints the 10-K.
 */
describe('the two-group example deal over 2002', () => {
  it('closes each date from the remittance reports by group and prints the Form 10-K', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'trustee-groups-')), 'year.sqlite');
    const run = trustee(['annual', '--deal', 'example-2002-groups', '--year', '2002', '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.match(/^closed example-2002-groups/gm)?.length ?? 0).toBe(5);
    // The year's principal to each senior: original less principal is the balance at year end.
    for (const name of ['A-1', 'A-2']) {
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
