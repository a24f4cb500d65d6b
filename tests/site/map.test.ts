/**
 * The map in real Chromium: static SVG states (also without JavaScript and without WebGL), and the
 * MapLibre controller driven directly (the site's built map module, map-harness.ts; map-scroll.test.ts
 * has the scrolly engine drive it): nothing of
 * MapLibre before the first scroll, camera and highlight per state, the page still scrolls over the
 * map, explore mode and back, WebGL context loss, and no request leaving the origin. The live map is
 * forced with `?map=live` (this machine's software WebGL does not qualify for it; map-path.test.ts
 * covers which path a device takes).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, PHONE_1X, type PageWatch } from '../../scripts/lib/browser.ts';
import { aPause, expectClean, sharedBrowser } from './shared.ts';
import { mapModuleEntry } from './map-harness.ts';

const STEPS = ['map-city', 'map-horqin', 'map-north', 'map-south', 'map-projects', 'map-count', 'map-holingol'] as const;
type Camera = { center: [number, number]; zoom: number };

let browser: Browser;
/** The built map module (`mount`), imported into the page by URL. */
let entry: string;
beforeAll(async () => {
  entry = mapModuleEntry();
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const demoUrl = () => `${inject('siteUrl')}demo/`;
/** The live map forced (this machine's software WebGL does not qualify for it: device.ts). */
const liveUrl = () => `${demoUrl()}?map=live`;

/** The camera a step's static state declares (from its `data-map`). */
async function declaredCamera(page: Page, step: string): Promise<Camera> {
  return page.evaluate((id) => {
    const c = (JSON.parse(document.querySelector<HTMLElement>(`#${id} .story-map`)!.dataset['map']!) as { c: [number, number, number] }).c;
    return { center: [c[0], c[1]] as [number, number], zoom: c[2] };
  }, step);
}

/** Mount the map controller on the first step's figure, as the engine mounts it on its sticky layer. */
async function mountOnFirstStep(page: Page): Promise<void> {
  // A string, not a function: vitest would rewrite a dynamic import() inside a function body.
  // Once the scrolly engine is on the page, step figures are hidden in its sticky layout: read the
  // section as an article so they show (the engine's own sticky map then has no size and stays static).
  await page.evaluate(`(async () => {
    document.querySelector('[data-story]')?.setAttribute('data-mode', 'article');
    const { mount } = await import(${JSON.stringify(entry)});
    const figure = document.querySelector('#map-city .story-map').parentElement;
    const c = mount(figure, { reducedMotion: false });
    Object.assign(window, { __map: c, __ready: c.ready.then(() => 'live', () => 'static') });
  })()`);
}

type MapWindow = Window & { __map: import('../../src/map/enhance.ts').MapController; __ready: Promise<string> };

async function showStep(page: Page, step: string): Promise<void> {
  await page.evaluate((id) => {
    const source = document.querySelector(`#${id} .story-map`)!.parentElement!;
    (window as unknown as MapWindow).__map.setState(id, source, { animate: false });
  }, step);
}

const getCamera = (page: Page) => page.evaluate(() => (window as unknown as MapWindow).__map.getCamera());

/**
 * Shows a step and waits for the live map to take over again: a state change hides it at once (the
 * SVG under it shows the state), and in the next pause it paints the state and is shown.
 */
async function showStepLive(page: Page, step: string): Promise<void> {
  await showStep(page, step);
  const state = await page.locator(`#${step} .story-map`).getAttribute('data-state');
  await page.waitForFunction(
    (state) => {
      const el = document.querySelector<HTMLElement>('#map-city .story-map')!;
      return el.classList.contains('is-live') && el.dataset['state'] === state;
    },
    state,
    { timeout: 30_000 },
  );
}

function expectSameCamera(actual: Camera, expected: Camera): void {
  expect(actual.center[0]).toBeCloseTo(expected.center[0], 3);
  expect(actual.center[1]).toBeCloseTo(expected.center[1], 3);
  expect(actual.zoom).toBeCloseTo(expected.zoom, 2);
}

/** Open the demo, mount, scroll once, wait for the live map. */
async function liveDemo(options = {}): Promise<{ page: Page; watch: PageWatch }> {
  const { page, watch } = await openPage(browser, inject('siteUrl'), options);
  await page.goto(liveUrl());
  await mountOnFirstStep(page);
  await page.locator('#map-city').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 40);
  expect(await page.evaluate(() => (window as unknown as MapWindow).__ready)).toBe('live');
  return { page, watch };
}

/**
 * The live desktop demo that the controller tests share: starting MapLibre under software WebGL is most of
 * each test's time, so the page the first test brought live is handed on (its watch keeps every error since
 * the load, so each test's expectClean covers the page's whole life). Each test gets it back at the first
 * map step, live and on screen; a test that fails drops it, and the next one opens its own.
 */
let shared: { page: Page; watch: PageWatch } | undefined;
async function sharedLive(): Promise<{ page: Page; watch: PageWatch }> {
  shared ??= await liveDemo();
  await shared.page.locator('#map-city .story-map').scrollIntoViewIfNeeded();
  await showStepLive(shared.page, 'map-city');
  return shared;
}
/** Runs a test on the shared live page; closes and forgets the page if the test fails. */
async function onSharedLive(test: (o: { page: Page; watch: PageWatch }) => Promise<void>): Promise<void> {
  const o = await sharedLive();
  try {
    await test(o);
  } catch (e) {
    shared = undefined;
    await o.page.context().close();
    throw e;
  }
}

describe('static map states', () => {
  it('every map step shows its SVG state without JavaScript, drawing the page’s one shared geometry', async () => {
    const { page, watch } = await openPage(browser, inject('siteUrl'), { javaScriptEnabled: false });
    await page.goto(demoUrl());
    expect(await page.locator('.story-map__defs').count()).toBe(1);
    for (const step of STEPS) {
      const svg = page.locator(`#${step} svg.story-map__svg`);
      expect(await svg.getAttribute('role')).toBe('img');
      expect((await svg.locator('desc').textContent())?.length).toBeGreaterThan(10);
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeCloseTo(box?.width ?? 0, 0);
    }
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll('use')].map((u) => u.getAttribute('href') ?? '').filter((h) => !document.getElementById(h.slice(1))),
    );
    expect(missing).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });
});

