import { describe, expect, it } from 'vitest';
import { dealsDirectory } from '../deal/builtIn.ts';
import {
  parsePeriodTotals,
  periodTotalsDocument,
  readPeriodTotalsFile,
} from './periodTotalsFile.ts';
import { trustee } from '../../test/support/cli.ts';

describe('the collection-period totals file', () => {
  it('writes a period as a totals file that reads back to the same period', () => {
    const april = readPeriodTotalsFile(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
    const document = periodTotalsDocument(april);
    expect(document['curtailments']).toBe('17428.00');
    expect(parsePeriodTotals(JSON.parse(JSON.stringify(document)))).toEqual(april);
  });
  it('is what `remittance check --json` prints, so that it can be used as --totals', () => {
    const run = trustee([
      'remittance',
      'check',
      `${dealsDirectory}nchet-2002-1/remittances/2002-05-28.csv`,
      '--deal',
      'nchet-2002-1',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(printed['endingPoolBalance']).toMatch(/^\d+\.\d\d$/);
    const period = parsePeriodTotals(printed, 'printed');
    expect(periodTotalsDocument(period)).toEqual({ cleanUpCall: false, ...printed });
  });
});
