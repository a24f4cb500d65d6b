import { describe, expect, it } from 'vitest';
import { positionsIn, positionWithin } from './position.ts';

describe('positionsIn()', () => {
  const at = positionsIn('ab\ncd\n\nef');
  it('gives 1-based lines and columns', () => {
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(1)).toEqual({ line: 1, column: 2 });
    expect(at(2)).toEqual({ line: 1, column: 3 }); // the newline itself ends line 1
    expect(at(3)).toEqual({ line: 2, column: 1 });
    expect(at(6)).toEqual({ line: 3, column: 1 });
    expect(at(8)).toEqual({ line: 4, column: 2 });
  });
  it('clamps offsets outside the text', () => {
    expect(at(-5)).toEqual({ line: 1, column: 1 });
    expect(at(999)).toEqual({ line: 4, column: 3 });
  });
  it('counts a CRLF file by its LF', () => {
    expect(positionsIn('a\r\nb')(3)).toEqual({ line: 2, column: 1 });
  });
});

describe('positionWithin()', () => {
  it('shifts columns on the first line only', () => {
    expect(positionWithin('xyz\nabc', 1, { line: 10, column: 5 })).toEqual({ line: 10, column: 6 });
    expect(positionWithin('xyz\nabc', 5, { line: 10, column: 5 })).toEqual({ line: 11, column: 2 });
  });
});
