import { describe, expect, it } from 'vitest';
import { left, line, right } from './layout.ts';

describe('line', () => {
  it('places left text at its column and right text ending before its column', () => {
    expect(line(left(0, 'A'), right(32, '160,369,748.35'), right(50, '138,643.32'))).toBe(
      'A                 160,369,748.35        138,643.32',
    );
    expect(line(left(13, 'On'), left(20, '25-Apr-02'))).toBe('             On     25-Apr-02');
  });

  it('pushes an overlapping cell one space right and drops trailing spaces and empty cells', () => {
    expect(line(left(0, 'LONG LABEL'), right(5, '123'))).toBe('LONG LABEL 123');
    expect(line(left(0, 'x'), left(10, ''))).toBe('x');
  });
});
