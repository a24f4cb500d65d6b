/**
 * A story's thumbnail: the graphic and state its `story.yaml` names, drawn as a standalone SVG
 * document (the chart's phone layout, or the map state). The front page's cards show it as an image
 * and the social image (og.png) embeds it. Build-time only.
 */
import type { DataIndex } from '../lib/data/index.ts';
import type { GraphicRef, StandaloneSvg } from '../lib/graphic.ts';
import { MAP_FONT } from '../map/style.ts';
import { checkedGraphic, graphicKind } from './registry.ts';

export interface Thumbnail extends StandaloneSvg {
  /** The graphic's title, for alt text where the image stands alone (social cards). */
  title: string;
}

/** Draw `state` of `graphic`; fails with the chapter file when the definition has problems. */
export function thumbnailOf(graphic: GraphicRef, state: string, data: DataIndex): Thumbnail {
  if (!(state in graphic.spec.states)) {
    throw new Error(
      `${graphic.file}: graphic "${graphic.id}" has no state "${state}" for the thumbnail; its states: ${Object.keys(graphic.spec.states).join(', ')}`,
    );
  }
  const spec = checkedGraphic(graphic, data);
  const drawn = graphicKind(spec.kind).thumbnail(spec, state, data, { fontFamily: MAP_FONT, file: graphic.file });
  return { ...drawn, title: graphic.spec.title };
}

/** The thumbnail a story's `story.yaml` asks for, or undefined when it names none. */
export function storyThumbnail(
  story: { slug: string; meta: { thumbnail?: { graphic: string; state: string } | undefined }; graphics: Map<string, GraphicRef> },
  data: DataIndex,
): Thumbnail | undefined {
  const t = story.meta.thumbnail;
  if (!t) return undefined;
  const g = story.graphics.get(t.graphic);
  if (!g) throw new Error(`content/${story.slug}/story.yaml: thumbnail graphic "${t.graphic}" is not defined in any chapter`);
  return thumbnailOf(g, t.state, data);
}
