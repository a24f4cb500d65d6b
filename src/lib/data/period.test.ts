import { describe, expect, it } from 'vitest';
import { isPeriod, parsePeriod, periodMidYear } from './period.ts';

describe('parsePeriod()', () => {
  it.each([
    ['2024', 'year', '2024-01-01', '2024-12-31', '2024年'],
    ['2025Q1', 'quarter', '2025-01-01', '2025-03-31', '2025年一季度'],
    ['2025Q1-Q3', 'quarters', '2025-01-01', '2025-09-30', '2025年前三季度'],
    ['2025Q1-Q2', 'quarters', '2025-01-01', '2025-06-30', '2025年上半年'],
    ['2022H1', 'half', '2022-01-01', '2022-06-30', '2022年上半年'],
    ['2022-10', 'month', '2022-10-01', '2022-10-31', '2022年10月'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29', '2024年2月'],
    ['2021-09-25', 'day', '2021-09-25', '2021-09-25', '2021年9月25日'],
    ['2021/2024', 'range', '2021-01-01', '2024-12-31', '2021—2024年'],
    ['2022-10-31/2022-11-02', 'range', '2022-10-31', '2022-11-02', '2022年10月31日—11月2日'],
    ['2024-03/2024-12', 'range', '2024-03-01', '2024-12-31', '2024年3月—12月'],
    ['2021/', 'since', '2021-01-01', null, '2021年以来'],
    ['FYP14', 'plan', '2021-01-01', '2025-12-31', '“十四五”时期'],
    ['FYP14/', 'since', '2021-01-01', null, '“十四五”以来'],
    ['current', 'current', null, null, '截至原报道'],
  ])('%s is a %s from %s to %s, labelled %s', (raw, type, start, end, label) => {
    const p = parsePeriod(raw);
    expect(p).toMatchObject({ raw, type, start, end, label });
  });

  it.each([
    ['2024 ', 'invalid period "2024 ": leading or trailing spaces'],
    ['2024Q5', 'invalid period "2024Q5": unrecognised form'],
    ['2023-02-29', 'invalid period "2023-02-29": day 29 does not exist in 2023-02'],
    ['2022-13', 'invalid period "2022-13": month 13 is out of range'],
    ['2024/2021', 'invalid period "2024/2021": the range ends before it starts'],
    ['十四五', 'invalid period "十四五": unrecognised form'],
  ])('rejects %j with a message naming the string', (raw, message) => {
    expect(() => parsePeriod(raw)).toThrow(message);
    expect(isPeriod(raw)).toBe(false);
  });
});

describe('periodMidYear()', () => {
  it('places a year at its middle and a quarter within its year', () => {
    expect(periodMidYear(parsePeriod('2024'))).toBeCloseTo(2024.5, 2);
    expect(periodMidYear(parsePeriod('2025Q1'))).toBe(2025.125);
    expect(periodMidYear(parsePeriod('2025Q1-Q3'))).toBe(2025.375);
    expect(periodMidYear(parsePeriod('2022H2'))).toBe(2022.75);
  });
  it('gives open-ended periods no position', () => {
    expect(periodMidYear(parsePeriod('2021/'))).toBeNull();
    expect(periodMidYear(parsePeriod('current'))).toBeNull();
  });
});
