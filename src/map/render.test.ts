import { describe, expect, it } from 'vitest';
import { resolveMapState } from './model.ts';
import { legendCircleMarkup, mapDefsMarkup, mapSceneMarkup, mapSceneSvg } from './render.ts';
import { mapLegend, mapScene } from './scene.ts';
import { MAP_SIZES } from './style.ts';
import { fixture, fixtureSpec } from './test-fixture.ts';

const spec = fixtureSpec;
const scenes = Object.keys(spec.states).map((s) => mapScene(resolveMapState(spec, s, fixture)));
const tags = (svg: string, tag: string) => [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) => m[1] as string);
const attr = (a: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(a)?.[1];
/** The elements after the geometry group, by tag and data-marker: what both modes must draw alike. */
const marks = (svg: string) =>
  [...svg.slice(svg.indexOf('</g>', svg.indexOf('data-key="geometry"'))).matchAll(/<(circle|line|text)\b([^>]*)>([^<]*)/g)].map(
    (m) => `${m[1]}|${attr(m[2] as string, 'data-marker') ?? ''}|${attr(m[2] as string, 'x') ?? attr(m[2] as string, 'cx') ?? ''}|${m[3]}`,
  );

describe('one renderer, two ways to carry the geometry', () => {
  it('refs: every piece of geometry is a <use> of the page’s shared defs, which hold each once', () => {
    const defs = mapDefsMarkup();
    const ids = tags(defs, '(?:path|rect)').map((a) => attr(a, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of tags(defs, 'path')) expect(attr(a, 'vector-effect')).toBe('non-scaling-stroke');
    for (const s of scenes) {
      const svg = mapSceneMarkup(s, { geometry: 'refs' });
      expect(svg).not.toMatch(/\sd="/);
      const used = tags(svg, 'use').map((a) => attr(a, 'href'));
      expect(used).toHaveLength(s.geometry.length);
      for (const h of used) expect(ids).toContain(h?.slice(1));
    }
  });

  it('inline: no references, no ids, strokes divided by the camera’s scale (no non-scaling-stroke)', () => {
    for (const s of scenes) {
      const svg = mapSceneSvg(s);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 600 600" width="600" height="600" font-family="/);
      expect(svg).not.toMatch(/<use|href=|\sid=|vector-effect/);
      const borders = tags(svg, 'path').find((a) => attr(a, 'stroke') === '#b9b09a')!;
      expect(Number(attr(borders, 'stroke-width'))).toBeCloseTo(MAP_SIZES.countyBorder / s.transform.k, 2);
    }
  });

  it('inline texts carry all their attributes (the PNG exports outline text element by element)', () => {
    for (const s of scenes)
      for (const a of tags(mapSceneSvg(s), 'text')) {
        expect(attr(a, 'font-size'), a).toBeDefined();
        expect(attr(a, 'fill'), a).toBeDefined();
        expect(attr(a, 'text-anchor'), a).toBe('middle');
        expect(attr(a, 'dominant-baseline'), a).toBe('central');
      }
  });

  it('both ways draw the same circles, lines and texts in the same order', () => {
    let n = 0;
    for (const s of scenes) {
      const page = marks(mapSceneMarkup(s, { geometry: 'refs' }));
      n += page.length;
      expect(marks(mapSceneSvg(s))).toEqual(page);
    }
    expect(n).toBeGreaterThan(50);
  });

  it('legend circles are painted as the map’s circles', () => {
    const legend = mapLegend(resolveMapState(spec, 'city', fixture));
    const hollow = legendCircleMarkup(legend.circles!.items.at(-1)!);
    expect(hollow).toContain(`r="${MAP_SIZES.markerMin}"`);
    expect(hollow).toContain('fill-opacity="0"');
  });
});
