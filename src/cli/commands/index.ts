import type { Command } from 'commander';
import { registerDistribute } from './distribute.ts';

/** Every subcommand of `trustee`, registered in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerDistribute(program);
}
