import { describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { dealTerms, isDescriptive, sameTerms } from './dealTerms.ts';

describe('the terms of a deal file', () => {
  it('leaves out the descriptive fields: names, parties, filing facts, assumptions', () => {
    expect(isDescriptive('registrant.address[1]')).toBe(true);
    expect(isDescriptive('closingReport.signer.name')).toBe(true);
    expect(isDescriptive('collateral.description')).toBe(true);
    expect(isDescriptive('classes.A.description')).toBe(true);
    expect(isDescriptive('collateral.cutoffBalance')).toBe(false);
    expect(isDescriptive('classes.M-3.margin')).toBe(false);
    const terms = dealTerms(resolveDeal('nchet-2002-1').file) as Record<string, unknown>;
    expect(Object.keys(terms)).not.toContain('closingReport');
    expect(Object.keys(terms)).toContain('classes');
  });

  it('finds two files the same terms when only descriptions differ', () => {
    const file = resolveDeal('nchet-2002-1').file;
    expect(sameTerms(file, { ...file, name: 'x', servicerDocuments: undefined })).toBe(true);
    expect(sameTerms(file, { ...file, cleanUpCall: { poolFraction: 0.05 } })).toBe(false);
  });
});
