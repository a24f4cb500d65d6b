/**
 * Resilience gates (issue 6) on every story page, on a phone (390×844) unless noted, with 0 page errors
 * and 0 console errors in every scenario: JavaScript disabled (every page), WebGL disabled, reduced
 * motion, print (page.pdf()), and a desktop→phone resize mid-scroll. scrolly.test.ts and map.test.ts
 * test these in depth on the demo story; this file covers every real story (and the demo with JavaScript
 * off, the one scenario read from the page alone). The page-side checks are in ./gates/resilience.ts and
 * are shown failing on bad fixture pages at the end. Every wait is for a condition.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, frames, launch, openPage, PHONE, settled, trackPending, type PageWatch } from '../../scripts/lib/browser.ts';
import { invisibleText, missingGraphics, missingInPrint, runningMotion } from './gates/resilience.ts';
import { allPages, realStories } from './pages.ts';

/** The demo story is covered scenario by scenario in scrolly.test.ts and map.test.ts. */
const STORIES = realStories();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function expectClean(watch: PageWatch, what: string): void {
  expect(watch.errors, `${what}: page errors`).toEqual([]);
  expect(watch.consoleErrors, `${what}: console errors`).toEqual([]);
  expect(watch.cspViolations, `${what}: CSP violations`).toEqual([]);
  expect(watch.foreignRequests, `${what}: requests off the origin`).toEqual([]);
}

async function open(b: Browser, path: string, options: BrowserContextOptions): Promise<{ page: Page; watch: PageWatch }> {
  const opened = await openPage(b, inject('siteUrl'), options);
  // settled(): waits until the page has nothing pending (the engine's resize debounce among it).
  await trackPending(opened.page);
  const res = await opened.page.goto(inject('siteUrl') + path);
  expect(res?.status()).toBe(200);
  return opened;
}

/** Wheel through the page over the text column, calling `each` after every notch. */
async function wheelThrough(page: Page, deltaY: number, each: () => Promise<void>): Promise<number> {
  await page.mouse.move(6, 300);
  let notches = 0;
  // Where a notch ends is where the next one starts: one read of the position per notch.
  let before = await page.evaluate(() => window.scrollY);
  for (let guard = 0; guard < 1000; guard++) {
    await page.mouse.wheel(0, deltaY);
    await frames(page);
    await each();
    notches++;
    const after = await page.evaluate(() => window.scrollY);
    if (after === before) return notches;
    before = after;
  }
  throw new Error('the page never stopped scrolling');
}

describe('JavaScript disabled', () => {
  it.each(allPages())('/%s: all text, every step and every static graphic are there', async (path) => {
    const { page, watch } = await open(browser, path, { ...PHONE, javaScriptEnabled: false });
    expect(await page.evaluate(invisibleText)).toEqual([]);
    expect(await page.evaluate(missingGraphics)).toEqual([]);
    expectClean(watch, path);
    await page.context().close();
  });
});

