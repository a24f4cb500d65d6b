/**
 * Drawing helpers shared by the two build-time SVG renderers of a map state: StoryMap.astro (the
 * page's maps, over MapDefs) and svg.ts (standalone documents for thumbnails and social images).
 */
import { referenceTransform } from './camera.ts';
import { REF_EXTENT, REF_ZOOM } from './geo.ts';
import type { MapStateModel } from './model.ts';
import { MARKER_PAINT } from './style.ts';

/** Coordinates to one decimal: enough for a 600-unit viewBox, and short. */
export const r1 = (v: number) => Math.round(v * 10) / 10;

/** A halo behind text (stroke painted under the fill) keeps labels legible over borders and rivers. */
export const halo = (colour: string) =>
  ({ stroke: colour, 'stroke-width': 3.5, 'stroke-linejoin': 'round', 'paint-order': 'stroke' }) as const;

/** Marker circle attributes, the same in the map, the legend and MapLibre (style.ts). */
export function markerAttrs(hollow: boolean) {
  const p = hollow ? MARKER_PAINT.hollow : MARKER_PAINT.filled;
  return { fill: p.fill, 'fill-opacity': p.fillOpacity, stroke: p.stroke, 'stroke-width': p.strokeWidth };
}

/** The geometry group's transform for a state's camera, and its scale (for stroke widths). */
export function referenceMatrix(camera: MapStateModel['camera']): { matrix: string; k: number } {
  const t = referenceTransform(camera, REF_ZOOM, REF_EXTENT.origin);
  return { matrix: `matrix(${[t.k, 0, 0, t.k, t.x, t.y].map((v) => Number(v.toFixed(4))).join(' ')})`, k: t.k };
}
