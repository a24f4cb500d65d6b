import { describe, expect, it } from 'vitest';
import { resolveMapState } from './model.ts';
import { mapLegend, mapScene } from './scene.ts';
import { MAP_SIZES, MAP_STYLE } from './style.ts';
import { fixture, fixtureSpec } from './test-fixture.ts';

const spec = fixtureSpec;
const model = (s: string) => resolveMapState(spec, s, fixture);

describe('mapScene: a resolved state as plain data', () => {
  it('lists the geometry in paint order, the state’s layers only, highlights last', () => {
    const full = mapScene(model('horqin')).geometry.map((g) => g.ref);
    expect(full.slice(0, 2)).toEqual(['backdrop', 'neighbours']);
    expect(full.slice(-4)).toEqual(['borders', 'rivers', 'outline', 'c-150502']);
    const bare = mapScene(model('bare')).geometry.map((g) => g.ref);
    expect(bare).not.toContain('backdrop');
    expect(bare).not.toContain('rivers');
    expect(bare.at(-1)).toBe('outline');
    const hl = mapScene(model('horqin')).geometry.at(-1);
    expect(hl).toEqual({ ref: 'c-150502', fill: 'none', stroke: MAP_STYLE.highlight, strokeWidth: MAP_SIZES.highlight, linejoin: 'round' });
  });

  it('paints the counties as the state says (highlight land, or the choropleth’s bins)', () => {
    const m = model('money');
    const fills = Object.fromEntries(mapScene(m).geometry.flatMap((g) => (g.fill && g.fill !== 'none' ? [[g.ref, g.fill]] : [])));
    expect(fills).toEqual(Object.fromEntries(Object.entries(m.fills).map(([c, f]) => [`c-${c}`, f])));
  });

  it('carries circles, leader lines and the names beside them, keyed by project', () => {
    const m = model('city');
    const s = mapScene(m);
    expect(s.markers.map((k) => k.id)).toEqual(m.markers.map((k) => k.id));
    expect(s.markers.find((k) => k.id === 'proj-c')?.hollow).toBe(true);
    expect(s.markerLabels?.texts.map((t) => t.marker).sort()).toEqual(
      m.markers
        .filter((k) => k.label)
        .map((k) => k.id)
        .sort(),
    );
    expect(s.leaders.map((l) => l.id)).toEqual(m.markers.filter((k) => k.leader).map((k) => k.id));
  });

  it('leaves out the label layers a state hides, and keeps the zone’s point', () => {
    const s = mapScene(model('plain'));
    expect([s.neighbourLabels, s.countyLabels, s.zoneLabel, s.markerLabels]).toEqual([null, null, null, null]);
    expect(s.zone.r).toBe(MAP_SIZES.zoneRadius);
    expect(mapScene(model('bare')).neighbourLabels).toBeNull();
    expect(mapScene(model('bare')).countyLabels?.texts.length).toBeGreaterThan(0);
  });

  it('options: bold highlighted names, and a second line under a county’s name', () => {
    const m = model('horqin');
    const plain = mapScene(m).countyLabels!.texts.find((t) => t.text === '科尔沁区')!;
    expect(plain.weight).toBeUndefined();
    const bold = mapScene(m, { boldHighlight: true }).countyLabels!.texts.find((t) => t.text === '科尔沁区')!;
    expect(bold.weight).toBe(700);
    const two = mapScene(m, { sublabels: { '150502': '①②' }, sublabelSize: 19 }).countyLabels!.texts;
    const i = two.findIndex((t) => t.text === '科尔沁区');
    expect(two[i + 1]).toMatchObject({ text: '①②', size: 19, weight: 700 });
    // The pair is centred on the label's point.
    expect((two[i]!.y + two[i + 1]!.y) / 2).toBeCloseTo(plain.y + 1, 0);
  });

  it('the legend: bins, reference circles at the map’s scale, the hollow one, or nothing', () => {
    const city = mapLegend(model('city'));
    expect(city.circles?.title).toBe('圆面积表示项目投资额');
    expect(city.circles?.items.at(-1)).toMatchObject({ hollow: true, r: MAP_SIZES.markerMin, label: '投资额未披露' });
    // 1em of the legend is 100 map units: the circle's box in em is its size / 100.
    for (const c of city.circles!.items) expect(Number(c.em.replace('em', ''))).toBeCloseTo(c.size / 100, 3);
    expect(mapLegend(model('money')).choropleth?.bins.length).toBeGreaterThan(0);
    expect(mapLegend(model('bare'))).toMatchObject({ choropleth: null, circles: null, numbers: [] });
  });
});
