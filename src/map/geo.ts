/**
 * The committed geometry (data/geo/tongliao.topo.json) as the build uses it: features, bounds of
 * regions, and path strings in "reference pixels" (Web Mercator world pixels at REF_ZOOM, relative
 * to the extent's north-west corner) that every map state places with one SVG transform.
 * Build-time only: the browser fetches the TopoJSON itself (map-controller.ts).
 */
import { geoBounds, geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topoJson from '../../data/geo/tongliao.topo.json' with { type: 'json' };
import type { DataIndex } from '../lib/data/index.ts';
import { mercator, worldSize, type Bounds } from './camera.ts';
import { mapLayers, type AreaFeature } from './layers.ts';

/** Reference zoom of the shared SVG geometry: 1 unit ≈ 110 m, so integer coordinates are precise enough. */
export const REF_ZOOM = 10;

const topo = topoJson as unknown as Topology;

/** Every layer of the map, as GeoJSON. */
export const layers = mapLayers(topo);
export const counties = layers.counties;

const byCode = new Map(counties.features.map((f) => [String(f.id), f]));

/** The county polygon for a code, or undefined (the zone has none). */
export function countyFeature(code: string): AreaFeature | undefined {
  return byCode.get(code);
}

/**
 * The geometry's extent in reference pixels: `origin` (its north-west corner, in world pixels) is
 * where the shared paths start; `width`/`height` size the backdrop behind them.
 */
export const REF_EXTENT = (() => {
  const [[w, s], [e, n]] = geoBounds(feature(topo, topo.objects['neighbours'] as GeometryCollection));
  const size = worldSize(REF_ZOOM);
  const [x0, y0] = mercator([w, n]).map((v) => Math.floor(v * size)) as [number, number];
  const [x1, y1] = mercator([e, s]).map((v) => Math.ceil(v * size)) as [number, number];
  return { origin: [x0, y0] as [number, number], width: x1 - x0, height: y1 - y0 };
})();

/**
 * d3-geo's Mercator set up to produce reference pixels exactly as camera.ts computes them (same
 * world size, no adaptive resampling: MapLibre draws straight segments between vertices too).
 */
const refProjection = geoMercator()
  .scale(worldSize(REF_ZOOM) / (2 * Math.PI))
  .translate([worldSize(REF_ZOOM) / 2 - REF_EXTENT.origin[0], worldSize(REF_ZOOM) / 2 - REF_EXTENT.origin[1]])
  .precision(0);
const refPath = geoPath(refProjection).digits(0);

/**
 * An SVG path for a feature in reference pixels, compacted: integer coordinates, relative `l` runs,
 * repeated points dropped (a county is a few hundred bytes smaller than d3's absolute output).
 */
export function referencePath(f: Feature | FeatureCollection | MultiLineString): string {
  const d = refPath(f as never) ?? '';
  let out = '';
  let px = 0;
  let py = 0;
  // Inside a run of relative line-tos, the `l` command letter is implied for every further pair.
  let inRun = false;
  for (const [, cmd, nums] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (cmd === 'Z') {
      out += 'z';
      inRun = false;
      continue;
    }
    const [x, y] = (nums as string).split(',').map(Number) as [number, number];
    if (cmd === 'M') {
      out += `M${x} ${y}`;
      inRun = false;
    } else if (x !== px || y !== py) {
      out += `${inRun ? ' ' : 'l'}${x - px} ${y - py}`;
      inRun = true;
    }
    px = x;
    py = y;
  }
  return out;
}

/** Bounds of regions: counties by their polygons, the zone by its point. */
export function regionBounds(ids: string[], data: DataIndex): Bounds {
  const parts: Feature[] = ids.map((id) => {
    const f = countyFeature(id);
    if (f) return f;
    const r = data.getRegion(id);
    return { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [r.seat.lon, r.seat.lat] } };
  });
  const [[w, s], [e, n]] = geoBounds({ type: 'FeatureCollection', features: parts });
  return [w, s, e, n];
}

/** The whole city. */
export const CITY_BOUNDS: Bounds = (() => {
  const [[w, s], [e, n]] = geoBounds(counties);
  return [w, s, e, n];
})();
