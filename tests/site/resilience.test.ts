/**
 * Resilience gates (issue 6) on every story page, on a phone (390×844, drawn at scale 1: PHONE_1X) unless
 * noted, with 0 page errors and 0 console errors in every scenario: JavaScript disabled (every page), WebGL
 * disabled and reduced motion (one pass per story reads both: the shared walk's phone reader, ./walk.ts), print (page.pdf()), and a desktop→phone
 * resize mid-scroll. scrolly.test.ts and map.test.ts
 * test these in depth on the demo story; this file covers every real story (and the demo with JavaScript
 * off, the one scenario read from the page alone). The page-side checks are in ./gates/resilience.ts and
 * are shown failing on bad fixture pages at the end. Every wait is for a condition.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, openPage, PHONE, PHONE_1X, settled, trackPending, type PageWatch } from '../../scripts/lib/browser.ts';
import { expectClean, sharedBrowser } from './shared.ts';
import { invisibleText, missingGraphics, missingInPrint, runningMotion } from './gates/resilience.ts';
import { ensureWalks, readWalk, WALK_KINDS } from './walk.ts';
import { cleanProblems, motionProblems, noWebGLMapProblems, stepOrderProblems } from './walk-gates.ts';
import { allPages, realStories } from './pages.ts';

/** The demo story is covered scenario by scenario in scrolly.test.ts and map.test.ts. */
const STORIES = realStories();

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(b: Browser, path: string, options: BrowserContextOptions): Promise<{ page: Page; watch: PageWatch }> {
  const opened = await openPage(b, inject('siteUrl'), options);
  // settled(): waits until the page has nothing pending (the engine's resize debounce among it).
  await trackPending(opened.page);
  const res = await opened.page.goto(inject('siteUrl') + path);
  expect(res?.status()).toBe(200);
  return opened;
}

describe('JavaScript disabled', () => {
  // One tab led from page to page (no script runs, and the site keeps no state in the browser), its
  // watch emptied before each page: a new context and renderer for each page cost more than the checks.
  let tab: Promise<{ page: Page; watch: PageWatch }> | undefined;
  afterAll(async () => {
    if (tab) await (await tab).page.context().close();
  });
  it.each(allPages())('/%s: all text, every step and every static graphic are there', async (path) => {
    tab ??= openPage(browser, inject('siteUrl'), { ...PHONE_1X, javaScriptEnabled: false });
    const { page, watch } = await tab;
    for (const list of Object.values(watch)) list.length = 0;
    const res = await page.goto(inject('siteUrl') + path);
    expect(res?.status()).toBe(200);
    expect(await page.evaluate(invisibleText)).toEqual([]);
    // Step figures skip rendering while off screen (content-visibility: auto, a 22rem placeholder size):
    // seen once in CI, a figure read as not shown right after the load. Read again until the page shows
    // them all (a condition, polled), or fail with what is still missing: a figure that truly is not
    // shown fails as before (the bad fixture below: '#s2: figure not shown').
    await expect.poll(() => page.evaluate(missingGraphics), { timeout: 15_000 }).toEqual([]);
    expectClean(watch, path);
  });
});

/**
 * WebGL disabled and reduced motion, read in one pass per story: the shared walk's phone reader (./walk.ts:
 * a browser without WebGL, reduced motion, the live map asked for with `?map=live` so only the missing WebGL
 * can keep it off) scrolls each story down; right after every stop no animation or d3 transition may run; at
 * each map step the enhancer must have decided (`data-live`) `off` and kept the SVG, and nothing of MapLibre
 * is fetched. The judging is ./walk-gates.ts (motionProblems, noWebGLMapProblems), shown failing on bad
 * recordings in tests/unit/walk-gates.test.ts; the positive controls below show the same recording sees the
 * live map and the motion on the walk that allows them (the live-map phone: WebGL, motion allowed).
 */
