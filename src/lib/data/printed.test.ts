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

  // issue 15: a scale applies only when the print shows it, converted to the dataset's unit exactly
  it.each([
    [1686, '1686亿元', '亿元', true],
    [16_860_000, '1686亿元', '亿元', false], // ×10⁴ that nothing printed implies
    [0.1686, '1686亿元', '亿元', false], // ×10⁻⁴
    [168_600_000_000, '1686亿元', '元', true],
    [15_800, '1.58万人', '人', true],
    [1.58, '1.58万人', '万人', true],
    [1.58, '1.58万人', '人', false], // 1.58 people
    [158, '158个', '个', true],
    [1_580_000, '158个', '个', false],
    [0.0158, '158个', '个', false],
    [23_000, '2.3万亿元', '亿元', true],
    [2.3, '2.3万亿元', '亿元', false],
    [0.5, '5000万元', '亿元', true],
    [20_000, '2万余户', '户', true],
    [1000, '近千亿元', '亿元', true],
    [1, '突破万元', '万元', true],
    [8.4, '增长8.4%', '%', true],
    [84_000, '增长8.4%', '%', false],
    [350, '350万千瓦', '万千瓦', true],
    [3_500_000, '350万千瓦', '千瓦', true],
  ])('%s in %j (%s) → %s', (value, printed, unit, ok) => {
    expect(printedMatches(value, printed, unit)).toBe(ok);
  });

  it('without a unit, a number is scaled only by the magnitude printed after it', () => {
    expect(printedMatches(15_860_000, '1586个')).toBe(false);
    expect(printedMatches(0.1586, '1586个')).toBe(false);
    expect(printedMatches(15_800, '1.58万人')).toBe(true);
  });
});
