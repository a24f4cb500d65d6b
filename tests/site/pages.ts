/** The pages of the test build (paths under the base), read from `.test-dist/`. */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_BASE, TEST_DIST } from '../../scripts/lib/browser.ts';

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
    e.isDirectory()
      ? allFilePaths(base, join(dir, e.name), `${prefix}${e.name}/`)
      : [`${base}${prefix}${e.name === 'index.html' ? '' : e.name}`],
  );
}

/**
 * Every file path the build publishes (as allFilePaths), with at least one embed page.
 */
export function sitePaths(base = TEST_BASE): string[] {
  const paths = allFilePaths(base);
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

/**
 * The demo story: unlisted, the engine's own test page. scrolly.test.ts, charts.test.ts and the map tests
 * check it in depth; the per-story gates (a11y per step, resilience, stories, legibility, security,
 * fallback) check the real stories, and the demo only where it shows a kind of graphic no real story
 * shows (`demoOnlySteps()`), so nothing the demo alone exercises goes unchecked.
 */
export const DEMO = 'demo/';

/** The real stories (story pages without the demo), as paths under the base (`fyp-projects/`). */
export function realStories(): string[] {
  return storyPages().filter((p) => p !== DEMO);
}

/** Each figure of a built page (a step's own figure or an inline one) with the kind it draws: `line`, `bignumber`…, or `map`. */
export function figureKinds(path: string): { step: string | null; kind: string }[] {
  const html = readFileSync(join(TEST_DIST, path, 'index.html'), 'utf8');
  const out: { step: string | null; kind: string }[] = [];
  for (const m of html.matchAll(/<figure class="figure figure--(step|inline)"[\s\S]*?<\/figure>/g)) {
    const kind = /class="chart chart--([a-z]+)/.exec(m[0])?.[1] ?? (m[0].includes('class="story-map ') ? 'map' : 'unknown');
    // A step's figure sits inside its step: the nearest step opening before it.
    const before = html.slice(0, m.index);
    const step = m[1] === 'step' ? (/.*<div class="step" data-step id="([^"]+)"/s.exec(before)?.[1] ?? null) : null;
    out.push({ step, kind });
  }
  return out;
}

/**
 * The demo's steps whose graphic is of a kind that no real story shows (in a step or an inline figure):
 * the one pass the per-story gates make over the demo. A figure whose kind cannot be read counts as
 * demo-only (checked rather than skipped).
 */
export function demoOnlySteps(): string[] {
  const covered = new Set(realStories().flatMap((p) => figureKinds(p).map((f) => f.kind)));
  covered.delete('unknown');
  return figureKinds(DEMO)
    .filter((f) => f.step && !covered.has(f.kind))
    .map((f) => f.step!);
}

/** The demo's inline figures (outside a scrolly) whose kind no real story shows. */
export function demoOnlyInlineKinds(): string[] {
  const covered = new Set(realStories().flatMap((p) => figureKinds(p).map((f) => f.kind)));
  return figureKinds(DEMO)
    .filter((f) => !f.step && !covered.has(f.kind))
    .map((f) => f.kind);
}
