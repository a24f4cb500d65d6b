/**
 * Security gates (issue 6), over the served test build: every page's Content-Security-Policy; scrolling
 * through every page to the bottom (maps enhanced on the way) with 0 CSP violations, 0 requests leaving
 * the origin and none leaving the base path (the stories: read from the shared walk's live-map reader,
 * ./walk.ts, judged by ./walk-gates.ts; the demo story: in scrolly.test.ts, whose every test scrolls it
 * under the same three checks); the `_headers` file as copied into the build; and
 * `lockfile-lint` on package-lock.json. Each check's logic lives in ./gates/ and is shown failing on
 * bad fixtures below. (Dataset strings with markup: tests/render/markup.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, TEST_BASE, TEST_DIST, type PageWatch } from '../../scripts/lib/browser.ts';
import { sharedBrowser } from './shared.ts';
import { checkCsp } from './gates/csp.ts';
import { checkHeadersFile, checkSecurityHeaders, headersFor, parseHeaders } from './gates/headers.ts';
import { lockfileEntries, lockfileLint } from './gates/lockfile.ts';
import { allFilePaths, allPages, DEMO, embedPages, embedSample, realStories, sitePaths } from './pages.ts';
import { ensureWalks, readWalk } from './walk.ts';
import { cleanProblems, liveMapProblems, walkProblems } from './walk-gates.ts';

const PAGES = allPages();
const STORIES = realStories();
/** Every embed page has its CSP checked (a file read); a representative set is also scrolled in the browser. */
const EMBEDS = embedPages();

