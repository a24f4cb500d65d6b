// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import contentCheck from './src/integrations/content-check.ts';
import remarkContentGuard from './src/lib/content/check/remark-guard.ts';

/** Where the site will live. Both can be set per deployment without code changes (see README). */
const site = process.env.SITE_URL ?? 'https://example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations: [
    contentCheck(),
    // Astro 7's MDX integration ignores mdx({ remarkPlugins }); plugins go through the processor.
    mdx({ processor: unified({ remarkPlugins: [remarkContentGuard], smartypants: false }) }),
  ],
});
