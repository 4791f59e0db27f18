import { existsSync, readFileSync } from 'node:fs';
import { TrusteeError } from '../errors/catalogue.ts';
import { dealsDirectory } from './builtIn.ts';
import type { Deal } from './deal.ts';

/** The Master Servicer's documents of a year that the Form 10-K carries (Exhibits 99.2-99.4). */
export interface ServicerDocuments {
  /** 99.2: the officer's annual statement as to compliance. */
  readonly statementOfCompliance: string;
  /** 99.3: the independent accountants' report on the servicing (USAP). */
  readonly accountantsReport: string;
  /** 99.4: management's assertion on compliance with USAP. */
  readonly managementAssertion: string;
}

/**
 * The servicer's documents the deal file names for `year` (`servicerDocuments`), read as the
 * servicer supplied them (text files; a relative path is in the deals folder, e.g.
 * `nchet-2002-1/servicer/2002/statement-of-compliance.txt`). Undefined when the deal names none
 * for the year; a named file that is missing is NOT_FOUND, naming it.
 */
export function servicerDocuments(deal: Deal, year: number): ServicerDocuments | undefined {
  const files = deal.file.servicerDocuments?.[String(year)];
  if (!files) return undefined;
  const read = (field: keyof ServicerDocuments): string => {
    const name = files[field];
    const path = name.startsWith('/') ? name : `${dealsDirectory}${name}`;
    if (!existsSync(path)) {
      throw new TrusteeError('NOT_FOUND', `${deal.id}: no servicer document ${name}`, [
        {
          file: path,
          field: `servicerDocuments.${year}.${field}`,
          message: 'the file named by the deal does not exist',
        },
      ]);
    }
    return readFileSync(path, 'utf8');
  };
  return {
    statementOfCompliance: read('statementOfCompliance'),
    accountantsReport: read('accountantsReport'),
    managementAssertion: read('managementAssertion'),
  };
}
