import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { seedStore } from '../../src/api/service/seedStore.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { ensureWebBuilt, webRoot } from '../../src/api/webBuild.ts';
import { builtInDealIds, resolveDeal } from '../../src/deal/builtIn.ts';
import { openStore } from '../../src/store/openStore.ts';

/**
 * The portal as `trustee serve` runs it (a new SQLite store seeded with the built-in deals'
 * shipped history, the built dashboard), on a free port of 127.0.0.1.
 */
export async function startPortal(): Promise<{ url: string; app: FastifyInstance }> {
  await ensureWebBuilt();
  const store = await openStore(':memory:');
  for (const id of builtInDealIds()) await seedStore(store, resolveDeal(id));
  const app = await buildApp({ portal: createPortal(storeHistory(store)), webRoot });
  app.addHook('onClose', () => store.close());
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app };
}
