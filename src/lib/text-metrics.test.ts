import { describe, expect, it } from 'vitest';
import { boxesOverlap, textWidth } from './text-metrics.ts';

describe('textWidth', () => {
  it('estimates per character, or a full em for every character when asked (the map’s names)', () => {
    expect(textWidth('科尔沁区', 19)).toBe(76);
    expect(textWidth('12', 10)).toBeCloseTo(12, 9);
    expect(textWidth('12', 10, 400, { fullWidth: true })).toBe(20);
    expect(textWidth('12', 10, 700, { fullWidth: true })).toBeCloseTo(21, 9);
  });
});

describe('boxesOverlap', () => {
  const a = { x0: 0, y0: 0, x1: 10, y1: 10 };
  it('needs shared area: touching edges do not overlap', () => {
    expect(boxesOverlap(a, { x0: 5, y0: 5, x1: 15, y1: 15 })).toBe(true);
    expect(boxesOverlap(a, { x0: 10, y0: 0, x1: 20, y1: 10 })).toBe(false);
    expect(boxesOverlap(a, { x0: 0, y0: 11, x1: 10, y1: 20 })).toBe(false);
  });
});
