/**
 * No step is ever read beside another step's graphic (issue 15): when the story script is blocked, while
 * it is still loading on a slow connection (50 kbps, 2 s latency, through CDP), and on a screen too short
 * for a sticky graphic (400 % zoom: 320×256 CSS px, WCAG 1.4.10 reflow). The sticky layout waits for
 * the engine (`html[data-engine]`); until then each step shows its own graphic.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, FULL_HD, openPage, PHONE_1X } from '../../scripts/lib/browser.ts';
import { expectNoLayoutShift, sharedBrowser } from './shared.ts';
import { realStories, storyPages } from './pages.ts';

const SLOW_STORY = 'fyp-projects/';
/**
 * The blocked script: the real stories (the layout rule is the same on every page; scrolly.test.ts checks
 * the demo without JavaScript and with its graphics' script blocked). 400 % zoom: every story, the demo too
 * (it shows kinds of graphic no real story shows, and this checks each graphic has room).
 */
const STORIES = realStories();
const ZOOM_STORIES = storyPages();

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The step ids of the page, in order. */
const stepIds = (page: Page) => page.$$eval('[data-step]', (els) => els.map((e) => e.id));

/**
 * Puts a step where a reader reads it (the sticky layout's alignment: just above the trigger line) and
 * returns the graphics a reader sees for it: its own figure when that is shown, and any visible layer of
 * its section's sticky slot, as "graphic state"; plus what the step declares.
 */
async function seenFor(page: Page, id: string): Promise<{ want: string; seen: string[] }> {
  return page.evaluate(async (id) => {
    const step = document.getElementById(id)!;
    step.scrollIntoView({ block: 'start', behavior: 'instant' });
    // Two frames (bounded: a page with no frames goes on after 1 s, as scripts/lib/browser.ts frames()).
    await new Promise<void>((r) => {
      const bound = setTimeout(() => r(), 1000);
      requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(bound), r())));
    });
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
    };
    const name = (el: HTMLElement) => `${el.dataset['graphic']} ${el.dataset['state']}`;
    const seen: string[] = [];
    // A step's own figure follows its text: on a 256 px high screen it may start below the fold, so it
    // counts when it is laid out (hidden figures have no box); the sticky layers must be on screen.
    const own = step.querySelector<HTMLElement>(':scope > .figure [data-graphic]');
    if (own && own.getBoundingClientRect().height > 0 && own.getBoundingClientRect().width > 0) seen.push(name(own));
    const section = step.closest('[data-scrolly]')!;
    for (const layer of section.querySelectorAll<HTMLElement>('.scrolly__layer')) {
      const cs = getComputedStyle(layer);
      if (cs.visibility === 'visible' && Number(cs.opacity) > 0.5 && shown(layer)) seen.push(name(layer));
    }
    return { want: name(step), seen };
  }, id);
}

/** Every step of the page, one by one: the reader sees exactly that step's graphic. */
async function expectEveryStepMatches(page: Page, waitForEngine: boolean): Promise<number> {
  const ids = await stepIds(page);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    if (waitForEngine) {
      // the engine marks the step and switches the graphic (its controller may still be loading)
      await expect
        .poll(
          async () => {
            const { want, seen } = await seenFor(page, id);
            return seen.length === 1 && seen[0] === want && (await page.$eval(`#${id}`, (e) => e.getAttribute('aria-current')));
          },
          { timeout: 30_000, message: `step #${id}` },
        )
        .toBe('step');
    } else {
      const { want, seen } = await seenFor(page, id);
      expect(seen, `step #${id}`).toEqual([want]);
    }
  }
  return ids.length;
}

/** A page that records errors and requests; the test navigates it (after setting up routes or throttling). */
async function open(options: BrowserContextOptions = DESKTOP) {
  return openPage(browser, inject('siteUrl'), options);
}

