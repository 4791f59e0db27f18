import { describe, expect, it } from 'vitest';
import { TrusteeError } from '../errors/catalogue.ts';
import { parseJsonDocument } from './jsonDocument.ts';

const kind = { code: 'INVALID_DEAL', what: 'deal file' } as const;

function refusal(text: string): TrusteeError {
  try {
    parseJsonDocument(text, 'd.json', kind);
  } catch (error) {
    expect(error).toBeInstanceOf(TrusteeError);
    return error as TrusteeError;
  }
  throw new Error('accepted');
}

describe('parseJsonDocument', () => {
  it('reads JSON as JSON.parse does', () => {
    const text = '{"a": [1, 2.5, "x", true, null, {"b": {}}], "c": -0.01}';
    expect(parseJsonDocument(text, 'd.json', kind)).toEqual(JSON.parse(text));
    expect(parseJsonDocument('\uFEFF[]', 'd.json', kind)).toEqual([]);
  });
  it('refuses every duplicate key, naming its path and lines', () => {
    const error = refusal(
      '{\n "classes": {\n  "M-3": {"margin": 0.02},\n  "M-3": {"margin": 0.03}\n },\n "x": [{"k": 1, "k": 2}]\n}',
    );
    expect(error.code).toBe('INVALID_DEAL');
    expect(error.details).toEqual([
      expect.objectContaining({ file: 'd.json', line: 4, field: 'classes.M-3' }),
      expect.objectContaining({ file: 'd.json', line: 6, field: 'x[0].k' }),
    ]);
    expect(error.details[0]!.message).toBe('duplicate key "M-3" (first on line 3)');
  });
  it('refuses __proto__ and the other reserved keys rather than build them', () => {
    const error = refusal('{"a": {"__proto__": {"polluted": true}}, "constructor": 1}');
    expect(error.details.map((d) => d.field)).toEqual(['a.__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('names the line of a syntax error', () => {
    const error = refusal('{\n "a": 1,\n}');
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.details[0]).toMatchObject({ file: 'd.json', line: 3 });
  });
});
