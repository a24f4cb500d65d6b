import { describe, expect, it } from 'vitest';
import { numbersIn, printedMatches } from './printed.ts';

describe('printedMatches()', () => {
  it.each([
    [1686, '1686亿元', true],
    [1500, '超1500个', true],
    [-1.2, '-1.2%', true],
    [-1.2, '−1.2%', true],
    [1000, '近千亿元', true],
    [20000, '2万余户', true],
    [1.58, '1.58万人', true],
    [15800, '1.58万人', true],
    [1, '突破万元', true],
    [3500, '三千五百', true],
    [102, '102 万吨', true],
    [1668, '1686亿元', false],
    [168.6, '1686亿元', false],
    [7, '增长6%以上', false],
  ])('%s in %j → %s', (value, printed, ok) => {
    expect(printedMatches(value, printed)).toBe(ok);
  });

  it('reads fractions as a ratio and a percentage', () => {
    expect(numbersIn('1/3')).toEqual(expect.arrayContaining([1, 3]));
    expect(printedMatches(100 / 3, '1/3')).toBe(true);
  });
});
