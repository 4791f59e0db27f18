import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sameTerms } from '../administration/dealTerms.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { canonicalJson } from '../store/canonicalJson.ts';
import { dealsDirectory } from './builtIn.ts';
import { loadDeal } from './loadDeal.ts';
import { DEAL_FORMAT_VERSION, upgradeDealFile } from './upgradeDealFile.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a deal file as parsed JSON
type Json = Record<string, any>;
const current = (): Json =>
  JSON.parse(readFileSync(`${dealsDirectory}nchet-2002-1.json`, 'utf8')) as Json;

/** The built-in deal as format 1 wrote it: no version, seniority by the classes' key order. */
function format1(): Json {
  const { formatVersion: _version, seniority: _seniority, ...rest } = current();
  return rest;
}

function refusal(json: unknown): TrusteeError {
  try {
    loadDeal(json, 'deal.json');
  } catch (error) {
    if (error instanceof TrusteeError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('deal file formats', () => {
  it('upgrades a format 1 file: the seniority is its floating classes in key order', () => {
    const upgraded = upgradeDealFile(format1()) as Json;
    expect(upgraded['formatVersion']).toBe(DEAL_FORMAT_VERSION);
    expect(upgraded['seniority']).toEqual(['A', 'M-1', 'M-2', 'M-3', 'M-4']);
    expect(upgraded).toEqual(current());
  });

  it('loads a format 1 file as the same deal, with the same terms (a store bound to it stays bound)', () => {
    const old = loadDeal(format1(), 'old.json');
    const now = loadDeal(current(), 'now.json');
    expect(old.file).toEqual(now.file);
    expect(old.classes.map((c) => c.name)).toEqual(now.classes.map((c) => c.name));
    expect(sameTerms(format1(), current())).toBe(true);
  });

  it('keeps the seniority and the statement order in a copy whose keys are sorted', () => {
    const deal = current();
    // M-10 sorts before M-2: a deal of eleven M classes would lose its order with sorted keys.
    const m = deal['classes']['M-4'];
    deal['classes']['M-4'] = { ...m, originalBalance: '397000.00' };
    deal['classes']['M-10'] = { ...m, cusip: '64352VCZ9', originalBalance: '100000.00' };
    deal['seniority'].push('M-10');
    deal['lossAllocation'].unshift('M-10');
    deal['interestShortfallClasses'].push('M-10');
    deal['waterfall'].interest.push({ kind: 'interest', classes: ['M-10'], part: 'current' });
    deal['waterfall'].principal[0].classes.splice(5, 0, 'M-10');
    const sorted = JSON.parse(canonicalJson(deal)) as Json;
    expect(Object.keys(sorted['classes'])).toEqual([
      'A',
      'CE',
      'M-1',
      'M-10',
      'M-2',
      'M-3',
      'M-4',
      'P',
      'R',
    ]);
    expect(loadDeal(sorted).classes.map((c) => c.name)).toEqual([
      'A',
      'M-1',
      'M-2',
      'M-3',
      'M-4',
      'M-10',
      'CE',
      'P',
      'R',
    ]);
    expect(
      loadDeal(sorted)
        .interestBearingClasses.map((c) => c.name)
        .at(-1),
    ).toBe('M-10');
  });

  it('refuses a seniority that misses, repeats or names a class wrongly, and a later format', () => {
    const deal = current();
    deal['seniority'] = ['A', 'M-1', 'M-1', 'M-3', 'CE'];
    const error = refusal(deal);
    expect(error.details.map((d) => [d.field, d.message])).toEqual(
      expect.arrayContaining([
        ['seniority[2]', 'class "M-1" is listed twice'],
        ['seniority[4]', 'class "CE" is overcollateralization'],
        ['seniority', 'class "M-2" has no place in the seniority'],
        ['seniority', 'class "M-4" has no place in the seniority'],
      ]),
    );
    const later = refusal({ ...current(), formatVersion: 3 });
    expect(later.details[0]).toMatchObject({ field: 'formatVersion', got: 3 });
  });
});
