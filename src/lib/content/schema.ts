/**
 * Frontmatter of chapters and the story file. Used by Astro's content collections (types) and by
 * the content check (which reports problems with file and line, all at once).
 */
import { z } from 'zod';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A graphic's id within its story, e.g. `growth` or `map-projects`. */
export const GraphicId = z.string().regex(kebab);
/** A YYYY-MM-DD date; YAML may hand us a Date for an unquoted date, which is accepted too. */
const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.iso.date({ message: 'write the date as YYYY-MM-DD, e.g. 2025-03-15' }),
);

/** `content/<story>/story.yaml`: one per story. */
export const StoryMeta = z.strictObject({
  /** Headline on the story page and the front page. */
  headline: z.string().min(4).max(40),
  /** One or two sentences under the headline. */
  dek: z.string().min(10).max(140),
  /** Our byline (the team or the writers of this story). */
  byline: z.array(z.string().min(1)).min(1),
  /** Id of the dataset source this story is based on (the original article). */
  basedOn: z.string().regex(kebab),
  /** Our publication date, YYYY-MM-DD. */
  published: isoDate,
  /** Date of the last substantive update, when there was one. */
  updated: isoDate.optional(),
  /** Corrections, newest first: what was wrong and what it now says. */
  corrections: z.array(z.strictObject({ date: isoDate, text: z.string().min(4) })).default([]),
  /** Position in the series; stories are listed by it. */
  order: z.int().min(1),
  /** The graphic (and state) used for the story's card and social image; without it the card is text only. */
  thumbnail: z.strictObject({ graphic: z.string().regex(kebab), state: z.string().regex(kebab) }).optional(),
  /** Drafts build in dev only. */
  draft: z.boolean().default(false),
  /** Unlisted stories (such as the component demo) are built but left off the front page, the feed and the sitemap. */
  listed: z.boolean().default(true),
});

/** The top of each chapter `.mdx` file. */
export const ChapterMeta = z.strictObject({
  /** Chapter title (a heading in the story and an entry in the table of contents). */
  title: z.string().min(2).max(40),
  /** Short label shown above the title, optional. */
  kicker: z.string().min(1).max(20).optional(),
  /**
   * Graphics used by this chapter's steps and figures, by id (unique within the story).
   * Each has a `kind` and named `states`; see docs/editing.md for every kind. Only their common
   * fields here (src/lib is below the kinds); the chapters collection (src/content.config.ts) types
   * each definition with its kind's own schema.
   */
  graphics: z.record(GraphicId, z.looseObject({ kind: z.string(), title: z.string(), states: z.record(z.string(), z.unknown()) })).default({}),
});

export type StoryMeta = z.infer<typeof StoryMeta>;
export type ChapterMeta = z.infer<typeof ChapterMeta>;
