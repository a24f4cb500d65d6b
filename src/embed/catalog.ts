/**
 * Every graphic state of every story, as embeds and downloads know them: the graphic, the state, where
 * the story shows it (the first step that selects it, else the first figure, else the chapter that
 * defines the graphic) and its export (export.ts), computed once per build. Astro-only.
 */
import type { ChapterEntry, Story } from '../lib/content/stories.ts';
import { chapterAnchor, getStories } from '../lib/content/stories.ts';
import { data } from '../lib/data/index.ts';
import type { GraphicRef } from '../lib/graphic.ts';
import { exportState, type StateExport } from './export.ts';
import type { StateKey } from './paths.ts';
import { placesIn } from './catalog-places.ts';

export interface GraphicState {
  story: Story;
  graphic: GraphicRef;
  state: string;
  key: StateKey;
  /** Anchor on the story page: `#<step id>`, or `#<chapter>` for a figure or an unused state. */
  anchor: string;
}

function statesOf(story: Story): GraphicState[] {
  const chapters = story.chapters.map((c: ChapterEntry) => ({
    anchor: chapterAnchor(c),
    body: c.body ?? '',
    graphics: Object.keys(c.data.graphics),
  }));
  const places = placesIn(chapters);
  return [...story.graphics.values()].flatMap((graphic) =>
    Object.keys(graphic.spec.states).map((state) => {
      const defining = chapters.find((c) => c.graphics.includes(graphic.id));
      const anchor = places.get(`${graphic.id}/${state}`) ?? defining?.anchor ?? '';
      return { story, graphic, state, key: { story: story.slug, graphic: graphic.id, state }, anchor: anchor ? `#${anchor}` : '' };
    }),
  );
}

let all: Promise<GraphicState[]> | undefined;

/** Every graphic state of every published story, in story order, then graphic and state order. */
export function graphicStates(): Promise<GraphicState[]> {
  all ??= getStories().then((stories) => stories.flatMap(statesOf));
  return all;
}

/** The states of one story. */
export async function storyGraphicStates(slug: string): Promise<GraphicState[]> {
  return (await graphicStates()).filter((s) => s.key.story === slug);
}

const exports = new Map<string, StateExport>();

/** The export of one state (memoised: pages, downloads and graphics.json share it). */
export function exportOf(s: Pick<GraphicState, 'graphic' | 'state' | 'key'>): StateExport {
  const id = `${s.key.story}/${s.key.graphic}/${s.key.state}`;
  let e = exports.get(id);
  if (!e) {
    e = exportState(s.graphic, s.state, data());
    exports.set(id, e);
  }
  return e;
}