describe('MapLibre controller (one live desktop page, handed from test to test)', () => {
  afterAll(async () => {
    await shared?.page.context().close();
    shared = undefined;
  });

  it('loads nothing of MapLibre before the first scroll, then swaps in a map showing the same camera', async () => {
    const { page, watch } = await openPage(browser, inject('siteUrl'));
    const mapRequests: string[] = [];
    page.on('request', (r) => {
      if (/map-controller|maplibre|topo/.test(r.url())) mapRequests.push(r.url());
    });
    await page.goto(liveUrl());
    await mountOnFirstStep(page);
    // A pause without a scroll: the map would start in it if it did not wait for the first scroll.
    await aPause(page);
    await aPause(page);
    expect(mapRequests).toEqual([]);
    expect(await page.locator('.story-map__gl').count()).toBe(0);

    // The reader scrolls to the map and pauses there.
    await page.locator('#map-city').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 40);
    expect(await page.evaluate(() => (window as unknown as MapWindow).__ready)).toBe('live');
    expect(mapRequests.some((u) => u.includes('map-controller'))).toBe(true);
    expect(await page.locator('#map-city .story-map.is-live .story-map__gl canvas').count()).toBe(1);
    expectSameCamera(await getCamera(page), await declaredCamera(page, 'map-city'));
    expectClean(watch);
    // Live, at the first map step: the next tests go on from here.
    shared = { page, watch };
  });

  it('changes camera, highlight and layers state by state, in order', () =>
    onSharedLive(async ({ page, watch }) => {
      for (const step of STEPS) {
        await showStepLive(page, step);
        expectSameCamera(await getCamera(page), await declaredCamera(page, step));
        const figure = page.locator('#map-city .story-map');
        expect(await figure.getAttribute('data-state')).toBe(await page.locator(`#${step} .story-map`).getAttribute('data-state'));
        // The static SVG underneath follows too (it is what shows if the context is lost).
        expect(await figure.locator('svg.story-map__svg desc').textContent()).toBe(
          await page.locator(`#${step} svg.story-map__svg desc`).textContent(),
        );
      }
      // The north state leaves rivers out, the others keep them: the SVG under the map says so.
      await showStep(page, 'map-north');
      expect(await page.locator('#map-city .story-map use[href="#tlm-rivers"]').count()).toBe(0);
      await showStep(page, 'map-south');
      expect(await page.locator('#map-city .story-map use[href="#tlm-rivers"]').count()).toBe(1);
      expectClean(watch);
    }));

  it('lets the page scroll when the wheel starts over the map', () =>
    onSharedLive(async ({ page, watch }) => {
      const box = await page.locator('#map-city .story-map__gl').boundingBox();
      if (!box) throw new Error('no map box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const before = await page.evaluate(() => scrollY);
      const camera = await getCamera(page);
      await page.mouse.wheel(0, 300);
      // The page scrolled (so the wheel was handled), and the map did not pan or zoom with it.
      await page.waitForFunction((before) => scrollY > before + 100, before);
      expect(await getCamera(page)).toEqual(camera);
      expectClean(watch);
    }));

  it('falls back to the SVG while the WebGL context is lost, and swaps back once restored', () =>
    onSharedLive(async ({ page, watch }) => {
      const lose = (restore: boolean) =>
        page.evaluate((r) => {
          const canvas = document.querySelector<HTMLCanvasElement>('#map-city .story-map__gl canvas')!;
          const ext = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
          (window as unknown as { __lose?: WEBGL_lose_context }).__lose ??= ext;
          const saved = (window as unknown as { __lose: WEBGL_lose_context }).__lose;
          if (r) saved.restoreContext();
          else saved.loseContext();
        }, restore);
      await lose(false);
      await page.waitForFunction(() => !document.querySelector('#map-city .story-map')!.classList.contains('is-live'));
      expect(await page.locator('#map-city svg.story-map__svg').isVisible()).toBe(true);
      await lose(true);
      await page.waitForSelector('#map-city .story-map.is-live', { timeout: 20_000 });
      await showStepLive(page, 'map-south');
      expectSameCamera(await getCamera(page), await declaredCamera(page, 'map-south'));
      expectClean(watch);
    }));
});

