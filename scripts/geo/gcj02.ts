/**
 * Undo the coordinate system of the echarts/AMap boundary files. Their vertices are GCJ-02 (China's
 * obfuscated datum, ≈ 0.5 km off WGS84 here) and were rounded *up* onto a 1/1024° grid by the
 * encoder, so the first step moves each vertex back by half a grid step before the datum shift.
 */
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';

/** The encoder's grid: 1/1024 of a degree (≈ 110 m of latitude). */
export const GRID_STEP = 1 / 1024;

/** One GCJ-02 vertex from a grid-quantised source → WGS84 [lon, lat]. */
export function gridGcj02ToWgs84([lon, lat]: Position): [number, number] {
  const half = GRID_STEP / 2;
  const [x, y] = gcoord.transform([(lon as number) - half, (lat as number) - half], gcoord.GCJ02, gcoord.WGS84);
  return [x, y];
}

/** The same geometry with every vertex passed through `fn` (rings, parts and nesting unchanged). */
export function mapPositions<G extends Geometry>(geometry: G, fn: (p: Position) => Position): G {
  const walk = (c: unknown): unknown => (typeof (c as unknown[])[0] === 'number' ? fn(c as Position) : (c as unknown[]).map(walk));
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
  }
  return { ...geometry, coordinates: walk(geometry.coordinates) } as G;
}

/** Ground distance in metres between two WGS84 points (haversine; plenty at this scale). */
export function distanceMetres([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const dLat = ((lat2 as number) - (lat1 as number)) * rad;
  const dLon = ((lon2 as number) - (lon1 as number)) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos((lat1 as number) * rad) * Math.cos((lat2 as number) * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}
