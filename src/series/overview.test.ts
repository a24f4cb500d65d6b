import { describe, expect, it } from 'vitest';
import { fixture } from '../map/test-fixture.ts';
import { MAP_STYLE } from '../map/style.ts';
import { seriesMapSvg, shortTitle, storyNumber, timelineSvg } from './overview.ts';

describe('storyNumber() and shortTitle()', () => {
  it('numbers stories ①… and falls back to digits', () => {
    expect([0, 5, 9, 10].map(storyNumber)).toEqual(['①', '⑥', '⑩', '11']);
  });
  it('takes the headline up to the full-width colon', () => {
    expect(shortTitle('通辽工业五年：从负增长到一季度新高')).toBe('通辽工业五年');
    expect(shortTitle('没有冒号的标题')).toBe('没有冒号的标题');
  });
});

describe('timelineSvg()', () => {
  it('draws one numbered dot per item and a label per year, at the requested width', () => {
    const svg = timelineSvg(
      [
        { id: 'a', date: '2022-11' },
        { id: 'b', date: '2025-03' },
        { id: 'c', date: '2025-03' },
      ],
      380,
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 380 \d+"/);
    expect([...svg.matchAll(/<circle /g)]).toHaveLength(3);
    expect([...svg.matchAll(/>(\d)<\/text>/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    expect([...svg.matchAll(/>(\d{4})年<\/text>/g)].map((m) => m[1])).toEqual(['2022', '2023', '2024', '2025']);
    // The two March items share a month: the second is stacked above the first.
    const cy = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cy[2]).toBeLessThan(cy[1] as number);
    expect(cy[0]).toBe(cy[1]);
  });
});

describe('seriesMapSvg()', () => {
  it("shades counties by how many stories look at them and labels them with the stories' numbers", () => {
    const { svg, byCounty } = seriesMapSvg([['150502', '150526'], ['etdz'], []], fixture);
    expect(byCounty.get('150502')).toEqual([0, 1]);
    expect(svg).toContain('>①②</text>');
    expect(svg).toContain('>①</text>');
    // Most-looked-at county in the darkest shade used, a county no story looks at in plain land.
    expect(svg).toContain(`fill="${MAP_STYLE.sequential[3]}"`);
    expect(svg).toContain(`fill="${MAP_STYLE.land}"`);
    expect(svg).not.toContain('<use');
    expect(svg).not.toContain(' id=');
  });
});
