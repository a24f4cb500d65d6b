import { describe, expect, it } from 'vitest';
import { placeLabels, pointBox, type LabelRequest } from './labels.ts';
import { intersects, joinWords, textBox } from './text.ts';

const request = (
  key: string,
  x: number,
  y: number,
  prefer: LabelRequest['prefer'] = ['above', 'below', 'right', 'left'],
): LabelRequest => ({
  key,
  x,
  y,
  text: '八点四',
  size: 10,
  fill: '#000',
  clearance: 4,
  prefer,
});
const bounds = { x0: 0, y0: 0, x1: 200, y1: 100 };

describe('placeLabels()', () => {
  it('puts a label on its first preferred side when it is free', () => {
    const [label] = placeLabels([request('a', 100, 50)], [], bounds);
    expect(label).toMatchObject({ anchor: 'middle', x: 100 });
    expect(textBox(label!).y1).toBeLessThanOrEqual(50 - 4);
  });

  it('moves a label to the next side when the first is taken', () => {
    const [first, second] = placeLabels([request('a', 100, 50), request('b', 102, 52)], [], bounds);
    expect(intersects(textBox(first!), textBox(second!))).toBe(false);
    expect(textBox(second!).y0).toBeGreaterThan(52);
  });

  it('shifts a label sideways to stay inside the bounds at an edge', () => {
    const [label] = placeLabels([request('a', 2, 50)], [], bounds);
    expect(label).toMatchObject({ anchor: 'start' });
    expect(textBox(label!).x0).toBeGreaterThanOrEqual(0);
  });

  it('keeps clear of obstacles such as points', () => {
    const [label] = placeLabels([request('a', 100, 50, ['above', 'below'])], [pointBox(100, 38, 6)], bounds);
    expect(textBox(label!).y0).toBeGreaterThan(50);
  });
});

describe('joinWords()', () => {
  it.each([
    [['新高', '2025年一季度', '8.4%'], '新高 2025年一季度 8.4%'],
    [['一期还是全部？', '137.5亿元'], '一期还是全部？137.5亿元'],
    [['“最快”', '20.8%'], '“最快”20.8%'],
    [['目标'], '目标'],
  ])('%j → %s', (parts, expected) => {
    expect(joinWords(parts)).toBe(expected);
  });
});
