/**
 * Test support for openStore.test.ts, run as a child process:
 *   node openChild.script.ts STORE_LOCATION
 * Opens the store (migrating it if new), prints "OPEN", closes it. Exit 0 when opened; a
 * TrusteeError prints its code and message and exits 2.
 */
import { TrusteeError } from '../errors/catalogue.ts';
import { openStore } from './openStore.ts';

const location = process.argv[2];
if (!location) throw new Error('usage: openChild.script.ts STORE_LOCATION');
try {
  const store = await openStore(location);
  process.stdout.write('OPEN\n');
  await store.close();
} catch (error) {
  process.stderr.write(
    error instanceof TrusteeError ? `${error.code}: ${error.message}\n` : `${String(error)}\n`,
  );
  process.exitCode = 2;
}
