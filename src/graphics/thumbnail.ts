/**
 * A story's thumbnail: the graphic and state its `story.yaml` names, drawn as a standalone SVG
 * document (the chart's phone layout, or the map state). The front page's cards show it as an image
 * and the social image (og.png) embeds it. Build-time only.
 */
import type { DataIndex } from '../lib/data/index.ts';
import { formatPath } from '../lib/data/load.ts';
import { chartKind } from '../charts/kinds.ts';
import { round, sceneSvg } from '../charts/scene.ts';
import { checkGraphic } from './registry.ts';
import type { GraphicRef } from './types.ts';
import { resolveMapState } from '../map/model.ts';
import { parseMapSpec } from '../map/spec.ts';
import { mapStateSvg } from '../map/svg.ts';
import { VIEW } from '../map/camera.ts';
import { MAP_FONT } from '../map/style.ts';

export interface Thumbnail {
  /** A complete SVG document (with xmlns, width, height and viewBox). */
  svg: string;
  width: number;
  height: number;
  /** The graphic's title, for alt text where the image stands alone (social cards). */
  title: string;
}

/** Draw `state` of `graphic`; fails with the chapter file when the definition has problems. */
export function thumbnailOf(graphic: GraphicRef, state: string, data: DataIndex): Thumbnail {
  if (!(state in graphic.spec.states)) {
    throw new Error(`${graphic.file}: graphic "${graphic.id}" has no state "${state}" for the thumbnail; its states: ${Object.keys(graphic.spec.states).join(', ')}`);
  }
  if (graphic.spec.kind === 'map') {
    const m = resolveMapState(parseMapSpec(graphic.spec, graphic.file), state, data);
    return { svg: mapStateSvg(m), width: VIEW.width, height: VIEW.height, title: graphic.spec.title };
  }
  const kind = chartKind(graphic.spec.kind);
  if (!kind) throw new Error(`${graphic.file}: graphic "${graphic.id}" (kind "${graphic.spec.kind}") cannot be a thumbnail`);
  const checked = checkGraphic(graphic.spec, data);
  if (!checked.spec || checked.problems.length > 0) {
    throw new Error(`${graphic.file}: graphic "${graphic.id}": ${checked.problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('; ')}`);
  }
  const scene = kind.view(checked.spec, state, data).scenes.compact;
  return { svg: sceneSvg(scene, MAP_FONT), width: round(scene.width), height: round(scene.height), title: graphic.spec.title };
}

/** The thumbnail a story's `story.yaml` asks for, or undefined when it names none. */
export function storyThumbnail(story: { slug: string; meta: { thumbnail?: { graphic: string; state: string } | undefined }; graphics: Map<string, GraphicRef> }, data: DataIndex): Thumbnail | undefined {
  const t = story.meta.thumbnail;
  if (!t) return undefined;
  const g = story.graphics.get(t.graphic);
  if (!g) throw new Error(`content/${story.slug}/story.yaml: thumbnail graphic "${t.graphic}" is not defined in any chapter`);
  return thumbnailOf(g, t.state, data);
}
