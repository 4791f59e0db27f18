import { buildApp } from '../../api/app.ts';
import { storeBook } from '../../api/service/bookSource.ts';
import { createPortal } from '../../api/service/portal.ts';
import { seedStore } from '../../api/service/seedStore.ts';
import { storeHistory } from '../../api/service/storeHistory.ts';
import { ensureWebBuilt, webRoot } from '../../api/webBuild.ts';
import { builtInDealIds, resolveDeal } from '../../deal/builtIn.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { openStore, storeLocation } from '../../store/openStore.ts';
import { addPerson, signInLink } from '../../store/peopleChanges.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { cliWho, linkFor } from './users.action.ts';
import { displayUrl } from '../../errors/displayUrl.ts';
import { openGridQueue } from '../../projection/queue/gridQueue.ts';
import { queuedGrids } from '../../projection/queue/queuedGrid.ts';

interface ServeOptions {
  port: string;
  host: string;
  trustProxy?: string;
  db?: string;
  maxRunning: string;
  maxQueued: string;
  maxScenarios: string;
  maxMonths: string;
  resultsDir?: string;
  queue?: string;
  queueName: string;
}

/** A whole-number flag within [least, most]; `what` and `expected` word the refusal. */
function wholeNumberFlag(
  flag: string,
  text: string,
  [least, most]: readonly [number, number],
  what: string,
  expected: string,
): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < least || value > most) {
    throw new TrusteeError('INVALID_INPUT', `bad ${flag} ${text}`, [
      { field: flag, message: `not a ${what}`, expected, got: text },
    ]);
  }
  return value;
}

/** A job limit: a whole number of at least `least`. */
const jobLimit = (flag: string, text: string, least: number): number =>
  wholeNumberFlag(flag, text, [least, Infinity], 'job count', `an integer >= ${least}`);

const port = (text: string): number =>
  wholeNumberFlag(
    '--port',
    text,
    [0, 65535],
    'port number',
    'an integer 0..65535 (0: any free port)',
  );

/**
 * A store with no users gets an administrator, "admin", with no password and a one-time
 * sign-in link (as notebook servers print a token): secure by default and still one command.
 * The secret is in the link's fragment, which a browser never sends, so it is in no log.
 */
async function firstAdministrator(store: TrustStore, address: string): Promise<string | undefined> {
  if ((await store.people.countUsers()) > 0) return undefined;
  const who = { ...cliWho('trustee serve'), actor: 'trustee serve' };
  await addPerson(store, { name: 'admin', role: 'administrator' }, who);
  return linkFor(address, await signInLink(store, 'admin', who));
}

/**
 * The `serve` command's work, loaded only when the command runs: open the store, close the
 * built-in deals' shipped history into a new one, build the dashboard if stale, listen, print
 * the address, and stop on SIGINT/SIGTERM.
 */
export const action = async (options: ServeOptions) => {
  const listenPort = port(options.port);
  const jobs = {
    maxRunning: jobLimit('--max-running', options.maxRunning, 1),
    maxQueued: jobLimit('--max-queued', options.maxQueued, 0),
  };
  const limits = {
    maxScenarios: jobLimit('--max-scenarios', options.maxScenarios, 1),
    maxMonths: jobLimit('--max-months', options.maxMonths, 1),
  };
  const store = await openStore(storeLocation(options.db));
  for (const id of builtInDealIds()) {
    const closed = await seedStore(store, resolveDeal(id));
    if (closed > 0) process.stdout.write(`${id}: closed ${closed} shipped distribution dates\n`);
  }
  await ensureWebBuilt((line) => process.stdout.write(`${line}\n`));
  // With --queue, grids go to the queue's workers; the queue is reached now, before listening.
  const queue = options.queue ? await openGridQueue(options.queue, options.queueName) : undefined;
  const app = await buildApp({
    portal: createPortal(storeHistory(store), storeBook(store)),
    store,
    dispatchWebhooks: true,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    webRoot,
    jobs,
    limits,
    resultsDir: options.resultsDir,
    ...(queue ? { grids: queuedGrids(queue) } : {}),
  });
  app.addHook('onClose', async () => {
    await queue?.close();
    await store.close();
  });
  const address = await app.listen({ port: listenPort, host: options.host });
  process.stdout.write(
    `trustee portal: ${address}/  (API docs ${address}/docs, store ${store.location})\n`,
  );
  const link = await firstAdministrator(store, address);
  if (link) {
    process.stdout.write(
      `no users yet: made the administrator "admin"; sign in once, within 24 hours, at\n  ${link}\n` +
        'then set a password on the page (or: npx trustee users set-password admin --password-stdin)\n',
    );
  }
  if (queue) process.stdout.write(`grids: the queue ${queue.name} at ${displayUrl(queue.url)}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      void app.close().then(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
};