describe('WebGL disabled, with reduced motion', () => {
  const control = STORIES.find((p) => p.startsWith('fyp')) ?? STORIES[0]!;
  beforeAll(async () => {
    await ensureWalks(browser, [...STORIES.map((path) => ({ path, kind: 'phone' as const })), { path: control, kind: 'live' }]);
  }, 900_000);

  it.each(STORIES)(
    '/%s: no animation or d3 transition runs after any step change; the SVG maps stay, MapLibre never loads; no errors',
    (path) => {
      const w = readWalk({ path, kind: 'phone' });
      expect(WALK_KINDS.phone.options.reducedMotion).toBe('reduce');
      const problems = [...stepOrderProblems(w), ...motionProblems(w), ...noWebGLMapProblems(w), ...cleanProblems(w)];
      expect(problems, problems.join('\n')).toEqual([]);
    },
  );

  it('positive control: with WebGL, the same reading sees the live map and MapLibre load', () => {
    const w = readWalk({ path: control, kind: 'live' });
    const decisions = w.records.flatMap((r) => (r.map ? [r.map.decision] : []));
    expect(
      decisions.some((d) => d === 'wanted' || d === 'shown'),
      `decisions: ${decisions.join(', ')}`,
    ).toBe(true);
    expect(w.live).toBe(true);
    expect(w.maplibre.length).toBeGreaterThan(0);
    expect(noWebGLMapProblems(w).length).toBeGreaterThan(0);
    expect(cleanProblems(w)).toEqual([]);
  });

  it('positive control: the same motion check does see the motion on a story when motion is allowed', () => {
    const w = readWalk({ path: control, kind: 'live' });
    expect(w.motion.length, 'running transitions seen while scrolling with motion allowed').toBeGreaterThan(0);
    expect(motionProblems(w).length).toBeGreaterThan(0);
  });
});

describe('print', () => {
  // One tab led from story to story, as for JavaScript disabled (a fresh document each time; the site keeps
  // no state in the browser), its watch emptied before each page; each page opens on screen, then prints.
  let tab: Promise<{ page: Page; watch: PageWatch }> | undefined;
  afterAll(async () => {
    if (tab) await (await tab).page.context().close();
  });
  it.each(STORIES)('/%s: every step prints its static graphic, title, source and caption; the PDF is produced', async (path) => {
    tab ??= openPage(browser, inject('siteUrl'), PHONE_1X).then(async (opened) => (await trackPending(opened.page), opened));
    const { page, watch } = await tab;
    for (const list of Object.values(watch)) list.length = 0;
    await page.emulateMedia({ media: 'screen' });
    const res = await page.goto(inject('siteUrl') + path);
    expect(res?.status()).toBe(200);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(missingGraphics)).toEqual([]);
    expect(await page.evaluate(missingInPrint)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const steps = await page.locator('[data-step]').count();
    // every step's figure is kept whole (break-inside: avoid), so there are at least a few steps' worth of pages
    expect(pages, 'PDF pages').toBeGreaterThanOrEqual(Math.ceil(steps / 3));
    expect(pdf.length, 'PDF bytes').toBeGreaterThan(50_000);
    expectClean(watch, path);
  });
});

