import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ChapterWithGraphics } from './graphics/registry.ts';
import { StoryMeta } from './lib/content/schema.ts';

/** `content/<story>/story.yaml` → id `<story>`. */
const stories = defineCollection({
  loader: glob({ pattern: '*/story.yaml', base: './content', generateId: ({ entry }) => entry.split('/')[0] as string }),
  schema: StoryMeta,
});

/** `content/<story>/NN-slug.mdx` → id `<story>/NN-slug`. */
const chapters = defineCollection({
  loader: glob({ pattern: '*/[0-9][0-9]-*.mdx', base: './content', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  // each graphic typed by its kind's own schema (the content check has already reported any problem)
  schema: ChapterWithGraphics,
});

export const collections = { stories, chapters };
