/**
 * One resolved map state as a standalone SVG document (thumbnails, the front page's overview, the
 * exports, the social images): its scene drawn by the map's one renderer with the geometry inline
 * (render.ts). Highlighted county names are also bold there: at thumbnail size colour alone reads weakly.
 */
import type { MapStateModel } from './model.ts';
import { mapSceneSvg } from './render.ts';
import { mapScene, type MapSceneOptions } from './scene.ts';

export type MapSvgOptions = Pick<MapSceneOptions, 'sublabels' | 'sublabelSize'>;

/** The SVG document of a map state (600 × 600 viewBox). */
export function mapStateSvg(m: MapStateModel, opts: MapSvgOptions = {}): string {
  return mapSceneSvg(mapScene(m, { boldHighlight: true, ...opts }), { geometry: 'inline' });
}
