import { describe, expect, it } from 'vitest';
import { trustee } from '../support/cli.ts';

describe('trustee serve (end to end through the CLI)', () => {
  it('refuses job limits that are not counts before it opens anything', () => {
    const running = trustee(['serve', '--max-running', '0']);
    expect(running.status).not.toBe(0);
    expect(running.stderr).toContain('INVALID_INPUT: bad --max-running 0');
    expect(running.stderr).toContain('expected an integer >= 1');
    const queued = trustee(['serve', '--max-queued', 'many']);
    expect(queued.status).not.toBe(0);
    expect(queued.stderr).toContain('field --max-queued');
  });
});