/**
 * One tab per reader, led from story to story as a reader follows links (the site keeps no state in the
 * browser: no storage, no cookies; each page is a fresh document), its watch emptied before each page: a new
 * browser context and renderer for each story cost more than the checks. Closed after the describe.
 */
function tabFor(options: BrowserContextOptions, prepare: (page: Page) => Promise<unknown> = async () => {}) {
  let tab: Promise<Awaited<ReturnType<typeof open>>> | undefined;
  afterAll(async () => {
    if (tab) await (await tab).page.context().close();
  });
  return async () => {
    tab ??= open(options).then(async (opened) => (await prepare(opened.page), opened));
    const opened = await tab;
    for (const list of Object.values(opened.watch)) list.length = 0;
    return opened;
  };
}

describe('the story script does not run', () => {
  // The story script blocked on the tab for good: every page it opens loads without it.
  const blocked: string[] = [];
  const tab = tabFor(DESKTOP, (page) =>
    page.route(/\/_astro\/.*\.js$/, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    }),
  );
  it.each(STORIES)('/%s: blocked, every step shows its own graphic (article layout), no dead switch', async (path) => {
    const { page, watch } = await tab();
    blocked.length = 0;
    await page.goto(inject('siteUrl') + path);
    await page.waitForLoadState('load');
    expect(blocked.length, 'the story script was requested and blocked').toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset['engine'])).toBeUndefined();
    await expectEveryStepMatches(page, false);
    // the "read as article" switch cannot work without the script: it is not shown (its place may be kept)
    expect(
      await page.$eval('[data-read-mode]', (e) => getComputedStyle(e).display === 'none' || getComputedStyle(e).visibility === 'hidden'),
    ).toBe(true);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('positive control: with the script, the same check runs the sticky layout and passes', async () => {
    const { page, watch } = await open();
    await page.goto(inject('siteUrl') + SLOW_STORY);
    await page.waitForFunction(() => document.documentElement.dataset['engine'] === 'started');
    expect(await page.$eval('.scrolly__sticky', (e) => getComputedStyle(e).display)).not.toBe('none');
    const ids = await stepIds(page);
    await expectEveryStepMatches(page, true);
    expect(ids.length).toBeGreaterThan(5);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});

describe('a slow connection: 50 kbps, 2 s latency', () => {
  it(`/${SLOW_STORY}: while the script loads every step shows its own graphic; once the engine runs, the sticky graphic follows`, async () => {
    const { page, watch } = await open(PHONE_1X);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 2000,
      downloadThroughput: 50_000 / 8,
      uploadThroughput: 50_000 / 8,
    });
    await page.goto(inject('siteUrl') + SLOW_STORY, { waitUntil: 'commit', timeout: 120_000 });
    // the whole page has arrived and is parsed; the story script (requested after it) has not run yet
    await page.waitForFunction(() => document.readyState !== 'loading' && document.querySelector('[data-scrolly-live]'), null, {
      timeout: 120_000,
      polling: 100,
    });
    expect(
      await page.evaluate(() => document.documentElement.dataset['engine']),
      'the engine must not have started yet (the window under test)',
    ).toBeUndefined();
    const checked = await expectEveryStepMatches(page, false);
    expect(
      await page.evaluate(() => document.documentElement.dataset['engine']),
      'all steps were checked before the engine started',
    ).toBeUndefined();
    expect(checked).toBeGreaterThanOrEqual(5);
    // the network recovers: the engine starts, the layout turns sticky, and the graphic still follows every step
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.waitForFunction(() => document.documentElement.dataset['engine'] === 'started', null, { timeout: 60_000 });
    await expectEveryStepMatches(page, true);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});

describe('the script arrives after the first paint', () => {
  // Lighthouse's phone (Moto G Power) and ours: on goals-2025 the first section is in view as the page opens.
  // Desktops: at 1280×800 goals-2025's first section is, at 1920×1080 every story's first (src/scrolly/scrolly.css).
  const LH_PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } as const;
  /**
   * One tab per phone, led from story to story (each page a fresh document; routing turns the tab's HTTP
   * cache off, so every page requests its script anew): the story script is held until `release()`, called
   * once the page has painted; `hold()` closes the gate again before each page.
   */
  const held = (options: BrowserContextOptions) => {
    let gate = Promise.resolve();
    let open = () => {};
    const tab = tabFor(options, (page) =>
      page.route(/\/_astro\/Story\.astro[^/]*\.js$/, async (route) => {
        await gate;
        await route.continue();
      }),
    );
    return {
      tab,
      hold: () => void (gate = new Promise<void>((r) => (open = r))),
      release: () => open(),
    };
  };
  const screens = [
    [LH_PHONE, held(LH_PHONE)],
    [PHONE_1X, held(PHONE_1X)],
    [DESKTOP, held(DESKTOP)],
    [FULL_HD, held(FULL_HD)],
  ] as const;
  it.each(STORIES)('/%s: the switch to the sticky layout shifts nothing, on a phone or a desktop', async (path) => {
    for (const [options, { tab, hold, release }] of screens) {
      const { page, watch } = await tab();
      hold();
      await page.goto(inject('siteUrl') + path, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint').length > 0 && document.readyState !== 'loading',
      );
      expect(await page.evaluate(() => document.documentElement.dataset['engine'])).toBeUndefined();
      release();
      await page.waitForFunction(() => document.documentElement.dataset['engine'] === 'started');
      await expectNoLayoutShift(page, `${options.viewport.width}×${options.viewport.height}`);
      expect(watch.errors).toEqual([]);
    }
  });
});