describe('Content-Security-Policy', () => {
  it('checks the embed pages too', () => {
    expect(EMBEDS.length).toBeGreaterThan(50);
  });

  it.each([...PAGES, ...EMBEDS])('page /%s has a strict policy in its <meta>', (path) => {
    const html = readFileSync(join(TEST_DIST, path, 'index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)].map((m) =>
      m[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"'),
    );
    expect(metas).toHaveLength(1);
    expect(checkCsp(metas[0]!)).toEqual([]);
  });

  it('the check fails weak policies (bad fixtures)', () => {
    const good = "default-src 'self'; script-src 'self' 'sha256-abc='; worker-src 'self'; object-src 'none'; base-uri 'self'";
    expect(checkCsp(good)).toEqual([]);
    expect(checkCsp(good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"))).toContain("script-src allows 'unsafe-inline'");
    expect(checkCsp(good + "; style-src 'self' 'unsafe-eval'")).toContain("style-src allows 'unsafe-eval'");
    expect(checkCsp(good.replace("worker-src 'self'", "worker-src 'self' blob:"))).toContain(
      "workers must be same-origin only ('self'), got: 'self' blob:",
    );
    // without worker-src, workers fall back to script-src, which here has a hash too
    expect(checkCsp(good.replace("worker-src 'self'; ", '')).some((p) => p.startsWith('workers must be same-origin'))).toBe(true);
    expect(checkCsp(good.replace("script-src 'self'", "script-src 'self' https://cdn.example.com"))).toContain(
      'script-src allows another origin: https://cdn.example.com',
    );
    expect(checkCsp(good.replace("object-src 'none'", "object-src 'self'"))).toContain("object-src must be 'none', got: 'self'");
    expect(checkCsp("script-src 'self'")).toEqual(expect.arrayContaining(['no default-src', 'no base-uri']));
  });
});

describe('scrolling through every page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await sharedBrowser();
    await ensureWalks(
      browser,
      STORIES.map((path) => ({ path, kind: 'live' as const })),
    );
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('reads every real story (the shared walk, live map forced)', () => {
    expect(STORIES.length).toBeGreaterThanOrEqual(6);
    expect(PAGES.filter((p) => p !== DEMO && !STORIES.includes(p))).toEqual(['', 'data/', 'sources/']);
  });

  it.each(STORIES)('/%s: 0 CSP violations, 0 requests off the origin or the base path, maps enhanced, read to the bottom', (path) => {
    const w = readWalk({ path, kind: 'live' });
    const problems = [...walkProblems(w), ...cleanProblems(w), ...liveMapProblems(w)];
    if (!w.bottom) problems.push(`/${path} (live): never reached the bottom of the page`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  /** Scrolls to the bottom with the wheel (over the text column), waiting for any map that comes into view to go live. */
  async function scrollToBottom(page: Page): Promise<{ maps: number; live: boolean }> {
    await page.mouse.move(8, 400);
    const maps = await page.locator('.scrolly__layer[data-family="map"]').count();
    for (let guard = 0; guard < 400; guard++) {
      const before = await page.evaluate(() => window.scrollY);
      await page.mouse.wheel(0, 900);
      const mapOnScreen = await page.evaluate(() => {
        const w = window as unknown as { __mapLive?: boolean };
        return new Promise<boolean>((r) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              r(
                !w.__mapLive &&
                  [...document.querySelectorAll('.scrolly__layer.is-active[data-family="map"]')].some((l) => {
                    const b = l.getBoundingClientRect();
                    return b.height > 0 && b.bottom > 0 && b.top < window.innerHeight;
                  }),
              ),
            ),
          ),
        );
      });
      if (mapOnScreen) {
        // the map is on screen: let it load (MapLibre, its worker, the geometry) and go live before reading on
        await page.waitForFunction(() => (window as unknown as { __mapLive?: boolean }).__mapLive === true, null, { timeout: 60_000 });
      }
      if ((await page.evaluate(() => window.scrollY)) === before) break;
    }
    const bottom = await page.evaluate(() => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 2);
    expect(bottom, 'reached the bottom').toBe(true);
    return { maps, live: await page.evaluate(() => (window as unknown as { __mapLive?: boolean }).__mapLive === true) };
  }

  // One tab led from page to page (the site keeps no state in the browser; each page is a fresh document),
  // its watch and off-base list emptied before each page: a new context per page cost more than the reading.
  let tab: Promise<{ page: Page; watch: PageWatch; offBase: string[] }> | undefined;
  afterAll(async () => {
    if (tab) await (await tab).page.context().close();
  });
  async function openTab(): Promise<{ page: Page; watch: PageWatch; offBase: string[] }> {
    const siteUrl = inject('siteUrl');
    const { page, watch } = await openPage(browser, siteUrl);
    const offBase: string[] = [];
    const origin = new URL(siteUrl).origin;
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin === origin && !u.pathname.startsWith(TEST_BASE)) offBase.push(r.url());
    });
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('.story-map.is-live')) (window as unknown as { __mapLive?: boolean }).__mapLive = true;
      }).observe(document, { attributes: true, attributeFilter: ['class'], subtree: true });
    });
    return { page, watch, offBase };
  }
  it.each([...PAGES.filter((p) => p !== DEMO && !STORIES.includes(p)), ...embedSample()])(
    '/%s: 0 CSP violations, 0 requests off the origin or the base path, maps enhanced',
    async (path) => {
      const siteUrl = inject('siteUrl');
      tab ??= openTab();
      const { page, watch, offBase } = await tab;
      for (const list of [...Object.values(watch), offBase]) list.length = 0;
      // Story pages with ?map=live: the live map (MapLibre and its worker) must run under the CSP too.
      const res = await page.goto(siteUrl + path + (path.startsWith('embed/') ? '' : '?map=live'));
      expect(res?.status()).toBe(200);
      const { maps, live } = await scrollToBottom(page);
      if (maps > 0) expect(live, 'a map went live (MapLibre and its worker ran under the CSP)').toBe(true);
      await page.waitForLoadState('networkidle');
      expect(watch.cspViolations).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      expect(offBase).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    },
  );
});

