/**
 * The JavaScript budget of every page, from the test build alone (deterministic, no browser): a page's
 * module graph is its module scripts, their static imports, and the dynamic imports the page can
 * trigger — the enhancer of each graphic family on the page (`ENHANCERS`) and what those import.
 * Other dynamic imports (the editors' `?debug` view) and the enhancers of families the page does not
 * use are not counted: readers of that page never load them. Each file is brotli-compressed as a CDN would serve it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TEST_BASE, TEST_DIST } from '../../scripts/lib/browser.ts';
import { FAMILIES, type Family } from '../../src/lib/graphic.ts';
import { COMPILE_HINT } from '../../src/integrations/compile-hints.ts';

/** ≤ 30 KB brotli for a story page with charts and no map (issue 3). */
const BUDGET = 30 * 1024;
/**
 * The families whose pages the 30 KB budget does not cover: the map brings MapLibre (issue 3 budgets
 * pages without a map). Every other family, one added to `FAMILIES` too, is under the budget.
 */
const OUTSIDE_BUDGET: readonly Family[] = ['map'];

const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
/**
 * An `ENHANCERS` entry as the minifier writes it: `chart:()=>import("./enhance.x.js")`, possibly wrapped by
 * a preload helper; one for each family of `FAMILIES`.
 */
function enhancerPattern(families: readonly string[] = FAMILIES): RegExp {
  return new RegExp(
    String.raw`\b(${families.join('|')}):\s*\(\)\s*=>\s*(?:[\w$.]+\(\s*\(\)\s*=>\s*)?import\(\s*["'\x60]([^"'\x60]+\.js)["'\x60]\s*\)`,
    'g',
  );
}
const ENHANCER = enhancerPattern();

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return pages(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

/** A URL path in the built HTML (under the test base) → the file in the test build. */
function fileOf(urlPath: string): string {
  if (!urlPath.startsWith(TEST_BASE)) throw new Error(`script outside the base path: ${urlPath}`);
  return join(TEST_DIST, urlPath.slice(TEST_BASE.length));
}

const brotli = new Map<string, number>();
function brotliSize(file: string): number {
  let n = brotli.get(file);
  if (n === undefined) {
    n = brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    brotli.set(file, n);
  }
  return n;
}

function importsOf(file: string, re: RegExp): string[] {
  const dir = posix.dirname(file);
  return [...readFileSync(file, 'utf8').matchAll(re)].map((m) => posix.join(dir, m[1] as string));
}

/** The enhancer chunk of each family, found in the chunks that define `ENHANCERS`. */
function enhancers(files: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    const dir = posix.dirname(f);
    for (const m of readFileSync(f, 'utf8').matchAll(ENHANCER)) out.set(m[1] as string, posix.join(dir, m[2] as string));
  }
  return out;
}

interface PageGraph {
  page: string;
  families: string[];
  /** What the page loads: its scripts' static graph, plus the full graph of each enhancer it uses. */
  files: string[];
  bytes: number;
  /** Loaded before any enhancer: the static graph of the page's scripts. */
  eager: string[];
  /** Enhancer chunks of families the page does not use. */
  unused: string[];
}

/**
 * Files reachable from `roots` by static imports, and by dynamic ones too when `dynamic`. Files in
 * `loaded` are not entered: they are on the page already, and their dynamic imports (the enhancers of
 * other families) run only for the graphics that use them. An enhancer chunk that imports a helper
 * from the page's entry chunk does not load the other enhancers by doing so.
 */
function closure(page: string, roots: string[], dynamic: boolean, loaded: ReadonlySet<string> = new Set()): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const f = queue.pop() as string;
    if (seen.has(f) || loaded.has(f)) continue;
    if (!existsSync(f)) throw new Error(`${page}: imports ${f}, which is not in the build`);
    seen.add(f);
    queue.push(...importsOf(f, STATIC_IMPORT), ...(dynamic ? importsOf(f, DYNAMIC_IMPORT) : []));
  }
  return seen;
}

function graphOf(page: string): PageGraph {
  const html = readFileSync(page, 'utf8');
  const entries = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => fileOf(m[1] as string));
  const families = [...new Set([...html.matchAll(/\bdata-family="([a-z]+)"/g)].map((m) => m[1] as string))].sort();
  const eager = closure(page, entries, false);
  const byFamily = enhancers(eager);
  const files = new Set(eager);
  for (const family of families) {
    const chunk = byFamily.get(family);
    if (!chunk) throw new Error(`${page}: uses data-family="${family}" but its scripts register no ENHANCERS entry for it`);
    for (const f of closure(page, [chunk], true, eager)) files.add(f);
  }
  const unused = [...byFamily].filter(([family]) => !families.includes(family)).map(([, f]) => f);
  const sorted = [...files].sort();
  return { page, families, files: sorted, bytes: sorted.reduce((n, f) => n + brotliSize(f), 0), eager: [...eager], unused };
}

