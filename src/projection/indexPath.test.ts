import { beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { dealContext } from './dealContext.ts';
import { fillIndexPath, scenarioIndexPaths } from './indexPath.ts';
import type { ProjectionContext } from './projectionContext.ts';
import { parseScenario } from './scenarioFile.ts';

let ctx: ProjectionContext;
beforeAll(async () => {
  ctx = await dealContext(resolveDeal('nchet-2002-1'));
});

describe("a scenario's index fixings", () => {
  it('are the path rounded to 1e-10 on each determination date, made once per path', () => {
    const flat = parseScenario({ index: { flat: 1.9, history: false } });
    const { fixings } = scenarioIndexPaths(ctx.calendar, flat);
    expect(fixings).toHaveLength(ctx.calendar.months);
    expect(fixings[0]).toEqual({
      rate: 0.019,
      determinationDate: ctx.calendar.determinationDates[1],
    });
    // Another scenario with the same path shares them; another path has its own.
    const again = parseScenario({ name: 'other', index: { flat: 1.9, history: false } });
    expect(scenarioIndexPaths(ctx.calendar, again).fixings).toBe(fixings);
    const higher = parseScenario({ index: { flat: 2.1, history: false } });
    expect(scenarioIndexPaths(ctx.calendar, higher).fixings[0]!.rate).toBe(0.021);
    expect(Object.isFrozen(fixings) && Object.isFrozen(fixings[0])).toBe(true);
  });
  it('follow the calendar: history where the table has it, the last fixing after', () => {
    const { fixings } = scenarioIndexPaths(ctx.calendar, parseScenario({}));
    const path = new Float64Array(ctx.calendar.months + 1);
    fillIndexPath(path, ctx.calendar, undefined);
    fixings.forEach((f, k) => expect(f.rate).toBe(Math.round(path[k + 1]! * 1e10) / 1e10));
  });
});
