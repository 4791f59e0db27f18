import type { Command } from 'commander';
import { registerAnnual } from './annual.ts';
import { registerAudit } from './audit.ts';
import { registerBatch } from './batch.ts';
import { registerClose } from './close.ts';
import { registerClosing } from './closing.ts';
import { registerDeal } from './deal.ts';
import { registerDistribute } from './distribute.ts';
import { registerGenerateBook } from './generateBook.ts';
import { registerHistory } from './history.ts';
import { registerServe } from './serve.ts';
import { registerProject } from './project.ts';
import { registerRemittance } from './remittance.ts';
import { registerSimulate } from './simulate.ts';
import { registerStatement } from './statement.ts';
import { registerTape } from './tape.ts';
import { registerUsers } from './users.ts';
import { registerWorker } from './worker.ts';

/** Every subcommand of `trustee`, registered in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerDistribute(program);
  registerClose(program);
  registerAnnual(program);
  registerClosing(program);
  registerStatement(program);
  registerHistory(program);
  registerDeal(program);
  registerGenerateBook(program);
  registerBatch(program);
  registerServe(program);
  registerUsers(program);
  registerAudit(program);
  registerTape(program);
  registerRemittance(program);
  registerSimulate(program);
  registerProject(program);
  registerWorker(program);
}
