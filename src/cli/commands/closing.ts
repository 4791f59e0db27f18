import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';

interface ClosingOptions {
  deal: string;
  out?: string;
}

export function registerClosing(program: Command): void {
  program
    .command('closing')
    .description(
      "Print the deal's closing Form 8-K (Item 2: the certificates issued with their initial\n" +
        'balances and rates, the mortgage pool, the parties and agreements with their dates;\n' +
        "Item 7's exhibits, the signature, the index to exhibits), from the deal file alone.",
    )
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .option('--out <file>', 'write to a file instead of standard output')
    .addHelpText('after', '\nExample:\n  npx trustee closing --deal nchet-2002-1')
    .action(async (options: ClosingOptions) => {
      const { resolveDeal } = await import('../../deal/builtIn.ts');
      const { closingForm8k } = await import('../../reports/closingForm8k.ts');
      const text = closingForm8k(resolveDeal(options.deal));
      if (options.out) await writeFile(options.out, text);
      else process.stdout.write(text);
    });
}
