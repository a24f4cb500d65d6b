// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { unified } from '@astrojs/markdown-remark';
import contentCheck from './src/integrations/content-check.ts';
import headers from './src/integrations/headers.ts';
import { compileHints } from './src/integrations/compile-hints.ts';
import { scriptSource } from './src/lib/headers.ts';
import remarkContentGuard from './src/checks/remark-guard.ts';
import remarkLeadEnd from './src/lib/content/lead.ts';

/** Where the site will live. Both can be set per deployment without code changes (see README). */
const site = process.env.SITE_URL ?? 'https://example.org';
const base = process.env.BASE_PATH ?? '/';
/**
 * CSP_SCOPE_TO_BASE=1 where the host serves more than this site: scripts and workers only from this
 * site's `<base>_astro/` (needs SITE_URL), not from anywhere on the origin.
 */
const scripts = scriptSource(process.env, base);

/**
 * `listed: false` in a story.yaml, read defensively: this runs before the content check, so a file that
 * does not parse (a ":" in a headline, an alias bomb) must not crash the config with a stack trace. It
 * counts as listed here, and the content check then stops the build with the file, the line and a fix.
 */
/** @param {string} file */
function isUnlisted(file) {
  try {
    const meta = parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: 100 });
    return meta !== null && typeof meta === 'object' && meta.listed === false;
  } catch {
    return false;
  }
}

/** Stories marked `listed: false` (the component demo) stay out of the sitemap. */
const unlisted = existsSync('content')
  ? readdirSync('content', { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`content/${d.name}/story.yaml`))
      .filter((d) => isUnlisted(`content/${d.name}/story.yaml`))
      .map((d) => `/${d.name}/`)
  : [];

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Every stylesheet inline in the page, none fetched: with the two shared stylesheets as <link>s, Chrome
  // showed a story's first frame about 1 s late in 3 of 5 Lighthouse runs (goals-2025, first paint ~1.23 s
  // against ~0.2 s), and never without them; the CSS is ~5 KB brotli, paid once per page instead of cached.
  build: { inlineStylesheets: 'always' },
  // The graphic families' enhancers (what src/graphics/client.ts loads on demand) are compiled as they
  // load, not on their first call, in a scroll frame.
  vite: { plugins: [compileHints('src/graphics/client.ts')] },
  security: {
    // A strict Content-Security-Policy in a <meta> on every page: Astro adds hashes for its own scripts
    // and styles; nothing inline is allowed otherwise, and nothing loads from another origin.
    // (frame-ancestors and violation reports cannot be set by <meta>: the headers integration writes
    // them, with this policy, into _headers, an nginx include and a Caddyfile; see README, Deploying.)
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        `worker-src ${scripts}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: [scripts] },
    },
  },
  integrations: [
    contentCheck(),
    // Astro 7's MDX integration ignores mdx({ remarkPlugins }); plugins go through the processor.
    mdx({ processor: unified({ remarkPlugins: [remarkContentGuard, remarkLeadEnd], smartypants: false }) }),
    sitemap({ filter: (page) => !unlisted.some((path) => new URL(page).pathname.endsWith(path)) }),
    // last: it reads the built pages' policies and lists the output's folders
    headers(),
  ],
});
