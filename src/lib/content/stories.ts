/**
 * Stories and their chapters, in order, as pages need them. Astro-only (uses astro:content).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { GraphicRef } from '../graphic.ts';
import { anchorFromFileName } from './lead.ts';

export type StoryEntry = CollectionEntry<'stories'>;
export type ChapterEntry = CollectionEntry<'chapters'>;

export interface Story {
  slug: string;
  meta: StoryEntry['data'];
  chapters: ChapterEntry[];
  /** All graphics of all chapters, by id (ids are unique within a story; the content check enforces it). */
  graphics: Map<string, GraphicRef>;
}

const showDrafts = import.meta.env.DEV;

/** Stories for the front page, the feed and the sitemap: published and listed. */
export async function getListedStories(): Promise<Story[]> {
  return (await getStories()).filter((s) => s.meta.listed);
}

/** Every published story (drafts too in dev), in series order, with chapters in file-name order. */
export async function getStories(): Promise<Story[]> {
  const [metas, chapters] = await Promise.all([getCollection('stories'), getCollection('chapters')]);
  return metas
    .filter((m) => showDrafts || !m.data.draft)
    .map((m) => {
      const own = chapters
        .filter((c) => c.id.startsWith(`${m.id}/`))
        .sort((a, b) => a.id.localeCompare(b.id));
      const graphics = new Map<string, GraphicRef>();
      for (const c of own) {
        for (const [id, spec] of Object.entries(c.data.graphics)) {
          graphics.set(id, { id, spec, file: c.filePath ?? c.id });
        }
      }
      return { slug: m.id, meta: m.data, chapters: own, graphics };
    })
    .sort((a, b) => a.meta.order - b.meta.order);
}

/** The anchor id of a chapter on its story page: the file name without the number, e.g. `turnaround`. */
export function chapterAnchor(c: ChapterEntry): string {
  return anchorFromFileName(c.id.split('/')[1] ?? c.id);
}
