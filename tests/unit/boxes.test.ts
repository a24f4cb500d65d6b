import { describe, expect, it } from 'vitest';
import { overlap } from '../site/boxes.ts';

describe('overlap (the stories test: a step card over a map legend or note)', () => {
  const legend = { top: 560, bottom: 600, left: 16, right: 374 };
  it('finds a card that covers part of a legend', () => {
    expect(overlap({ top: 590, bottom: 700, left: 16, right: 374 }, legend)).toBe(true);
    expect(overlap({ top: 500, bottom: 700, left: 300, right: 380 }, legend)).toBe(true);
  });
  it('passes a card below, beside, or touching the edge', () => {
    expect(overlap({ top: 608, bottom: 700, left: 16, right: 374 }, legend)).toBe(false);
    expect(overlap({ top: 600, bottom: 700, left: 16, right: 374 }, legend)).toBe(false);
    expect(overlap({ top: 500, bottom: 700, left: 374, right: 390 }, legend)).toBe(false);
  });
});
