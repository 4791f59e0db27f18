/**
 * Test support for webhookDispatcher.test.ts, run as a child process (a second `trustee
 * serve` on the same SQLite file):
 *   node dispatchRounds.script.ts STORE_LOCATION ROUNDS
 * Runs the webhook dispatcher's rounds one after another, prints the notices it delivered.
 */
import { openStore } from '../../store/openStore.ts';
import { builtInHistory } from '../service/builtInHistory.ts';
import { createPortal } from '../service/portal.ts';
import { webhookDispatcher } from './webhookDispatcher.ts';

const [location, rounds] = process.argv.slice(2);
if (!location || !rounds) throw new Error('usage: dispatchRounds.script.ts STORE_LOCATION ROUNDS');
const store = await openStore(location);
const dispatcher = webhookDispatcher({ store, portal: createPortal(builtInHistory()) });
let delivered = 0;
for (let round = 0; round < Number(rounds); round += 1) {
  delivered += (await dispatcher.runOnce()).delivered;
}
process.stdout.write(`${delivered}\n`);
await store.close();
