import { describe, expect, it } from 'vitest';
import { data } from '../lib/data/index.ts';
import type { GraphicRef } from '../lib/graphic.ts';
import { textWidth } from '../lib/text-metrics.ts';
import { defaultFrameHeight, DOC_WIDTH, exportState } from './export.ts';

const map = (states: Record<string, unknown>): GraphicRef =>
  ({ id: 'm', file: 'content/x/01.mdx', spec: { kind: 'map', title: '通辽市的旗县区', states } }) as unknown as GraphicRef;

const chart: GraphicRef = {
  id: 'growth',
  file: 'content/x/02.mdx',
  spec: {
    kind: 'line',
    title: '规上工业增加值增速',
    series: [{ id: 'actual', indicator: 'industrial-va-growth', kind: 'growth' }],
    states: { latest: {} },
  },
} as unknown as GraphicRef;

/** The 13 px `<text>` items of the download (the legend's), in document order: x, the text, where. */
function legendTexts(svg: string): { x: number; text: string; at: number }[] {
  return [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" font-size="13"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    text: m[2] as string,
    at: m.index,
  }));
}

describe('exportState()', () => {
  it('dispatches by family: a map prints its source line under the embed, a chart draws its own', () => {
    const withProjects = exportState(map({ p: { camera: 'city', projects: 'all' } }), 'p', data());
    expect(withProjects.family).toBe('map');
    expect(withProjects.sourceLine).toMatch(/^数据来源：《/);
    expect(withProjects.footLines).toEqual([withProjects.sourceLine]);
    // A map of places only has no article behind it: nothing more under the embed.
    const places = exportState(map({ a: { camera: 'city' } }), 'a', data());
    expect(places.sourceLine).toBe('');
    expect(places.footLines).toEqual([]);
    const c = exportState(chart, 'latest', data());
    expect(c.family).toBe('chart');
    expect(c.sourceLine).toMatch(/^数据来源：《/);
    expect(c.footLines).toEqual([]);
  });

  it('gives the frame room for each line the embed page adds under the graphic', () => {
    const withProjects = exportState(map({ p: { camera: 'city', projects: 'all' } }), 'p', data());
    const places = exportState(map({ a: { camera: 'city' } }), 'a', data());
    expect(withProjects.width).toBe(places.width);
    const drawing = (e: typeof places) => Math.round((e.height * 640) / e.width / 10) * 10;
    expect(defaultFrameHeight(places) - drawing(places)).toBe(80);
    expect(defaultFrameHeight(withProjects) - drawing(withProjects)).toBe(120);
  });

  it('lays the map legend out by the texts’ measured widths: 14 px between items, none past the margin', () => {
    const e = exportState(map({ n: { camera: 'city', choropleth: { projects: 'count' }, projects: 'all' } }), 'n', data());
    const texts = legendTexts(e.svg);
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) expect(t.x + textWidth(t.text, 13), t.text).toBeLessThanOrEqual(DOC_WIDTH - 20 + 0.5);
    // The choropleth's swatches: each starts 14 px after the text before it ends (its title, or the
    // previous bin's label, such as "0–2", whose digits are narrower than a Han character).
    const swatches = [...e.svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="13" height="13"/g)];
    expect(swatches.length).toBeGreaterThan(2);
    for (const m of swatches) {
      const x = Number(m[1]);
      const before = texts.filter((t) => t.at < m.index).at(-1)!;
      expect(x - (before.x + textWidth(before.text, 13)), `${before.text} → swatch at ${x}`).toBeCloseTo(14, 0);
    }
  });

  it('names the graphic and the state it lacks', () => {
    expect(() => exportState(chart, 'nope', data())).toThrow(
      /content\/x\/02\.mdx: graphic "growth" has no state "nope"; its states: latest/,
    );
  });
});
