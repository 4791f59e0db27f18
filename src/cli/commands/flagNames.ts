import { TrusteeError } from '../../errors/catalogue.ts';

/**
 * The library names an input by its own field (`effectiveFrom`, `date`); a command knows the
 * flag the user typed it as (`--from`, `--date`), and renames the details' fields to it.
 */
export function namingFlags(error: unknown, flags: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof TrusteeError)) return error;
  const details = error.details.map((d) =>
    d.field !== undefined && flags[d.field] ? { ...d, field: flags[d.field] } : d,
  );
  return new TrusteeError(error.code, error.message.split('\n')[0] ?? '', details);
}