describe('MapLibre controller, explore mode (on a phone)', () => {
  it('explore mode pans and zooms the map, and "back to the story" restores the state', async () => {
    const { page, watch } = await liveDemo(PHONE_1X);
    const explore = page.locator('#map-city .story-map__explore');
    expect(await explore.isVisible()).toBe(true);
    await explore.click();
    expect(await page.locator('#map-city .story-map__box').evaluate((el) => el.matches(':popover-open'))).toBe(true);
    const full = await page.locator('#map-city .story-map__box').boundingBox();
    expect(full?.height).toBeGreaterThan(800);
    const back = page.locator('#map-city .story-map__back');
    expect(await back.evaluate((el) => el === document.activeElement)).toBe(true);

    const before = await getCamera(page);
    await page.mouse.move(200, 420);
    await page.mouse.down();
    await page.mouse.move(100, 300, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await getCamera(page)).center, { timeout: 10_000 }).not.toEqual(before.center);

    await page.mouse.click(170, 480);
    expect(await page.locator('#map-city .story-map__tip').isVisible()).toBe(true);
    expect((await page.locator('#map-city .story-map__tip').textContent())?.length).toBeGreaterThan(1);

    await back.click();
    expect(await page.locator('#map-city .story-map.is-exploring').count()).toBe(0);
    expect(await explore.evaluate((el) => el === document.activeElement)).toBe(true);
    expectSameCamera(await getCamera(page), await declaredCamera(page, 'map-city'));
    expectClean(watch);
    await page.context().close();
  });
});

describe('without WebGL', () => {
  it('keeps the SVG, loads no MapLibre and reports no error', async () => {
    // The worker's browser launched without WebGL (shared.ts); closing this handle closes only its contexts.
    const noGl = await sharedBrowser({ webgl: false });
    try {
      const { page, watch } = await openPage(noGl, inject('siteUrl'));
      const mapRequests: string[] = [];
      page.on('request', (r) => {
        if (/map-controller|maplibre/.test(r.url())) mapRequests.push(r.url());
      });
      await page.goto(demoUrl());
      await mountOnFirstStep(page);
      await page.mouse.wheel(0, 40);
      expect(await page.evaluate(() => (window as unknown as MapWindow).__ready)).toBe('static');
      await showStep(page, 'map-horqin');
      expect(await page.locator('#map-city .story-map').getAttribute('data-state')).toBe('horqin');
      expect(await page.locator('.story-map__gl').count()).toBe(0);
      expect(await page.locator('#map-city .story-map__explore').isVisible()).toBe(false);
      expect(mapRequests).toEqual([]);
      expectClean(watch);
    } finally {
      await noGl.close();
    }
  });
});
