import { describe, expect, it } from 'vitest';
import { cutPoints, spread } from '../../scripts/lib/cuts.ts';

describe('cutPoints', () => {
  const html = '<p>据报道，地区生产总值为<a>1686亿元</a>。</p>';
  it('cuts after every tag and after a Chinese comma or full stop, within the range', () => {
    // each cut as the text just before it
    const at = cutPoints(html, 0, html.length).map((i) => html.slice(Math.max(0, i - 4), i));
    expect(at).toEqual(['<p>', '据报道，', '为<a>', '</a>', '/a>。', '</p>']);
  });
  it('keeps to the range and refuses one that is not', () => {
    expect(cutPoints(html, 4, 8)).toEqual([7]);
    expect(() => cutPoints(html, 5, 2)).toThrow(/no range/);
  });
});

describe('spread', () => {
  it('takes n points evenly, the first included, or all when there are fewer', () => {
    expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
    expect(spread([1, 2], 5)).toEqual([1, 2]);
    expect(() => spread([1], 0)).toThrow(/at least 1/);
  });
});
