import { readLoanTape } from '../../collateral/readLoanTape.ts';
import { resolveDeal } from '../../deal/builtIn.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { dealSimulationTapePath } from '../../servicing/dealRemittances.ts';
import { exampleAssumptions, withOverrides } from '../../servicing/simulation/assumptions.ts';
import { writeSimulatedYear } from '../../servicing/simulation/writeSimulation.ts';

/** A percentage option ("15" = 15%) as a decimal; names the option when it is not a number. */
function percentOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new TrusteeError('INVALID_INPUT', `bad ${name}`, [
      {
        field: name,
        message: 'not a percentage',
        expected: 'a number from 0 to 100 (15 = 15%)',
        got: text,
      },
    ]);
  }
  return value / 100;
}

/** A whole-number option within [min, max]; names the option when it is not. */
export function wholeOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new TrusteeError('INVALID_INPUT', `bad ${name}`, [
      {
        field: name,
        message: 'not a whole number in range',
        expected: `${min} to ${max}`,
        got: text,
      },
    ]);
  }
  return value;
}

/** The `simulate` command's work, loaded only when the command runs. */
export const action = async (options: {
  deal: string;
  year: string;
  out: string;
  tape?: string;
  seed: string;
  cpr?: string;
  cdr?: string;
  severity?: string;
}) => {
  const deal = resolveDeal(options.deal);
  const year = wholeOption('--year', options.year, 1900, 2100);
  const seed = wholeOption('--seed', options.seed, 0, 4_294_967_295);
  const assumptions = withOverrides(exampleAssumptions, {
    cpr: percentOption('--cpr', options.cpr),
    cdr: percentOption('--cdr', options.cdr),
    severity: percentOption('--severity', options.severity),
  });
  const loans = await readLoanTape(options.tape ?? dealSimulationTapePath(deal.id));
  const paths = writeSimulatedYear(options.out, deal, loans, assumptions, seed, year);
  process.stdout.write(
    `wrote ${paths.length} remittance reports (seed ${seed}):\n${paths.join('\n')}\n`,
  );
};