describe('JavaScript budget', () => {
  // Embed pages have their own, smaller budget (below).
  const graphs = pages(TEST_DIST)
    .filter((p) => !p.startsWith(join(TEST_DIST, 'embed')))
    .map(graphOf);
  const stories = graphs.filter((g) => g.families.length > 0);

  it('the build has story pages with graphics to measure', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  it('every family has its enhancer pattern, and a family named outside FAMILIES is not matched', () => {
    const chunk = 'const E={chart:()=>import("./enhance.a.js"),map:()=>d(()=>import("./map.b.js")),other:()=>import("./o.js")};';
    expect([...chunk.matchAll(enhancerPattern(['chart', 'map']))].map((m) => [m[1], m[2]])).toEqual([
      ['chart', './enhance.a.js'],
      ['map', './map.b.js'],
    ]);
    expect(FAMILIES.every((f) => [...`${f}:()=>import("./x.js")`.matchAll(ENHANCER)].length === 1)).toBe(true);
    expect(OUTSIDE_BUDGET.every((f) => (FAMILIES as readonly string[]).includes(f))).toBe(true);
  });

  it.each(
    stories
      .filter((g) => !g.families.some((f) => (OUTSIDE_BUDGET as readonly string[]).includes(f)))
      .map((g) => [g.page.slice(TEST_DIST.length), g] as const),
  )('%s (charts, no map) ships ≤ 30 KB of JavaScript, brotli', (_, g) => {
    const table = g.files.map((f) => `${f.slice(TEST_DIST.length)} ${brotliSize(f)} B`).join('\n');
    expect(g.bytes, `${g.bytes} B brotli in total:\n${table}`).toBeLessThanOrEqual(BUDGET);
  });

  it('every family’s enhancer chunk opens with V8’s compile hint (compiled as it loads, not in the first step change’s frame)', () => {
    const chunks = new Map<string, string>();
    for (const g of stories) for (const [family, f] of enhancers(g.eager)) chunks.set(family, f);
    expect([...chunks.keys()].sort()).toEqual([...FAMILIES].sort());
    for (const [family, f] of chunks) expect(readFileSync(f, 'utf8').split('\n', 1)[0], `${family}: ${f}`).toBe(COMPILE_HINT);
  });

  it.each(stories.map((g) => [g.page.slice(TEST_DIST.length), g] as const))(
    '%s has its module scripts inside <body> (valid HTML)',
    (_, g) => {
      const html = readFileSync(g.page, 'utf8');
      const end = html.lastIndexOf('</body>');
      const scripts = [...html.matchAll(/<script\b/g)].map((m) => m.index);
      expect(scripts.filter((i) => i > end)).toEqual([]);
    },
  );

  it.each(graphs.map((g) => [g.page.slice(TEST_DIST.length), g] as const))(
    '%s loads enhancers lazily, and only those it has graphics for',
    (_, g) => {
      expect(g.eager.filter((f) => /enhance/.test(f) || g.unused.includes(f))).toEqual([]);
      expect(g.files.filter((f) => g.unused.includes(f))).toEqual([]);
    },
  );
});

/** ≤ 2 KB brotli for an embed page, all of it loaded only once a host frames the page (issue 16). */
const EMBED_BUDGET = 2 * 1024;

describe('JavaScript budget of the embed pages', () => {
  const embeds = existsSync(join(TEST_DIST, 'embed')) ? pages(join(TEST_DIST, 'embed')) : [];

  it('the build has embed pages', () => {
    expect(embeds.length).toBeGreaterThan(50);
  });

  it.each(embeds.map((p) => [p.slice(TEST_DIST.length), p] as const))(
    '%s: ≤ 2 KB brotli in all, no script file before it is framed',
    (_, page) => {
      const html = readFileSync(page, 'utf8');
      // No script file is loaded up front: only inline module code (hashed in the page's CSP) runs.
      expect([...html.matchAll(/<script\b[^>]*\bsrc=/g)]).toEqual([]);
      const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
      expect(
        inline.every((code) => /window\.parent\s*!==\s*window/.test(code)),
        'each inline script first checks that the page is framed',
      ).toBe(true);
      // What it loads when framed, and all that imports.
      const targets = inline.flatMap((code) =>
        [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => fileOf(m[1] as string)),
      );
      expect(targets.length, 'the height reporter is loaded when framed').toBeGreaterThan(0);
      const files = closure(page, targets, true);
      const bytes =
        inline.reduce(
          (n, code) => n + brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
          0,
        ) + [...files].reduce((n, f) => n + brotliSize(f), 0);
      expect(bytes, `${bytes} B brotli: ${[...files].join(', ')}`).toBeLessThanOrEqual(EMBED_BUDGET);
    },
  );
});
