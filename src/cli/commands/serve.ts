import { Option, type Command } from 'commander';
import { buildApp } from '../../api/app.ts';
import { createPortal } from '../../api/service/portal.ts';
import { seedStore, type HistoryKind } from '../../api/service/seedStore.ts';
import { storeHistory } from '../../api/service/storeHistory.ts';
import { ensureWebBuilt, webRoot } from '../../api/webBuild.ts';
import { builtInDealIds, resolveDeal } from '../../deal/builtIn.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { openStore, storeLocation } from '../../store/openStore.ts';

interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  history: HistoryKind;
}

function port(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new TrusteeError('INVALID_INPUT', `bad --port ${text}`, [
      {
        field: '--port',
        message: 'not a port number',
        expected: 'an integer 0..65535 (0: any free port)',
        got: text,
      },
    ]);
  }
  return value;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the investor and administrator portal: the HTTP API (OpenAPI at /docs) and the ' +
        'web dashboard, on the store (SQLite by default). A new store gets the built-in deals ' +
        'with their shipped history (nchet-2002-1 from April 2002). Prints the address.',
    )
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .addOption(
      new Option(
        '--history <kind>',
        'history a new store gets: "filings" (the seed state and the April 2002 statement) ' +
          'or "simulated" (the simulated 2002 remittance reports from the closing)',
      )
        .choices(['filings', 'simulated'])
        .default('filings'),
    )
    .option(
      '--db <path|url>',
      'SQLite file or postgres:// URL (default: $TRUSTEE_DB or var/trustee.sqlite)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  npx trustee serve --port 8080\n' +
        '  npx trustee serve --port 8081 --db var/simulated.sqlite --history simulated',
    )
    .action(async (options: ServeOptions) => {
      const listenPort = port(options.port);
      const store = await openStore(storeLocation(options.db));
      for (const id of builtInDealIds()) {
        const closed = await seedStore(store, resolveDeal(id), options.history);
        if (closed > 0)
          process.stdout.write(`${id}: closed ${closed} shipped distribution dates\n`);
      }
      await ensureWebBuilt((line) => process.stdout.write(`${line}\n`));
      const app = await buildApp({ portal: createPortal(storeHistory(store)), webRoot });
      app.addHook('onClose', () => store.close());
      const address = await app.listen({ port: listenPort, host: options.host });
      process.stdout.write(
        `trustee portal: ${address}/  (API docs ${address}/docs, store ${store.location})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          void app.close().then(() => resolve());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