describe('resize mid-scroll', () => {
  it.each(STORIES)('/%s: 1280×800 → 390×844 keeps the active step', async (path) => {
    const { page, watch } = await open(browser, path, DESKTOP);
    const ids = await page.$$eval('[data-step]', (els) => els.map((e) => e.id));
    for (const id of [ids[Math.floor(ids.length / 3)]!, ids[Math.floor((2 * ids.length) / 3)]!]) {
      await page.setViewportSize(DESKTOP.viewport);
      // let the engine finish its debounced re-measure (it puts the reader back on their step) before scrolling
      await settled(page);
      await page.evaluate((id) => {
        const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
        window.scrollBy(0, document.getElementById(id)!.getBoundingClientRect().top - line + 120);
      }, id);
      await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-current') === 'step', id, { timeout: 20_000 });
      // A section's first step is current from the start (its graphic shows the first state before the
      // reader gets there), so the wait above can pass before the engine has seen the scroll. Let the
      // scroll be processed, as a reader pauses before turning the phone, then resize.
      await settled(page);
      await page.setViewportSize(PHONE.viewport);
      // The engine re-measures after a debounced resize and puts the reader back on the step: wait for
      // that (a condition, not a fixed delay: this machine is loaded), then check it holds.
      const back = (id: string) => {
        const el = document.getElementById(id)!;
        const r = el.getBoundingClientRect();
        return el.getAttribute('aria-current') === 'step' && r.bottom > 0 && r.top < window.innerHeight;
      };
      const ok = await page.waitForFunction(back, id, { timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      const state = await page.evaluate((id) => {
        const el = document.getElementById(id)!;
        return {
          y: window.scrollY,
          top: Math.round(el.getBoundingClientRect().top),
          vh: window.innerHeight,
          current: [...document.querySelectorAll('[aria-current="step"]')].map((e) => e.id),
        };
      }, id);
      expect(ok, `${id} current and on screen on a phone: ${JSON.stringify(state)}`).toBe(true);
      await settled(page);
      expect(await page.evaluate(back, id), `${id} still current and on screen after settling`).toBe(true);
    }
    expectClean(watch, path);
    await page.context().close();
  });
});

describe('the checks fail on bad fixture pages', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await openPage(browser, inject('siteUrl'), PHONE_1X)).page;
  });
  afterAll(async () => {
    await page.context().close();
  });
  const svg = (cls: string) => `<svg class="${cls}" width="300" height="200"><rect width="300" height="200"/></svg>`;

  it('hidden text and a step without its graphic', async () => {
    await page.setContent(`<main><h1>标题</h1><p>正文一</p><p>正文二</p><p style="display:none">藏起来的正文</p><p>正文三</p><p>正文四</p>
      <div data-step id="s1"><figure class="figure figure--step">${svg('chart__svg')}</figure><div class="step__card">第一步</div></div>
      <div data-step id="s2"><figure class="figure figure--step" style="visibility:hidden">${svg('chart__svg')}</figure><div class="step__card">第二步</div></div>
      <div data-step id="s3"><div class="step__card" style="opacity:0">第三步</div></div></main>`);
    expect(await page.evaluate(invisibleText)).toEqual(['p.: "藏起来的正文"', 'div.step__card: "第三步"']);
    expect(await page.evaluate(missingGraphics)).toEqual([
      '#s2: figure not shown',
      '#s2: no visible inline SVG',
      '#s3: step text hidden',
      '#s3: no static figure',
    ]);
  });

  it('a print stylesheet that drops a figure, its title or its source', async () => {
    await page.setContent(`<style>@media print { .drop { display: none } }</style><main>
      <div data-step id="p1"><figure class="figure figure--step"><p class="chart__title">图一</p>${svg('chart__svg')}<p class="chart__source">来源</p><figcaption>说明</figcaption></figure><div class="step__card">一</div></div>
      <div data-step id="p2"><figure class="figure figure--step drop"><p class="chart__title">图二</p>${svg('chart__svg')}<p class="chart__source">来源</p><figcaption>说明</figcaption></figure><div class="step__card">二</div></div>
      <div data-step id="p3"><figure class="figure figure--step"><p class="chart__title drop">图三</p>${svg('chart__svg')}<p class="chart__source">来源</p></figure><div class="step__card">三</div></div></main>`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(missingGraphics)).toEqual(['#p2: figure not shown', '#p2: no visible inline SVG']);
    expect(await page.evaluate(missingInPrint)).toEqual([
      '#p2: title not printed',
      '#p2: source line not printed',
      '#p3: title not printed',
      '#p3: no caption',
    ]);
    await page.emulateMedia({ media: 'screen' });
  });

  it('a running CSS animation and a pending d3 transition', async () => {
    await page.setContent(`<style>@keyframes spin { to { transform: rotate(1turn) } } .spin { animation: spin 2s infinite }</style>
      <div class="spin">转</div><svg><rect class="bar" width="10" height="10"/></svg>`);
    await page.evaluate(() => {
      (document.querySelector('rect') as unknown as { __transition: unknown }).__transition = { 1: { duration: 750, delay: 0 } };
    });
    expect(await page.evaluate(runningMotion)).toEqual(['animation spin on DIV.spin', 'd3 transition on rect.bar']);
  });
});
