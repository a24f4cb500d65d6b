import { describe, expect, it } from 'vitest';
import { geoBounds } from 'd3-geo';
import { projector, referenceTransform, worldSize, mercator } from './camera.ts';
import { REF_EXTENT, REF_ZOOM, CITY_BOUNDS, referencePath, counties } from './geo.ts';
import { clientState, markerRadius, resolveMapState } from './model.ts';
import { MapSpec } from './spec.ts';
import { MAP_SIZES, MAP_STYLE } from './style.ts';
import { fixture, fixtureSpec } from './test-fixture.ts';

const spec = fixtureSpec;

describe('resolveMapState()', () => {
  it('fits the whole city by default, inside the view', () => {
    const m = resolveMapState(spec, 'city', fixture);
    const p = projector(m.camera);
    const [x0, y0] = p([CITY_BOUNDS[0], CITY_BOUNDS[3]]);
    const [x1, y1] = p([CITY_BOUNDS[2], CITY_BOUNDS[1]]);
    for (const v of [x0, y0, x1, y1]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(600);
    }
  });

  it('sizes markers by area, and draws projects without an investment small and hollow', () => {
    expect(markerRadius(120, 120)).toBe(MAP_SIZES.markerMax);
    expect(markerRadius(30, 120)).toBeCloseTo(MAP_SIZES.markerMax / 2, 9);
    expect(markerRadius(undefined, 120)).toBe(MAP_SIZES.markerMin);
    const m = resolveMapState(spec, 'city', fixture);
    expect(m.markers.map((k) => k.id)).toEqual(['proj-a', 'proj-d', 'proj-e', 'proj-b', 'proj-c']);
    expect(m.markers.find((k) => k.id === 'proj-c')?.investment).toBeNull();
    expect(m.hasHollowMarkers).toBe(true);
    expect(m.sizeLegend.map((s) => s.label)).toEqual(['100亿元', '20亿元']);
  });

  it('never places a project without a county (region "city") on the map', () => {
    expect(resolveMapState(spec, 'city', fixture).markers.some((k) => k.id === 'proj-f')).toBe(false);
  });

  it('spreads projects that share a county around its seat, deterministically, without stacking them', () => {
    const a = resolveMapState(spec, 'horqin', fixture).markers;
    const b = resolveMapState(spec, 'horqin', fixture).markers;
    expect(a).toEqual(b);
    const seat = fixture.getRegion('150502').seat;
    const biggest = a.find((k) => k.id === 'proj-a');
    expect(biggest?.lngLat[0]).toBeCloseTo(seat.lon, 6);
    expect(biggest?.lngLat[1]).toBeCloseTo(seat.lat, 6);
    for (const k of a) for (const j of a) if (k !== j) expect(Math.hypot(k.x - j.x, k.y - j.y)).toBeGreaterThan(5);
    // lngLat and x/y say the same thing for this state's camera (MapLibre draws from lngLat).
    const m = resolveMapState(spec, 'horqin', fixture);
    for (const k of m.markers) {
      const [x, y] = projector(m.camera)(k.lngLat);
      expect(x).toBeCloseTo(k.x, 6);
      expect(y).toBeCloseTo(k.y, 6);
    }
  });

  it('colours counties by the sum of project investment, the zone counting for 科尔沁区, 0 where none', () => {
    const m = resolveMapState(spec, 'money', fixture);
    expect(m.choropleth?.rows.find((r) => r.region === '150502')?.value).toBe('165亿元');
    expect(m.choropleth?.rows.find((r) => r.region === '150524')?.value).toBe('0亿元');
    expect(m.choropleth?.bins.map((b) => b.label)).toEqual(['0–50', '50–100', '100–150', '150–200', '200–250']);
    expect(m.fills['150502']).toBe(MAP_STYLE.sequential[3]);
    expect(m.fills['150524']).toBe(MAP_STYLE.sequential[0]);
  });

  it('labels count bins of one as single numbers', () => {
    const counted = MapSpec.parse({ kind: 'map', title: '测试地图', states: { a: { choropleth: { projects: 'count' } } } });
    const m = resolveMapState(counted, 'a', fixture);
    expect(m.choropleth?.bins.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4–5']);
    expect(m.choropleth?.rows.find((r) => r.region === '150502')?.value).toBe('4个');
  });

  it('colours counties by indicator, with "no data" where a county has none', () => {
    const m = resolveMapState(spec, 'gva', fixture);
    expect(m.choropleth?.title).toBe('测试指标150502（2024年，亿元）');
    const labelled = MapSpec.parse({
      kind: 'map',
      title: '测试地图',
      states: { a: { choropleth: { indicators: ['gva-horqin', 'gva-kailu'], period: '2024', label: '地区生产总值' } } },
    });
    expect(resolveMapState(labelled, 'a', fixture).choropleth?.title).toBe('地区生产总值（2024年，亿元）');
    expect(m.fills['150581']).toBe(MAP_STYLE.noData);
    expect(m.choropleth?.bins.at(-1)).toEqual({ colour: MAP_STYLE.noData, label: '无数据' });
    expect(m.layers).toEqual({ neighbours: false, rivers: false, labels: true });
  });

  it('describes the state in words (the SVG’s <desc>)', () => {
    expect(resolveMapState(spec, 'horqin', fixture).description).toBe(
      '通辽市示意图，范围为科尔沁区、通辽经济技术开发区；突出显示科尔沁区、通辽经济技术开发区；标出3个项目（位置按所在旗县区示意）：测试项目a（120亿元）、测试项目b（15亿元）、测试项目c。',
    );
  });

  it('fails for an unknown state, naming the states there are', () => {
    expect(() => resolveMapState(spec, 'nope', fixture)).toThrow(/has no state "nope"; its states: city, horqin, money, gva/);
  });
});

describe('clientState()', () => {
  it('carries what MapLibre needs, compactly', () => {
    const c = clientState(resolveMapState(spec, 'horqin', fixture));
    expect(c.h).toEqual(['150502', 'etdz']);
    expect(c.m).toHaveLength(3);
    expect(c.m[0]?.slice(2, 7)).toEqual([MAP_SIZES.markerMax, 0, '测试项目a', '150502', '测试项目a']);
    // The name's position, where the SVG prints it.
    const m = resolveMapState(spec, 'horqin', fixture);
    const at = c.m[0]?.[7] as [number, number];
    const [x, y] = projector(m.camera)(at);
    expect(x).toBeCloseTo(m.markers[0]!.label!.x, 0);
    expect(y).toBeCloseTo(m.markers[0]!.label!.y, 0);
    expect(c.l).toEqual(['neighbours', 'rivers', 'labels']);
    expect(JSON.stringify(c).length).toBeLessThan(700);
  });
});

describe('the static SVG and MapLibre agree', () => {
  it('a county label point lands in the same place through the shared geometry’s transform and through the camera', () => {
    const m = resolveMapState(spec, 'horqin', fixture);
    const t = referenceTransform(m.camera, REF_ZOOM, REF_EXTENT.origin);
    const label = counties.features[0]!.properties.label;
    const [mx, my] = mercator(label);
    const ref = [mx * worldSize(REF_ZOOM) - REF_EXTENT.origin[0], my * worldSize(REF_ZOOM) - REF_EXTENT.origin[1]];
    const [px, py] = projector(m.camera)(label);
    expect(t.k * (ref[0] as number) + t.x).toBeCloseTo(px, 6);
    expect(t.k * (ref[1] as number) + t.y).toBeCloseTo(py, 6);
  });

  it('referencePath() encodes the county in compact integer steps that decode to its projected bounds', () => {
    const f = counties.features[0]!;
    const d = referencePath(f);
    expect(d).toMatch(/^M\d+ \d+l-?\d+ -?\d+/);
    expect(d).not.toMatch(/\d\.\d/);
    // Decode: M x y, then relative pairs (the `l` is implied after the first), rings closed by z.
    const xs: number[] = [];
    const ys: number[] = [];
    for (const ring of d.split('z').filter(Boolean)) {
      const [start, rest = ''] = ring.slice(1).split('l');
      let [x, y] = start!.trim().split(' ').map(Number) as [number, number];
      xs.push(x);
      ys.push(y);
      const n = rest.trim().split(/\s+/).map(Number);
      for (let i = 0; i + 1 < n.length; i += 2) {
        x += n[i]!;
        y += n[i + 1]!;
        xs.push(x);
        ys.push(y);
      }
    }
    const [[w, s], [e, nn]] = geoBounds(f);
    const ref = (p: [number, number]) => mercator(p).map((v, i) => v * worldSize(REF_ZOOM) - REF_EXTENT.origin[i]!);
    const [x0, y0] = ref([w, nn]);
    const [x1, y1] = ref([e, s]);
    expect(Math.min(...xs)).toBeCloseTo(x0!, -0.5);
    expect(Math.max(...xs)).toBeCloseTo(x1!, -0.5);
    expect(Math.min(...ys)).toBeCloseTo(y0!, -0.5);
    expect(Math.max(...ys)).toBeCloseTo(y1!, -0.5);
  });
});

describe('keepInView()', () => {
  it('moves a label the view cuts back inside, and leaves one wholly outside alone', async () => {
    const { keepInView } = await import('./model.ts');
    const { VIEW } = await import('./camera.ts');
    const [x] = keepInView('科尔沁区', VIEW.width - 5, 100, 12);
    expect(x).toBeLessThan(VIEW.width - 5);
    expect(x + (4 * 12) / 2).toBeLessThanOrEqual(VIEW.width);
    expect(keepInView('科尔沁区', 100, 100, 12)).toEqual([100, 100]);
    expect(keepInView('科尔沁区', VIEW.width + 200, 100, 12)).toEqual([VIEW.width + 200, 100]);
  });
});
