import { dealsDirectory } from '../../deal/builtIn.ts';
import { TrusteeError } from '../../errors/catalogue.ts';

/** The file a --deal option reads: a path as given, a built-in id's deals/<id>.json. */
export function dealFilePath(idOrPath: string): string {
  return idOrPath.endsWith('.json') ? idOrPath : `${dealsDirectory}${idOrPath}.json`;
}

/**
 * DEAL_CHANGED names each differing term by its path in the deal file; the command knows which
 * file that is, and adds it to each detail.
 */
export function namingDealFile(error: unknown, file: string): unknown {
  if (!(error instanceof TrusteeError) || error.code !== 'DEAL_CHANGED') return error;
  const details = error.details.map((d) => (d.file === undefined ? { ...d, file } : d));
  return new TrusteeError(error.code, error.message.split('\n')[0] ?? '', details);
}
