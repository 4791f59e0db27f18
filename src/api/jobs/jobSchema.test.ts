import { describe, expect, it } from 'vitest';
import { jobRegistry } from './jobRegistry.ts';
import { jobSchema } from './jobSchema.ts';

describe('jobSchema', () => {
  it('lists every field of a job (the serializer drops any it does not list)', () => {
    const job = jobRegistry().start('grid', 'nchet-2002-1', 1, async () => 'done');
    const fields = Object.keys(job).sort();
    expect(Object.keys(jobSchema.properties).sort()).toEqual(fields);
    expect([...jobSchema.required].sort()).toEqual(fields);
  });
});
