/**
 * The downloads of every graphic state (issue 16), from the test build: the PNGs are 1200 and 2400 px
 * wide (every one) and decode (resvg reads them back and finds ink; one state per graphic kind) with the SVG's proportions; the SVG they were drawn from
 * carries, as text, the graphic's title, its source line and the dataset version (the PNGs draw that
 * text as outlines, so the check reads the SVG that produced them); the CSV has the table's rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { pngSize } from '../../src/og/image.ts';
import { TEST_DIST } from '../../scripts/lib/browser.ts';
import { embedPages, embedSample } from './pages.ts';

const EMBEDS = embedPages();
/** Decoding 2400 px PNGs is slow: every PNG's header is checked, one state per graphic kind is decoded. */
const DECODED = new Set(embedSample());
const ds = JSON.parse(readFileSync('data/tongliao.json', 'utf8')) as { id: string; version: string };

/** The text content of an SVG document, entities decoded. */
const svgText = (svg: string) =>
  [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)]
    .map((m) =>
      (m[1] as string)
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'"),
    )
    .join('\n');

describe('downloads of every graphic state', () => {
  it('covers every embed page', () => {
    expect(EMBEDS.length).toBeGreaterThan(50);
  });

  it.each(EMBEDS)('%s: PNGs decode at 1200 and 2400 px wide; the SVG has title, source line and version', (path) => {
    const dir = join(TEST_DIST, path);
    const svg = readFileSync(join(dir, 'graphic.svg'), 'utf8');
    const page = readFileSync(join(dir, 'index.html'), 'utf8');
    const text = svgText(svg);
    const [w, h] = (/viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg) ?? []).slice(1).map(Number) as [number, number];
    // what the page says is drawn in: the title, the articles of its source line, the dataset version
    const title = /<title>([^<|]*?) \|/.exec(page)?.[1];
    expect(title).toBeTruthy();
    expect(text.replace(/\n/g, '')).toContain(title!);
    const articles = [...new Set([...page.matchAll(/《([^》]+)》(?:<\/cite><\/a>)?（约/g)].map((m) => m[1] as string))];
    if (articles.length > 0) expect(text).toMatch(/^数据来源：/m);
    // a map of places only cites no article: its credit line (boundaries, rivers) is drawn in instead
    else
      expect(
        page.includes('class="story-map ') && text.replace(/\n/g, '').includes('边界：高德地图数据'),
        `${path}: no source line and not a map`,
      ).toBe(true);
    for (const a of articles) expect(text.replace(/\n/g, ''), `${path}: source 《${a}》 drawn in`).toContain(`《${a}》`);
    expect(text).toContain(`数据集 ${ds.id} v${ds.version}`);
    for (const [file, width] of [
      ['graphic.png', 1200],
      ['graphic@2x.png', 2400],
    ] as const) {
      const png = readFileSync(join(dir, file));
      const size = pngSize(png);
      expect(size.width, file).toBe(width);
      expect(Math.abs(size.height - (h * width) / w), `${file} keeps the SVG's proportions`).toBeLessThanOrEqual(1);
      if (!DECODED.has(path)) continue;
      // resvg decodes it as an image: a document with the PNG inside renders to the same size
      const doc = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><image width="${size.width}" height="${size.height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
      const back = new Resvg(doc).render();
      expect([back.width, back.height]).toEqual([size.width, size.height]);
      // and the image is not blank: it has dark (text) pixels
      const px = back.pixels;
      let dark = 0;
      for (let i = 0; i < px.length; i += 4 * 97) if (px[i]! < 80 && px[i + 1]! < 80 && px[i + 2]! < 80 && px[i + 3]! > 200) dark++;
      expect(dark, `${file} has ink`).toBeGreaterThan(10);
    }
    const csv = readFileSync(join(dir, 'data.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = (page.match(/<tr><th scope="row">/g) ?? []).length;
    expect(
      csv.split('\r\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('"#') && !l.startsWith('\uFEFF')).length,
      `${path}: a CSV line per table row`,
    ).toBeGreaterThanOrEqual(rows);
    expect(csv).toContain(`# 数据集 ${ds.id} v${ds.version}`);
  });
});
