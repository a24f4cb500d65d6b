import { describe, expect, it } from 'vitest';
import { formatNumber, formatObservation, formatRange, formatValue, scaleUnit } from './format.ts';

describe('formatValue()', () => {
  it.each([
    // value, unit, options, expected
    [1686, '亿元', {}, '1686亿元'],
    [393.64, '亿元', {}, '393.64亿元'],
    [2457.4, '亿元', {}, '2457.4亿元'],
    [1410, '万千瓦', {}, '1410万千瓦'],
    [269.9, '万吨', {}, '269.9万吨'],
    [8.4, '%', {}, '8.4%'],
    [-1.2, '%', {}, '\u22121.2%'],
    [6.3, '个百分点', {}, '6.3个百分点'],
    [609, '个', {}, '609个'],
    [313, '万亩', {}, '313万亩'],
    [147.44, '万亩', {}, '147.44万亩'],
    [43.57, '万人', {}, '43.57万人'],
    [15800, '人', {}, '1.58万人'],
    [12000, '元', {}, '1.2万元'],
    [250000000, '元', {}, '2.5亿元'],
    [25000, '万元', {}, '2.5亿元'],
    [1500, '个', { approx: 'over' }, '超1500个'],
    [5000, '次', { approx: 'nearly' }, '近5000次'],
    [7, '%', { approx: 'about' }, '约7%'],
    [60, '个', { approx: 'at-least' }, '60个以上'],
    [2000, '个', { approx: 'plus' }, '2000余个'],
    [1400, '万元', { approx: 'plus' }, '1400余万元'],
    [5.1, '%', { sign: true }, '+5.1%'],
    [0, '%', { sign: true }, '0%'],
  ] as const)('formatValue(%s, %s, %o) → %s', (value, unit, opts, expected) => {
    expect(formatValue(value, unit, opts)).toBe(expected);
  });
});

describe('formatNumber()', () => {
  it('rounds to two decimals and drops trailing zeros', () => {
    expect(formatNumber(2.355)).toBe('2.36');
    expect(formatNumber(20.80)).toBe('20.8');
    expect(formatNumber(1/3, { maxDecimals: 1 })).toBe('0.3');
  });
  it('never uses a thousands separator (Chinese newspaper style)', () => {
    expect(formatNumber(7955)).toBe('7955');
  });
  it('uses a true minus sign and no "-0"', () => {
    expect(formatNumber(-42.3)).toBe('\u221242.3');
    expect(formatNumber(-0.001)).toBe('0');
  });
  it('rejects non-finite numbers', () => {
    expect(() => formatNumber(Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[Error: invalid number: NaN]`);
  });
});

describe('scaleUnit()', () => {
  it('leaves units that have no larger form alone', () => {
    expect(scaleUnit(23456, '家')).toEqual({ value: 23456, unit: '家' });
  });
  it('keeps small counts in their unit', () => {
    expect(scaleUnit(9999, '人')).toEqual({ value: 9999, unit: '人' });
  });
});

describe('formatRange() / formatObservation()', () => {
  it('prints a range as printed: both ends, one unit', () => {
    expect(formatRange(1.5, 2, '个月')).toBe('1.5至2个月');
    expect(formatRange(2, 4, '亿元')).toBe('2至4亿元');
    expect(formatRange(5000, 20000, '人')).toBe('0.5至2万人');
  });
  it('formats an observation with a value or a range', () => {
    expect(formatObservation({ value: 1500, approx: 'over' }, '个')).toBe('超1500个');
    expect(formatObservation({ range: { low: 1.5, high: 2 } }, '个月')).toBe('1.5至2个月');
    expect(() => formatObservation({}, '个')).toThrow(/value or a range/);
  });
});
