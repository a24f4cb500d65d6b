/** The committed geometry: what `npm run build:geo` must keep true for any source it is given. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geoArea, geoContains } from 'd3-geo';
import { feature, merge, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Region } from '../../src/lib/data/schema.ts';

const topo = JSON.parse(readFileSync('data/geo/tongliao.topo.json', 'utf8')) as Topology;
const counties = topo.objects['counties'] as GeometryCollection;
const neighbourObj = topo.objects['neighbours'] as GeometryCollection;
const regions = (JSON.parse(readFileSync('data/tongliao.json', 'utf8')) as { regions: Region[] }).regions;
const codes = regions.flatMap((r) => (r.code ? [r.code] : []));

/** Arc index → how many geometries of `obj` use it (in either direction). */
function arcUse(obj: GeometryCollection): Map<number, number> {
  const use = new Map<number, number>();
  const walk = (a: unknown): void => {
    if (typeof a === 'number') {
      const i = a < 0 ? ~a : a;
      use.set(i, (use.get(i) ?? 0) + 1);
    } else (a as unknown[]).forEach(walk);
  };
  for (const g of obj.geometries) if ('arcs' in g) walk(g.arcs);
  return use;
}

describe('data/geo/tongliao.topo.json', () => {
  it('has one polygon per county code, and the neighbours and rivers', () => {
    expect(counties.geometries.map((g) => String(g.id)).sort()).toEqual([...codes].sort());
    expect(neighbourObj.geometries).toHaveLength(10);
    expect(topo.objects['rivers']).toBeDefined();
  });

  it('has no overlaps: the counties’ areas add up to the area of their union', () => {
    const fc = feature(topo, counties);
    const sum = fc.features.reduce((s, f) => s + geoArea(f), 0);
    const union = geoArea(merge(topo, counties.geometries as never));
    expect(Math.abs(sum - union) / union).toBeLessThan(1e-9);
  });

  it('has no gaps: the union of the counties is one polygon without holes', () => {
    const union = merge(topo, counties.geometries as never);
    expect(union.coordinates).toHaveLength(1);
    expect(union.coordinates[0]).toHaveLength(1);
  });

  it('shares borders: no arc is used by more than two counties, and every county has a neighbour', () => {
    expect(Math.max(...arcUse(counties).values())).toBeLessThanOrEqual(2);
    const adj = neighbors(counties.geometries as never);
    const byCode = new Map(
      counties.geometries.map((g, i) => [String(g.id), (adj[i] ?? []).map((j) => String(counties.geometries[j]?.id))]),
    );
    for (const code of codes) expect(byCode.get(code)?.length, code).toBeGreaterThan(0);
    expect(byCode.get('150502')?.sort()).toEqual(['150521', '150522', '150523']);
  });

  it('shares the outer border with the neighbouring prefectures (no slivers between them)', () => {
    const inCounties = arcUse(counties);
    const inNeighbours = arcUse(neighbourObj);
    // Arc length in quantised units; `-clean` leaves a few 2-point arcs where it closed slivers.
    const length = (i: number) =>
      (topo.arcs[i] ?? []).reduce((s, [dx, dy], k) => (k === 0 ? s : s + Math.hypot(dx as number, dy as number)), 0);
    const outer = [...inCounties].filter(([, n]) => n === 1).map(([i]) => i);
    const total = outer.reduce((s, i) => s + length(i), 0);
    const shared = outer.filter((i) => inNeighbours.has(i)).reduce((s, i) => s + length(i), 0);
    expect(shared / total).toBeGreaterThan(0.99);
  });

  it('puts every county seat inside its own county (WGS84 seats against corrected boundaries)', () => {
    const fc = feature(topo, counties);
    for (const r of regions) {
      const f = fc.features.find((x) => String(x.id) === (r.code ?? r.within));
      expect(f && geoContains(f, [r.seat.lon, r.seat.lat]), r.id).toBe(true);
    }
  });

  it('gives every county and neighbour a label point inside its own polygon', () => {
    for (const obj of [counties, neighbourObj]) {
      for (const f of feature(topo, obj).features) {
        const label = (f.properties as { label?: [number, number] }).label;
        expect(label && geoContains(f, label), String((f.properties as { name?: string } | null)?.name)).toBe(true);
      }
    }
  });
});
