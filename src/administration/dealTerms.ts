import { upgradeDealFile } from '../deal/upgradeDealFile.ts';
import { contentHash } from '../store/canonicalJson.ts';

/**
 * The parts of a deal file that describe the deal without driving any figure: names, the
 * registrant and parties, the collateral's description, the assumptions' notes, and the facts
 * of its filings (the closing 8-K's dates and signer, the servicer's documents for the 10-K).
 * They are not terms: a store bound to a deal file accepts one that differs from it only here
 * (the new file is stored beside the old, content-addressed), and DEAL_CHANGED never names them.
 * A path is dotted; `*` stands for any key (`classes.*.description`).
 */
export const DESCRIPTIVE_FIELDS: readonly string[] = [
  'name',
  'series',
  'title',
  'registrant',
  'parties',
  'collateral.description',
  'classes.*.description',
  'assumptions',
  'closingReport',
  'servicerDocuments',
];

/** Whether a dotted path (`registrant.address[1]`, `classes.A.margin`) is descriptive. */
export function isDescriptive(path: string): boolean {
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  return DESCRIPTIVE_FIELDS.some((field) => {
    const want = field.split('.');
    return want.length <= parts.length && want.every((w, i) => w === '*' || w === parts[i]);
  });
}

/**
 * The deal file without its descriptive fields, in the current format: what binds a store. A
 * store bound to a file of an earlier format takes the same terms written in the current one.
 */
export function dealTerms(file: unknown): unknown {
  return strip(upgradeDealFile(file), '');
}

function strip(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (!isDescriptive(at)) out[key] = strip(v, at);
  }
  return out;
}

/** SHA-256 of the deal file's terms: equal for two files that differ only in descriptions. */
export function termsHash(file: unknown): string {
  return contentHash(dealTerms(file));
}

/** Whether two deal files have the same terms (they may differ in descriptive fields). */
export function sameTerms(a: unknown, b: unknown): boolean {
  return termsHash(a) === termsHash(b);
}