describe('_headers', () => {
  const text = readFileSync(join(TEST_DIST, '_headers'), 'utf8');
  const EMBED = `${TEST_BASE}embed/`;
  const paths = sitePaths();
  const isEmbed = (p: string) => p.startsWith(EMBED);

  it('is generated into the build, parses, and gives every path HSTS, nosniff, Referrer-Policy, Permissions-Policy and frame-ancestors', () => {
    expect(paths.length).toBeGreaterThan(20);
    expect(checkHeadersFile(text, paths, isEmbed)).toEqual([]);
  });

  it('every rule is under the base path, and the long cache reaches the hashed assets only', () => {
    const { rules } = parseHeaders(text);
    expect(rules.filter((r) => !r.pattern.startsWith(TEST_BASE)).map((r) => r.pattern)).toEqual([]);
    const assets = allFilePaths(TEST_BASE).filter((p) => p.startsWith(`${TEST_BASE}_astro/`));
    expect(assets.length).toBeGreaterThan(3);
    for (const p of allFilePaths(TEST_BASE)) {
      const cache = headersFor(rules, p).get('cache-control') ?? '';
      expect(cache.includes('immutable'), p).toBe(p.startsWith(`${TEST_BASE}_astro/`));
    }
  });

  it('embed pages may be framed by any site; story pages only by this site', () => {
    const { rules } = parseHeaders(text);
    const embed = headersFor(rules, `${EMBED}demo/growth/`);
    expect(embed.get('content-security-policy')).toMatch(/frame-ancestors \*(;|$)/);
    expect(embed.has('x-frame-options')).toBe(false);
    const story = headersFor(rules, `${TEST_BASE}demo/`);
    expect(story.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(story.get('x-frame-options')).toBe('SAMEORIGIN');
    // the gate tells them apart
    expect(checkSecurityHeaders(story, { embed: true })).toEqual([
      'an embed page without CSP frame-ancestors *',
      'an embed page with X-Frame-Options SAMEORIGIN',
    ]);
  });

  it('lets any site frame the embed pages, and only those (issue 16)', () => {
    const { rules } = parseHeaders(text);
    const embeds = embedPages().map((p) => `${TEST_BASE}${p}`);
    expect(embeds.length).toBeGreaterThan(50);
    for (const path of [...embeds, ...embeds.map((p) => `${p}graphic.png`)]) {
      const h = headersFor(rules, path);
      expect(h.get('content-security-policy'), path).toMatch(/(^|;\s*)frame-ancestors \*$/);
      expect(h.has('x-frame-options'), path).toBe(false);
      expect(checkSecurityHeaders(h), path).toEqual(["no CSP frame-ancestors 'none'/'self' and no X-Frame-Options DENY/SAMEORIGIN"]);
    }
    for (const path of ['', 'demo/', 'fyp-projects/', 'data/', 'sources/', 'demo/graphics.json'].map((p) => `${TEST_BASE}${p}`)) {
      expect(checkSecurityHeaders(headersFor(rules, path)), path).toEqual([]);
    }
    // the embed rule is a folder, not a prefix: a path that merely starts with "embed" is not frameable
    expect(headersFor(rules, `${TEST_BASE}embedded/`).get('content-security-policy') ?? '').not.toMatch(/frame-ancestors \*/);
  });

  it('the check fails bad files (fixtures)', () => {
    const fixture = (name: string) => readFileSync(`tests/fixtures/gates/headers/${name}`, 'utf8');
    const some = ['/stories/tongliao/', '/data/x.json'];
    expect(checkHeadersFile(fixture('missing-hsts'), some)).toEqual([
      '/stories/tongliao/: no Strict-Transport-Security',
      '/data/x.json: no Strict-Transport-Security',
    ]);
    const partial = checkHeadersFile(fixture('some-paths'), some);
    expect(partial.filter((p) => p.startsWith('/data/x.json'))).toEqual([]);
    expect(partial.filter((p) => p.startsWith('/stories/tongliao/'))).toHaveLength(5);
    expect(checkHeadersFile(fixture('malformed'), ['/'])).toEqual([
      'line 1: header "Strict-Transport-Security" before any path',
      'line 3: not a "Name: value" header: "X-Content-Type-Options nosniff"',
      '/: Strict-Transport-Security max-age too short or missing: max-age=300',
      '/: no X-Content-Type-Options: nosniff',
      '/: Referrer-Policy leaks or is invalid: unsafe-url',
      '/: Permissions-Policy item does not parse: "geolocation"',
      "/: no CSP frame-ancestors 'none'/'self' and no X-Frame-Options DENY/SAMEORIGIN",
    ]);
  });
});

describe('lockfile', () => {
  it('package-lock.json passes lockfile-lint (https, registry.npmjs.org, sha512, names) and every package has an integrity hash', async () => {
    const r = await lockfileLint('package-lock.json');
    expect(r.output).toContain('No issues detected');
    expect(r.ok).toBe(true);
    expect(lockfileEntries('package-lock.json')).toEqual([]);
  });

  it('the check fails a bad lockfile (fixture: http, a foreign host, sha1, no integrity)', async () => {
    const path = 'tests/fixtures/gates/lockfile-bad/package-lock.json';
    const r = await lockfileLint(path);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/invalid protocol for package: d3-array@/);
    expect(r.output).toMatch(/invalid host\(s\) for package: evil@[^\n]*\n[^\n]*\n\s*actual: evil\.example\.com/);
    expect(r.output).toMatch(/invalid integrity hash type for package: old@/);
    expect(lockfileEntries(path)).toEqual([
      'node_modules/d3-array: resolved outside https://registry.npmjs.org/: http://registry.npmjs.org/d3-array/-/d3-array-3.2.5.tgz',
      'node_modules/evil: resolved outside https://registry.npmjs.org/: https://evil.example.com/evil/-/evil-1.0.0.tgz',
      'node_modules/old: integrity is not sha512',
      'node_modules/bare: no integrity',
    ]);
  });
});
