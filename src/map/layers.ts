/**
 * The map's GeoJSON layers derived from the committed TopoJSON, shared by the static SVG (build) and
 * MapLibre (browser) so both draw exactly the same lines. Pure: topology in, GeoJSON out.
 */
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { LngLat } from './camera.ts';

/** What the geometry covers (neighbours and rivers are clipped to it): [west, south, east, north]. */
export const EXTENT: [number, number, number, number] = [118.0, 41.4, 125.0, 46.6];

export interface AreaProps {
  name: string;
  /** A point inside the polygon for its label. */
  label: LngLat;
}

export type AreaFeature = Feature<Polygon | MultiPolygon, AreaProps>;

export interface MapLayers {
  /** The 8 counties; `id` is the administrative code. */
  counties: FeatureCollection<Polygon | MultiPolygon, AreaProps>;
  /** Borders between two counties. */
  innerBorders: MultiLineString;
  /** The city's outline. */
  outline: MultiLineString;
  /** Borders of the neighbouring prefectures, without the stretch they share with the city. */
  neighbourBorders: MultiLineString;
  /** Neighbour names at their label points. */
  neighbourLabels: { name: string; label: LngLat }[];
  rivers: FeatureCollection<MultiLineString>;
}

/** Arc indices (non-negative) used by the geometries of `obj`. */
function arcsOf(obj: GeometryCollection): Set<number> {
  const used = new Set<number>();
  const walk = (a: unknown): void => {
    if (typeof a === 'number') used.add(a < 0 ? ~a : a);
    else (a as unknown[]).forEach(walk);
  };
  for (const g of obj.geometries) if ('arcs' in g) walk(g.arcs);
  return used;
}

export function mapLayers(topo: Topology): MapLayers {
  const countiesObj = topo.objects['counties'] as GeometryCollection<AreaProps>;
  const neighboursObj = topo.objects['neighbours'] as GeometryCollection<AreaProps>;
  const cityArcs = arcsOf(countiesObj);
  const ownArcs = [...arcsOf(neighboursObj)].filter((i) => !cityArcs.has(i));
  const neighbourBorders = feature(topo, { type: 'MultiLineString', arcs: ownArcs.map((i) => [i]) }).geometry as MultiLineString;
  return {
    counties: feature(topo, countiesObj) as MapLayers['counties'],
    innerBorders: mesh(topo, countiesObj, (a, b) => a !== b),
    outline: mesh(topo, countiesObj, (a, b) => a === b),
    neighbourBorders,
    neighbourLabels: neighboursObj.geometries.map((g) => ({ ...(g.properties as AreaProps) })),
    rivers: feature(topo, topo.objects['rivers'] as GeometryCollection) as FeatureCollection<MultiLineString>,
  };
}