describe('400 % zoom: 320×256 CSS px (WCAG 1.4.10 reflow)', () => {
  // The layout of a 1280×1024 window at 400 % zoom is a 320×256 CSS px viewport; the check reads that
  // layout (boxes in CSS px), drawn at device scale 1 (the zoom's pixel density changes no box).
  const ZOOMED = { viewport: { width: 320, height: 256 }, deviceScaleFactor: 1 } as const;

  const tab = tabFor(ZOOMED);
  it.each(ZOOM_STORIES)('/%s: the article layout, every graphic and map has room', async (path) => {
    const { page, watch } = await tab();
    await page.goto(inject('siteUrl') + path);
    await page.waitForFunction(() => document.documentElement.dataset['engine'] === 'started');
    expect(await page.$$eval('.scrolly__sticky', (els) => els.filter((e) => getComputedStyle(e).display !== 'none').length)).toBe(0);
    await expectEveryStepMatches(page, false);
    const boxes = await page.$$eval('[data-step] > .figure :is(.story-map__box, .chart__svg)', (els) =>
      els
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { cls: e.getAttribute('class'), w: Math.round(r.width), h: Math.round(r.height) };
        }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.filter((b) => b.w < 100 || b.h < (b.cls?.includes('story-map') ? 100 : 40))).toEqual([]);
    // the engine is paused on a short screen: no step is marked current in the article
    expect(await page.$$eval('[aria-current="step"]', (els) => els.length)).toBe(0);
    expect(watch.errors).toEqual([]);
  });

  it('back to a tall window (zoom reset), the sticky layout and the engine return; short again, the article', async () => {
    const { page, watch } = await open(ZOOMED);
    await page.goto(inject('siteUrl') + SLOW_STORY);
    await page.waitForFunction(() => document.documentElement.dataset['engine'] === 'started');
    await page.setViewportSize({ width: 1280, height: 1024 });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.scrolly__sticky')!).display !== 'none');
    await expectEveryStepMatches(page, true);
    await page.setViewportSize({ width: 320, height: 256 });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.scrolly__sticky')!).display === 'none');
    await expectEveryStepMatches(page, false);
    await expect.poll(() => page.$$eval('[aria-current="step"]', (els) => els.length)).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});