describe('WebGL disabled', () => {
  let noGl: Browser;
  beforeAll(async () => {
    noGl = await launch({ webgl: false });
  });
  afterAll(async () => {
    await noGl?.close();
  });

  /**
   * Scrolls the story with the live map asked for (`?map=live`, so only a missing WebGL can keep it off);
   * at each map on screen, waits until its enhancer has decided (`data-live`: off, wanted, shown, failed)
   * and nothing is pending, then reads what shows. The same reading serves the positive control below.
   */
  async function readMaps(b: Browser, path: string) {
    const { page, watch } = await open(b, `${path}?map=live`, PHONE);
    const maplibre: string[] = [];
    page.on('request', (r) => {
      if (/maplibre/.test(r.url())) maplibre.push(r.url());
    });
    const mapLayers = await page.locator('.scrolly__layer[data-family="map"]').count();
    const decisions: string[] = [];
    let svgHidden = 0;
    await wheelThrough(page, 800, async () => {
      const onScreen = await page.evaluate(
        () =>
          [...document.querySelectorAll('.scrolly__layer.is-active[data-family="map"]')].filter((l) => {
            const b = l.getBoundingClientRect();
            return b.height > 0 && b.bottom > 0 && b.top < window.innerHeight;
          }).length,
      );
      if (onScreen > 0) {
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll<HTMLElement>('.scrolly__layer.is-active[data-family="map"] .story-map')].some((m) => {
              const r = m.getBoundingClientRect();
              return m.dataset['live'] !== undefined && r.bottom > 0 && r.top < window.innerHeight;
            }),
          undefined,
          { timeout: 60_000 },
        );
        await settled(page);
        decisions.push(
          ...(await page.$$eval('.scrolly__layer.is-active[data-family="map"] .story-map[data-live]', (els) =>
            els.map((e) => (e as HTMLElement).dataset['live'] ?? ''),
          )),
        );
        const svg = await page.evaluate(() =>
          [...document.querySelectorAll('.scrolly__layer.is-active[data-family="map"] svg.story-map__svg')].some((s) => {
            const b = s.getBoundingClientRect();
            return b.width > 100 && b.height > 100 && s.checkVisibility({ visibilityProperty: true, opacityProperty: true });
          }),
        );
        if (!svg) svgHidden++;
      }
    });
    const live = await page.locator('.story-map__gl, .story-map.is-live').count();
    return { page, watch, mapLayers, decisions, svgHidden, live, maplibre };
  }

  it.each(STORIES)('/%s: the SVG maps stay, MapLibre never loads, no errors', async (path) => {
    const r = await readMaps(noGl, path);
    if (r.mapLayers > 0) expect(r.decisions.length, 'a map section was on screen and its enhancer decided').toBeGreaterThan(0);
    expect(
      r.decisions.filter((d) => d !== 'off'),
      'every map on screen stays the SVG',
    ).toEqual([]);
    expect(r.svgHidden, 'the SVG map shows').toBe(0);
    expect(r.live).toBe(0);
    expect(r.maplibre).toEqual([]);
    expectClean(r.watch, path);
    await r.page.context().close();
  });

  it('positive control: with WebGL, the same reading sees the live map and MapLibre load', async () => {
    const path = STORIES.find((p) => p.startsWith('fyp')) ?? STORIES[0]!;
    const r = await readMaps(browser, path);
    expect(
      r.decisions.some((d) => d === 'wanted' || d === 'shown'),
      `decisions: ${r.decisions.join(', ')}`,
    ).toBe(true);
    expect(r.live).toBeGreaterThan(0);
    expect(r.maplibre.length).toBeGreaterThan(0);
    expectClean(r.watch, path);
    await r.page.context().close();
  });
});

describe('reduced motion', () => {
  it.each(STORIES)('/%s: no animation or d3 transition runs after any step change', async (path) => {
    const { page, watch } = await open(browser, path, { ...PHONE, reducedMotion: 'reduce' });
    await page.evaluate(() => {
      const w = window as unknown as { __changes: number };
      w.__changes = 0;
      new MutationObserver(() => w.__changes++).observe(document.body, {
        attributes: true,
        attributeFilter: ['aria-current'],
        subtree: true,
      });
    });
    const found: string[] = [];
    await wheelThrough(page, 500, async () => {
      for (const m of await page.evaluate(runningMotion)) found.push(m);
    });
    expect(found).toEqual([]);
    const steps = await page.locator('[data-step]').count();
    expect(
      await page.evaluate(() => (window as unknown as { __changes: number }).__changes),
      'steps changed while scrolling',
    ).toBeGreaterThanOrEqual(steps);
    expectClean(watch, path);
    await page.context().close();
  });

  it('the same check does see the motion on a story when motion is allowed (it is not vacuous)', async () => {
    const path = STORIES.find((p) => p.startsWith('fyp')) ?? STORIES[0]!;
    const { page, watch } = await open(browser, path, PHONE);
    await page.mouse.move(6, 300);
    let seen: string[] = [];
    for (let i = 0; i < 200 && seen.length === 0; i++) {
      await page.mouse.wheel(0, 300);
      await frames(page);
      seen = await page.evaluate(runningMotion);
    }
    expect(seen.length, 'running transitions seen while scrolling with motion allowed').toBeGreaterThan(0);
    expectClean(watch, path);
    await page.context().close();
  });
});

describe('print', () => {
  it.each(STORIES)('/%s: every step prints its static graphic, title, source and caption; the PDF is produced', async (path) => {
    const { page, watch } = await open(browser, path, PHONE);
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
    await page.context().close();
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
    page = (await openPage(browser, inject('siteUrl'), PHONE)).page;
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
