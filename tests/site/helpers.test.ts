/**
 * The waiting helpers of scripts/lib/browser.ts, on small pages of their own: settled() waits for what a page has
 * pending (a debounce timer, an idle callback, a request, a CSS transition) and fails naming what never
 * ends; frames() gives up after 1 s on a page that draws no frames; layoutShift() sees a shift that
 * happened and its control. Each wait is shown to have waited (the thing it waits for has happened).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { frames, layoutShift, openPage, settled, trackPending, TEST_BASE } from '../../scripts/lib/browser.ts';
import { sharedBrowser } from './shared.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page of the site's origin (the front page), tracked for settled(), then emptied for the test's own content. */
async function blank(): Promise<Page> {
  const { page } = await openPage(browser, inject('siteUrl'));
  await trackPending(page);
  await page.goto(inject('siteUrl'));
  await settled(page);
  await page.evaluate(() => {
    document.body.replaceChildren();
  });
  return page;
}

describe('settled()', () => {
  // Longer than the 800 ms the tests used to sleep: a fixed wait would have gone on too early.
  it('waits out a debounce timer, an idle callback and a transition, however late they end', async () => {
    const page = await blank();
    try {
      await page.evaluate(() => {
        const w = window as unknown as { __done: string[] };
        w.__done = [];
        setTimeout(() => {
          w.__done.push('timer');
          // scheduled by the timer itself: still pending when the first one has run
          setTimeout(() => w.__done.push('second timer'), 600);
        }, 700);
        requestIdleCallback(() => w.__done.push('idle'));
        const box = document.createElement('div');
        box.style.width = '10px';
        box.style.height = '10px';
        box.style.transition = 'width 1200ms linear';
        document.body.append(box);
        box.getBoundingClientRect();
        box.style.width = '200px';
        box.addEventListener('transitionend', () => w.__done.push('transition'));
      });
      await settled(page);
      expect((await page.evaluate(() => (window as unknown as { __done: string[] }).__done)).sort()).toEqual([
        'idle',
        'second timer',
        'timer',
        'transition',
      ]);
    } finally {
      await page.context().close();
    }
  });

  it('waits for a request in flight', async () => {
    const page = await blank();
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/held.json', async (route) => {
        await held;
        await route.fulfill({ body: '{}', contentType: 'application/json' });
      });
      await page.evaluate(
        (url) => void fetch(url).then(() => ((window as unknown as { __got: boolean }).__got = true)),
        `${TEST_BASE}held.json`,
      );
      let done = false;
      const waiting = settled(page).then(() => (done = true));
      // Held for 1.5 s (longer than the old 800 ms sleep), watched frame by frame; released, it settles.
      for (const t = Date.now(); Date.now() - t < 1500;) await frames(page);
      expect(done, 'not settled while the request is held').toBe(false);
      release();
      await waiting;
      expect(await page.evaluate(() => (window as unknown as { __got?: boolean }).__got)).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('fails, naming what is pending, when something never ends', async () => {
    const page = await blank();
    try {
      await page.evaluate(() => {
        const again = () => setTimeout(again, 100);
        again();
      });
      await expect(settled(page, { timeout: 1500 })).rejects.toThrow(/settled\(\): after 1500 ms still pending: timeout 100 ms/);
    } finally {
      await page.context().close();
    }
  });

  it('refuses a page that was not tracked before it loaded', async () => {
    const { page } = await openPage(browser, inject('siteUrl'));
    try {
      await expect(settled(page)).rejects.toThrow(/call trackPending\(page\) before loading the page/);
    } finally {
      await page.context().close();
    }
  });
});

describe('frames()', () => {
  it('two frames on a page that draws; gives up after about 1 s on one that draws none', async () => {
    const page = await blank();
    try {
      await page.evaluate(() => {
        const w = window as unknown as { __frames: number };
        w.__frames = 0;
        const count = () => {
          w.__frames++;
          requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
      });
      const before = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
      await frames(page);
      expect(await page.evaluate(() => (window as unknown as { __frames: number }).__frames)).toBeGreaterThanOrEqual(before + 2);
      // No frames at all: requestAnimationFrame never calls back.
      await page.evaluate(() => {
        window.requestAnimationFrame = () => 0;
      });
      const t = Date.now();
      await frames(page);
      const took = Date.now() - t;
      expect(took).toBeGreaterThanOrEqual(950);
      expect(took).toBeLessThan(10_000);
    } finally {
      await page.context().close();
    }
  });
});

describe('layoutShift()', () => {
  it('counts a shift that happened after the first paint, and its control', async () => {
    const page = await blank();
    try {
      await page.evaluate(async () => {
        document.body.innerHTML = '<p>一段文字</p><p>另一段文字</p>';
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const push = document.createElement('div');
        push.style.height = '120px';
        document.body.prepend(push);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      });
      const shift = await layoutShift(page);
      expect(shift.sinceLoad).toBeGreaterThan(0);
      // What moved is named (here the body, whose first paragraph the block pushed down), with its rectangles.
      expect(shift.shifts.length).toBeGreaterThan(0);
      for (const s of shift.shifts) expect(s).toMatch(/^\d+ ms: [\d.e-]+ \(body [\d.,]+ [\d.]+×[\d.]+ → [\d.,]+ [\d.]+×[\d.]+\)$/);
      expect(shift.control).toBeGreaterThan(0);
    } finally {
      await page.context().close();
    }
  });
});
