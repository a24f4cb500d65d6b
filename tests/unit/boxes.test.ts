import { describe, expect, it } from 'vitest';
import { labelProblems, overlap, tallCards } from '../site/boxes.ts';

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

describe('labelProblems (labels of a rendered chart or map state)', () => {
  const bounds = { top: 0, bottom: 200, left: 0, right: 300 };
  const at = (text: string, left: number, top: number, w = 40, h = 16) => ({ text, box: { top, bottom: top + h, left, right: left + w } });
  it('finds two labels that overlap, and a label that leaves the graphic', () => {
    expect(labelProblems({ where: '#s', bounds, labels: [at('目标8%', 100, 50), at('8.6%', 130, 52), at('2024', 270, 100)] })).toEqual([
      '#s: labels "目标8%" and "8.6%" overlap',
      '#s: label "2024" leaves the graphic by 10 px',
    ]);
  });
  it('counts only the part of an overlap inside the graphic', () => {
    expect(labelProblems({ where: '#m', bounds, labels: [at('科尔沁区', 290, 50), at('开发区', 305, 52)] })).toEqual([
      '#m: label "科尔沁区" leaves the graphic by 30 px',
      '#m: label "开发区" leaves the graphic by 45 px',
    ]);
  });
  it('passes labels side by side, touching, or within a pixel of the edge; ignores empty ones', () => {
    expect(
      labelProblems({
        where: '#s',
        bounds,
        labels: [at('a', 100, 50), at('b', 140, 50), at('c', 100, 66), at('d', 260.8, 0), at('', 100, 50)],
      }),
    ).toEqual([]);
  });
});

describe('tallCards (step cards on a phone)', () => {
  it('reports cards taller than half the viewport, and only those', () => {
    expect(
      tallCards(
        [
          { step: 'a', height: 333 },
          { step: 'b', height: 334 },
          { step: 'c', height: 120 },
        ],
        667,
      ),
    ).toEqual(['#b: card 334 px > 333.5 px (half of 667)']);
  });
});
