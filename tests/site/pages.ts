/** The pages of the test build (paths under the base), read from `.test-dist/`. */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_BASE, TEST_DIST } from './env.ts';

/** Every HTML page: '' (front), 'data/', 'sources/', and each story. */
export function allPages(): string[] {
  const out = existsSync(join(TEST_DIST, 'index.html')) ? [''] : [];
  for (const d of readdirSync(TEST_DIST, { withFileTypes: true })) {
    if (d.isDirectory() && existsSync(join(TEST_DIST, d.name, 'index.html'))) out.push(`${d.name}/`);
  }
  return out.sort();
}

/** The story pages (those with a `data-story` root). */
export function storyPages(): string[] {
  return allPages().filter((p) => p && readFileSync(join(TEST_DIST, p, 'index.html'), 'utf8').includes('data-story'));
}

/** Every file of the build as a URL path under `base`. */
export function allFilePaths(base: string, dir = TEST_DIST, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFilePaths(base, join(dir, e.name), `${prefix}${e.name}/`) : [`${base}${prefix}${e.name === 'index.html' ? '' : e.name}`],
  );
}

/**
 * Every file path the build publishes (as allFilePaths), without what the tests themselves write into the
 * test build (the map harness), and with at least one embed page.
 */
export function sitePaths(base = TEST_BASE): string[] {
  const paths = allFilePaths(base).filter((p) => !p.startsWith(`${base}_map-harness/`));
  if (!paths.some((p) => p.startsWith(`${base}embed/`))) throw new Error('the test build has no embed pages');
  return paths;
}

/** Every embed page of the build (`embed/<story>/<graphic>/<state>/`), found on disk. */
export function embedPages(): string[] {
  const root = join(TEST_DIST, 'embed');
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const story of readdirSync(root)) {
    for (const graphic of readdirSync(join(root, story))) {
      for (const state of readdirSync(join(root, story, graphic))) {
        if (existsSync(join(root, story, graphic, state, 'index.html'))) out.push(`embed/${story}/${graphic}/${state}/`);
      }
    }
  }
  return out.sort();
}

/** What an embed page shows: its chart kind (`line`, `share-waffle`…) or `map`. */
export function embedKind(path: string): string {
  const html = readFileSync(join(TEST_DIST, path, 'index.html'), 'utf8');
  if (html.includes('class="story-map ')) return 'map';
  const kind = /class="chart chart--([a-z]+)/.exec(html)?.[1] ?? 'unknown';
  return kind === 'share' ? `share-${/<svg[^>]*class="chart__svg[^"]*"[^>]*>[\s\S]*?data-key="(cell|bar)/.exec(html)?.[1] ?? 'bar'}` : kind;
}

/**
 * A representative set of embed pages for the expensive browser gates (axe, scrolling under the
 * CSP): the first page of each graphic kind, share charts as bars and as waffles apart, and the map.
 * The cheap gates (vnu, the CSP meta, links) check every embed page.
 */
export function embedSample(): string[] {
  const byKind = new Map<string, string>();
  for (const p of embedPages()) {
    const k = embedKind(p);
    if (!byKind.has(k)) byKind.set(k, p);
  }
  return [...byKind.values()].sort();
}
