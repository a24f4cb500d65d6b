/**
 * The series as the front page and the social images present it: the listed stories in order, each
 * with its number, the original article and its inferred date, its short title, its focus regions
 * and its thumbnail; plus the overview's two drawings. Astro-only (reads the content collections).
 */
import { getListedStories, type Story } from '../lib/content/stories.ts';
import { data } from '../lib/data/index.ts';
import type { Source } from '../lib/data/schema.ts';
import { parsePeriod } from '../lib/data/period.ts';
import { storyThumbnail, type Thumbnail } from '../graphics/thumbnail.ts';
import { storyFocus } from './focus.ts';
import { seriesMapSvg, shortTitle, storyNumber, timelineSvg } from './overview.ts';

export interface SeriesStory {
  story: Story;
  /** ①, ②… in series order. */
  number: string;
  short: string;
  source: Source;
  /** The article's inferred date, e.g. "2025年4月". */
  dateLabel: string;
  /** Region ids its maps look at; empty for a city-wide story. */
  focus: string[];
  thumbnail: Thumbnail | undefined;
}

export interface Series {
  stories: SeriesStory[];
  /** The timeline drawn for phones and for larger screens. */
  timeline: { compact: string; regular: string };
  map: string;
}

let cached: Promise<Series> | undefined;

async function build(): Promise<Series> {
  const d = data();
  const stories = (await getListedStories()).map((story, i): SeriesStory => {
    const source = d.getSource(story.meta.basedOn);
    return {
      story,
      number: storyNumber(i),
      short: shortTitle(story.meta.headline),
      source,
      dateLabel: parsePeriod(source.date).label,
      focus: storyFocus(story.graphics.values(), d),
      thumbnail: storyThumbnail(story, d),
    };
  });
  const items = stories.map((s) => ({ id: s.story.slug, date: s.source.date }));
  return {
    stories,
    timeline: { compact: timelineSvg(items, 380), regular: timelineSvg(items, 600) },
    map: seriesMapSvg(
      stories.map((s) => s.focus),
      d,
    ).svg,
  };
}

/** Computed once per build (the front page and every social image share it); afresh in dev, where content changes. */
export function getSeries(): Promise<Series> {
  if (import.meta.env.DEV) return build();
  cached ??= build();
  return cached;
}
