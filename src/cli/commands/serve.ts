import { Option, type Command } from 'commander';

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
    .action(async (...args: unknown[]) => {
      const { action } = await import('./serve.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
