import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDistributionDate, correctDistributionDate } from '../../src/administration/index.ts';
import { signedInApp } from './signedIn.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { dealsDirectory, resolveDeal } from '../../src/deal/builtIn.ts';
import { readStateFile } from '../../src/deal/stateFile.ts';
import { cents } from '../../src/money/cents.ts';
import { readPeriodTotalsFile } from '../../src/servicing/periodTotalsFile.ts';
import { openStore } from '../../src/store/openStore.ts';

const deal = resolveDeal('nchet-2002-1');

describe('the portal shows the version of a corrected date', () => {
  it('on the statement page sections and in every download', async () => {
    const store = await openStore(
      join(mkdtempSync(join(tmpdir(), 'trustee-versions-')), 'v.sqlite'),
    );
    const openingState = readStateFile(deal, `${dealsDirectory}nchet-2002-1/state-2002-03-25.json`);
    const april = readPeriodTotalsFile(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
    await closeDistributionDate(store, deal, april, { actor: 'alice', openingState });
    const app = await signedInApp({ portal: createPortal(storeHistory(store)) });
    const url = '/api/deals/nchet-2002-1/distributions/2002-04-25';
    expect((await app.inject(`${url}/statement`)).body).toContain('Version 1');

    const restated = { ...april, interestCollected: cents(april.interestCollected - 1_000_000) };
    await correctDistributionDate(store, deal, restated, {
      actor: 'bob',
      reason: 'servicer restated interest',
    });
    const note = /Version 2 \(corrected \d{4}-\d{2}-\d{2} by bob: servicer restated interest\)/;
    const sections = (await app.inject(`${url}/sections`)).json() as { header: string[] };
    expect(sections.header.join('\n')).toMatch(note);
    const text = (await app.inject(`${url}/statement?format=text`)).body;
    expect(text).toMatch(note);
    expect(text).toContain('932,980.71');
    expect((await app.inject(`${url}/statement?format=json`)).json().statement.version).toMatch(
      note,
    );
    await app.close();
    await store.close();
  });
});
