/**
 * Links gate (issue 6): crawling the served test build from its base URL finds no broken internal
 * link, anchor or asset, and no URL that leaves the base path. External links are listed, not fetched.
 * The same check run over a small bad fixture site must report each kind of problem.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { crawlSite, type CrawlReport } from './gates/links.ts';
import { TEST_BASE, TEST_DIST } from '../../scripts/lib/browser.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allPages, storyPages } from './pages.ts';

/** `npm run build:test` builds for SITE_URL=http://127.0.0.1 (canonical and feed links). */
const SITE_ORIGIN = 'http://127.0.0.1';

describe('links of the test build', () => {
  let report: CrawlReport;
  beforeAll(async () => {
    report = await crawlSite(inject('siteUrl'), { seeds: ['demo/'], siteOrigin: SITE_ORIGIN });
  });

  it('reaches every page and the assets they load', () => {
    const paths = new Set(report.checked.map((u) => new URL(u).pathname));
    for (const page of [
      '',
      'data/',
      'sources/',
      'demo/',
      'fyp-projects/',
      'goals-2025/',
      'industry-2025/',
      'major-projects-2025/',
      'services-2025/',
      'winter-tour-2022/',
    ]) {
      expect(paths.has(`${TEST_BASE}${page}`), `${page || 'front page'} crawled`).toBe(true);
    }
    expect(
      [...paths].some((p) => p.endsWith('.js')),
      'scripts checked',
    ).toBe(true);
    // Every style is inline (astro.config.mjs: build.inlineStylesheets), so no page loads a stylesheet file:
    // a linked one made Chrome show the first frame about 1 s late in most Lighthouse runs.
    expect(
      [...paths].filter((p) => p.endsWith('.css')),
      'stylesheets loaded',
    ).toEqual([]);
  });

  it('has no broken internal link, anchor or asset', () => {
    expect(report.broken).toEqual([]);
  });

  it('has no URL that escapes the base path', () => {
    expect(report.escaping).toEqual([]);
  });

  it('lists the external links it did not fetch', () => {
    // Printed for the record (licences, the original articles); they are not fetched offline.
    console.log(
      `external links (not fetched): ${report.external.length}\n${report.external.map((e) => `  ${e.url}  (from ${e.parent})`).join('\n')}`,
    );
    for (const e of report.external) expect(e.url).toMatch(/^(https?:|mailto:)/);
  });
});

describe('where the first paint waits', () => {
  // `<link rel="expect" href="#id" blocking="render">` (src/layouts/Base.astro): an id the page lacks would hold
  // the first paint until the whole page is parsed, silently; a story's must end its first chapter's lead.
  const html = (path: string) => readFileSync(join(TEST_DIST, path, 'index.html'), 'utf8');
  const expected = (page: string) => [...page.matchAll(/<link rel="expect" href="#([\w-]+)" blocking="render">/g)].map((m) => m[1]!);
  it.each(allPages())('/%s: for one element of the page, at or after the bars at the top', (path) => {
    const page = html(path);
    const ids = expected(page);
    expect(ids).toHaveLength(1);
    const at = [...page.matchAll(new RegExp(`\\sid="${ids[0]}"`, 'g'))].map((m) => m.index);
    expect(at, `#${ids[0]} on the page`).toHaveLength(1);
    expect(at[0]).toBeGreaterThanOrEqual(page.indexOf(' id="bars-end"'));
  });
  it.each(storyPages())('/%s: for the end of the first chapter’s lead, before its first graphic', (path) => {
    const page = html(path);
    const first = page.indexOf('<section class="chapter"');
    const id = /<section class="chapter" id="([\w-]+)"/.exec(page.slice(first))?.[1];
    expect(expected(page)).toEqual([`${id}-lead-end`]);
    const marker = page.indexOf(`<span id="${id}-lead-end" hidden>`);
    const chapterEnd = page.indexOf('</section>', first);
    expect(marker).toBeGreaterThan(first);
    for (const graphic of ['<section class="scrolly"', '<figure class="figure']) {
      const g = page.indexOf(graphic, first);
      if (g >= 0 && g < chapterEnd) expect(marker, `${graphic} comes after the lead`).toBeLessThan(g);
    }
  });
});

describe('the links gate on a bad fixture site', () => {
  let server: RunningServer;
  let report: CrawlReport;
  beforeAll(async () => {
    server = await serve({ root: 'tests/fixtures/gates/links-bad', base: TEST_BASE });
    report = await crawlSite(server.url, { siteOrigin: SITE_ORIGIN });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reports the missing page, both missing anchors, the missing image and the missing CSS background', () => {
    const broken = report.broken.map((b) => b.url.slice(server.url.length - TEST_BASE.length + 1));
    expect(broken).toEqual(
      expect.arrayContaining([
        'stories/tongliao/missing/',
        'stories/tongliao/other/#nope',
        'stories/tongliao/#nowhere',
        'stories/tongliao/img/missing.png',
        'stories/tongliao/img/missing-bg.png',
      ]),
    );
    // and nothing that exists
    expect(broken.filter((b) => /other\/(#here)?$|#top$/.test(b))).toEqual([]);
  });

  it('reports the stylesheet and the canonical link that escape the base path', () => {
    expect(report.escaping.map((e) => new URL(e.url).pathname).sort()).toEqual(['/escape.css', '/tongliao/']);
  });

  it('lists the external licence link without fetching it', () => {
    expect(report.external.map((e) => e.url)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
  });
});
