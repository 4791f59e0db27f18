import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { buildApp } from '../../src/api/app.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { seedStore } from '../../src/api/service/seedStore.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { ensureWebBuilt, webRoot } from '../../src/api/webBuild.ts';
import { builtInDealIds, resolveDeal } from '../../src/deal/builtIn.ts';
import { openStore } from '../../src/store/openStore.ts';
import { addPerson } from '../../src/store/peopleChanges.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { tokenFor } from '../api/signedIn.ts';

/** The administrator the browser tests sign in as, through the sign-in page. */
export const ADMIN = { name: 'ada', password: 'a passphrase for the browser tests' };

export interface Portal {
  url: string;
  app: FastifyInstance;
  store: TrustStore;
  /** fetch with an administrator's API token: what the tests read the API with. */
  api(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * The portal as `trustee serve` runs it (a new SQLite store seeded with the built-in deals'
 * shipped history, the built dashboard), on a free port of 127.0.0.1, with an administrator
 * (ADMIN) to sign in as.
 */
export async function startPortal(): Promise<Portal> {
  await ensureWebBuilt();
  const store = await openStore(':memory:');
  for (const id of builtInDealIds()) await seedStore(store, resolveDeal(id));
  const who = { actor: 'test', at: new Date().toISOString(), address: 'test' };
  await addPerson(
    store,
    { name: ADMIN.name, role: 'administrator', password: ADMIN.password },
    who,
  );
  const token = await tokenFor(store, 'auditor', { name: 'reader' });
  const app = await buildApp({ portal: createPortal(storeHistory(store)), webRoot, store });
  app.addHook('onClose', () => store.close());
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
    });
  return { url, app, store, api };
}

/** Signs in on the portal's sign-in page as a user would: name, password, the button. */
export async function signInOnPage(page: Page, url: string, user = ADMIN): Promise<void> {
  await page.goto(`${url}/`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Name').fill(user.name);
  await form.locator('input[type="password"]').fill(user.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Signed in as').waitFor();
}
