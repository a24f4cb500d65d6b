import { describe, expect, it } from 'vitest';
import { parseGmtSegments } from './gmt-rivers.ts';

describe('parseGmtSegments()', () => {
  it('reads one line per "> " segment and drops single points', () => {
    const text = '> River Bin # 1, Level 2\n121\t43\n121.5\t43.2\n> River Bin # 2, Level 2\n122 44\n> x\n123\t44\n123.1\t44.1\n';
    expect(parseGmtSegments(text).coordinates).toEqual([
      [
        [121, 43],
        [121.5, 43.2],
      ],
      [
        [123, 44],
        [123.1, 44.1],
      ],
    ]);
  });

  it('rejects text that is not lon/lat pairs', () => {
    expect(() => parseGmtSegments('> a\n121 north\n')).toThrow(/not a "lon lat" line/);
    expect(() => parseGmtSegments('121 43\n')).toThrow(/before the first ">"/);
  });
});
