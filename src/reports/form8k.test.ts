import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import type { Distribution } from '../waterfall/types.ts';
import { renderForm8K } from './index.ts';
import { aprilDistribution } from './testFixtures.ts';

const { deal, distribution } = aprilDistribution();

describe('Form 8-K', () => {
  it("takes the cover from the deal's registrant and parties", () => {
    const text = renderForm8K(deal, distribution);
    expect(text).toMatch(/^Date of Report: {45}25-Apr-02$/m);
    expect(text).toMatch(/^Delaware {43}333-72880$/m);
    expect(text).toContain('DATED AS OF FEBRUARY 1, 2002, PROVIDING FOR THE ISSUANCE OF');
    expect(text).toContain("Registrant's telephone number: (949) 863-7243");
    expect(text).toContain('                By: /s/ Eve Kaplan\n');
    expect(text).toContain('                U.S. Bank National Association\n');
    expect(text.endsWith('Dated:                    4/25/02\n')).toBe(true);
    expect(text).toContain('Have any deficiencies occurred?   NO.\n');
  });

  it('reports a deficiency when offered classes are left interest or written down', () => {
    const short: Distribution = {
      ...distribution,
      classes: distribution.classes.map((c) =>
        c.name === 'M-4'
          ? { ...c, unpaidInterest: cents(1_818_88), realizedLoss: cents(5_000_00) }
          : c,
      ),
    };
    const text = renderForm8K(deal, short);
    expect(text).toContain('Have any deficiencies occurred?   YES.\n');
    expect(text).toContain('\n                                 Date:   25-Apr-02\n');
    expect(text).toContain('\n                                 Amount: 6,818.88\n');
  });
});
