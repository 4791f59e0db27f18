import { describe, expect, it } from 'vitest';
import { TrusteeError } from '../errors/catalogue.ts';
import { compileScenario, groupAssumptions } from './compileScenario.ts';
import { expandGrid, readGridFile, setPath } from './grid.ts';
import { parseScenario, readScenarioFile } from './scenarioFile.ts';
import { smmFromCpr } from './rates.ts';

function fields(json: unknown): string[] {
  try {
    parseScenario(json, 'scenario.json');
  } catch (error) {
    expect(error).toBeInstanceOf(TrusteeError);
    const e = error as TrusteeError;
    expect(e.code).toBe('INVALID_SCENARIO');
    return e.details.map((d) => `${d.file}:${d.field}`);
  }
  throw new Error('expected an error');
}

describe('scenario file', () => {
  it('takes the documented forms, with defaults', () => {
    const s = parseScenario({
      prepayment: { cpr: { ramp: { from: 4, to: 25, months: 12 } } },
      default: { cdr: 5 },
      severity: 40,
      recoveryLag: 12,
      arm: { prepayment: { psa: 200 } },
      index: { forward: [1.9, 2.1, 2.4], shockBps: 100 },
    });
    expect(s.price).toBe(100);
    expect(s.cleanUpCall).toBe(false);
    expect(groupAssumptions(s, 'fixed').prepayment).toEqual({
      cpr: { ramp: { from: 4, to: 25, months: 12, start: 1 }, by: 'month' },
    });
    expect(groupAssumptions(s, 'arm').prepayment).toEqual({ psa: 200 });
    expect(groupAssumptions(s, 'arm').severity).toBe(40);
  });

  it('names the field of each error', () => {
    expect(fields({ prepayment: { cpr: 120 } })).toEqual(['scenario.json:prepayment.cpr']);
    expect(fields({ severity: { vector: [10, 'x'] } })).toEqual([
      'scenario.json:severity.vector[1]',
    ]);
    expect(fields({ fixed: { recoveryLag: -1 } })).toEqual(['scenario.json:fixed.recoveryLag']);
    expect(fields({ cleanUpcall: true })).toEqual(['scenario.json:cleanUpcall']);
  });

  it('says which forms are expected when none fits', () => {
    try {
      parseScenario({ prepayment: { cprr: 5 } }, 'x.json');
      throw new Error('expected an error');
    } catch (error) {
      const detail = (error as TrusteeError).details[0]!;
      expect(detail.field).toBe('prepayment');
      expect(detail.message).toContain('"cpr"');
    }
  });

  it('compiles a CPR to the SMM table and a PSA ramp by loan age', () => {
    const s = parseScenario({ prepayment: { cpr: 25 }, arm: { prepayment: { psa: 100 } } });
    const c = compileScenario(s, 360, 10);
    expect(c.fixed.smm[1]).toBeCloseTo(smmFromCpr(0.25), 15);
    expect(c.fixed.smmByAge).toBe(0);
    expect(c.arm.smmByAge).toBe(1);
    expect(c.arm.smm[15]).toBeCloseTo(smmFromCpr(0.03), 15);
    expect(c.arm.smm[40]).toBeCloseTo(smmFromCpr(0.06), 15);
  });

  it('refuses a pool-level assumption indexed by loan age', () => {
    const s = parseScenario({ severity: { vector: [30, 40], by: 'age' } });
    expect(() => compileScenario(s, 360, 0)).toThrow(/severity cannot be indexed by loan age/);
  });
});

describe('grid of scenarios', () => {
  it('sets a path, replacing another form of a one-of field', () => {
    expect(setPath({ prepayment: { psa: 100 } }, 'prepayment.cpr', 20)).toEqual({
      prepayment: { cpr: 20 },
    });
    expect(setPath({ index: { flat: 2, history: false } }, 'index.vector', [1, 2])).toEqual({
      index: { vector: [1, 2], history: false },
    });
    expect(setPath({}, 'arm.default.cdr', 3)).toEqual({ arm: { default: { cdr: 3 } } });
  });

  it('expands every combination, the last path fastest, each named', () => {
    const grid = expandGrid({
      base: { severity: 40, cleanUpCall: true },
      vary: { 'prepayment.cpr': [10, 20], 'default.cdr': [0, 5, 10] },
    });
    expect(grid).toHaveLength(6);
    expect(grid[1]).toMatchObject({
      name: 'prepayment.cpr=10 default.cdr=5',
      prepayment: { cpr: 10 },
      default: { cdr: 5 },
      severity: 40,
      cleanUpCall: true,
    });
  });

  it('lays listed scenarios over the base', () => {
    const grid = expandGrid({
      base: { severity: 40, fixed: { recoveryLag: 6 } },
      scenarios: [{ name: 'slow' }, { name: 'fast', fixed: { prepayment: { cpr: 40 } } }],
    });
    expect(grid.map((s) => s.name)).toEqual(['slow', 'fast']);
    expect(grid[1]!.fixed).toEqual({ recoveryLag: 6, prepayment: { cpr: 40 } });
  });

  it('reports a bad value with the combination it came from', () => {
    expect(() => expandGrid({ vary: { 'prepayment.cpr': [10, 200] } }, 'grid.json')).toThrow(
      /grid\.json: the scenario prepayment\.cpr=200 is not valid\n.*grid\.json, field base\.prepayment\.cpr/,
    );
  });
});

describe('the example files of docs/projections.md', () => {
  const dir = new URL('./examples/', import.meta.url).pathname;
  it('are valid', () => {
    expect(readScenarioFile(`${dir}scenario.json`).name).toBe('base case, to call');
    expect(readGridFile(`${dir}grid.json`)).toHaveLength(24);
  });
});
