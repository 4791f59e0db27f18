import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldName, schemaIssues } from './schemaIssues.ts';

const schema = z.strictObject({
  totals: z.strictObject({ prepaymentCharges: z.number(), curtailments: z.number() }).prefault({
    prepaymentCharges: 0,
    curtailments: 0,
  }),
  classes: z.record(
    z.string(),
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('floating'), margin: z.number() }),
      z.strictObject({ kind: z.literal('residual'), cusip: z.string().optional() }),
    ]),
  ),
  list: z.array(z.strictObject({ rate: z.number() })).default([]),
});

function details(input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('accepted');
  return schemaIssues(schema, input, parsed.error.issues, 'f.json');
}

describe('schemaIssues', () => {
  it('names each unknown key with the nearest known one of its object', () => {
    const input = {
      totals: { prepaymentCharge: 1, curtailments: 0, prepaymentCharges: 1 },
      classes: { A: { kind: 'floating', margni: 0.01 }, R: { kind: 'residual', cusp: 'x' } },
      list: [{ rate: 1, rat: 2 }],
      colour: 1,
    };
    const found = details(input).filter((d) => d.message.startsWith('unknown'));
    expect(found).toEqual([
      {
        file: 'f.json',
        field: 'totals.prepaymentCharge',
        message: 'unknown field "prepaymentCharge"',
        expected: 'a known field (did you mean "prepaymentCharges"?)',
      },
      expect.objectContaining({
        field: 'classes.A.margni',
        expected: 'a known field (did you mean "margin"?)',
      }),
      expect.objectContaining({
        field: 'classes.R.cusp',
        expected: 'a known field (did you mean "cusip"?)',
      }),
      expect.objectContaining({
        field: 'list[0].rat',
        expected: 'a known field (did you mean "rate"?)',
      }),
      expect.objectContaining({ field: 'colour', expected: 'one of totals, classes, list' }),
    ]);
  });
  it('names the field of other problems', () => {
    expect(details({ classes: { A: { kind: 'floating', margin: 'x' } } })).toEqual([
      expect.objectContaining({ file: 'f.json', field: 'classes.A.margin' }),
    ]);
  });
  it('writes paths with indices', () => {
    expect(fieldName(['scenarios', 3, 'prepayment', 'cpr'])).toBe('scenarios[3].prepayment.cpr');
    expect(fieldName([])).toBe('(root)');
  });
});
