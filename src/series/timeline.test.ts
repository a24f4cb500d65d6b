import { describe, expect, it } from 'vitest';
import { monthIndex, timelineLayout } from './timeline.ts';

const round = (n: number) => Math.round(n * 100) / 100;

describe('timelineLayout()', () => {
  it('spans whole years and puts a dot in the middle of its month', () => {
    const t = timelineLayout(
      [
        { id: 'a', date: '2022-11' },
        { id: 'b', date: '2025-03' },
      ],
      { width: 480, minGap: 10 },
    );
    expect(t.ticks.map((k) => [k.year, round(k.x)])).toEqual([
      [2022, 0],
      [2023, 120],
      [2024, 240],
      [2025, 360],
      [2026, 480],
    ]);
    expect(t.items.map((i) => round(i.x))).toEqual([105, 385]);
    expect(t.items.map((i) => i.lane)).toEqual([0, 0]);
    expect(t.lanes).toBe(1);
  });

  it('stacks dots closer than minGap into further lanes, reusing a lane once there is room', () => {
    // 12 units per month: March and April are 12 apart, June 36 from March, November twice.
    const t = timelineLayout(
      [
        { id: 'mar', date: '2025-03' },
        { id: 'apr', date: '2025-04' },
        { id: 'jun', date: '2025-06' },
        { id: 'nov1', date: '2025-11' },
        { id: 'nov2', date: '2025-11' },
      ],
      { width: 144, minGap: 20 },
    );
    expect(Object.fromEntries(t.items.map((i) => [i.id, i.lane]))).toEqual({ mar: 0, apr: 1, jun: 0, nov1: 0, nov2: 1 });
    expect(t.lanes).toBe(2);
  });

  it('keeps the input order and assigns lanes in date order', () => {
    const t = timelineLayout(
      [
        { id: 'late', date: '2025-04' },
        { id: 'early', date: '2025-03' },
      ],
      { width: 144, minGap: 20 },
    );
    expect(t.items.map((i) => [i.id, i.lane])).toEqual([
      ['late', 1],
      ['early', 0],
    ]);
  });

  it('rejects dates it cannot place', () => {
    expect(() => monthIndex('2025')).toThrow('invalid timeline date: 2025 (use YYYY-MM)');
    expect(() => monthIndex('2025-13')).toThrow('month out of range');
    expect(() => timelineLayout([], { width: 100, minGap: 1 })).toThrow('at least one item');
  });
});
