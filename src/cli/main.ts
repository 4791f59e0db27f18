import { Command, CommanderError } from 'commander';
import { TrusteeError } from '../errors/catalogue.ts';
import { registerCommands } from './commands/index.ts';

/** Builds the `trustee` program: every subcommand with its help text. */
export function buildProgram(): Command {
  const program = new Command('trustee')
    .description(
      'Administers mortgage securitization trusts and models their cash flows:\n' +
        "runs the pooling and servicing agreement's waterfall, prints the Statement to\n" +
        'Certificateholders and the 8-K/10-K filings, projects and prices the classes.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    // Commander's own errors (unknown option, missing argument) read like every other error,
    // with their catalogue code; main() exits 2 for them as for any refused input.
    .configureOutput({
      outputError: (text, write) => write(`trustee: USAGE: ${text.replace(/^error: /, '')}`),
    })
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI; returns the exit code. Errors print their code, message and details. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    // A command may end with a status of its own (batch: 1 when a deal was refused).
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with 0; a command line that is not valid is refused with 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof TrusteeError) {
      process.stderr.write(`trustee: ${error.code}: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`trustee: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 70;
  }
}
