// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/** Where the site will live. Both can be set per deployment without code changes. */
const site = process.env.SITE_URL ?? 'https://example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations: [mdx()],
});
