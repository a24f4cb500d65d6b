/**
 * The map as the scrolly engine drives it: scrolling through the map steps changes the sticky map's
 * state, camera, highlight and layers in order (the camera read from the editors' ?debug view, which
 * prints the controller's getCamera()), and the page keeps scrolling when the wheel starts on the map.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, PHONE_1X } from '../../scripts/lib/browser.ts';
import { sharedBrowser } from './shared.ts';

const STEPS = ['map-city', 'map-horqin', 'map-north', 'map-south', 'map-projects', 'map-count', 'map-holingol'] as const;
const LAYER = '.scrolly__layer[data-family="map"] .story-map';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The camera the debug view shows now, or null. */
async function debugCamera(page: Page): Promise<{ center: [number, number]; zoom: number } | null> {
  const text = await page.locator('.scrolly-debug pre').nth(1).textContent();
  const m = /^camera: (\{.*\})$/.exec(text?.trim() ?? '');
  return m ? (JSON.parse(m[1] as string) as { center: [number, number]; zoom: number }) : null;
}

async function declared(page: Page, step: string): Promise<{ state: string; c: [number, number, number]; h: string[]; l: string[] }> {
  return page.evaluate((id) => {
    const el = document.querySelector<HTMLElement>(`#${id} .story-map`)!;
    return {
      state: el.dataset['state']!,
      ...(JSON.parse(el.dataset['map']!) as { c: [number, number, number]; h: string[]; l: string[] }),
    };
  }, step);
}

describe('the map driven by the scrolly engine', () => {
  // One live page for both checks: starting MapLibre under software WebGL is most of each check's time.
  it('scrolling through the map steps changes state, camera, highlight and layers in order; a wheel that starts over the sticky map still scrolls the page', async () => {
    const { page, watch } = await openPage(browser, inject('siteUrl'), PHONE_1X);
    await page.goto(`${inject('siteUrl')}demo/?debug&map=live#map-city`);
    await page.mouse.wheel(0, 30);
    await page.waitForSelector(`${LAYER}.is-live`, { timeout: 60_000 });
    for (const step of STEPS) {
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center', behavior: 'instant' }), step);
      const want = await declared(page, step);
      await page.waitForFunction(
        ([sel, state]) => document.querySelector<HTMLElement>(sel!)?.dataset['state'] === state,
        [LAYER, want.state],
      );
      await expect
        .poll(
          async () => {
            const cam = await debugCamera(page);
            return cam
              ? Math.abs(cam.center[0] - want.c[0]) + Math.abs(cam.center[1] - want.c[1]) + Math.abs(cam.zoom - want.c[2])
              : Infinity;
          },
          { timeout: 10_000 },
        )
        .toBeLessThan(0.01);
      // The static SVG under the map follows too (an animated change puts it in in the next frame):
      // highlighted counties outlined, rivers only when shown.
      const svg = page.locator(`${LAYER} svg.story-map__svg`);
      await expect.poll(() => svg.locator('use[stroke]').count()).toBe(want.h.filter((h) => h !== 'etdz').length);
      await expect.poll(() => svg.locator('use[href="#tlm-rivers"]').count()).toBe(want.l.includes('rivers') ? 1 : 0);
    }
    // The page keeps scrolling when the wheel starts over the live sticky map (it was on its own desktop
    // page, which started MapLibre a second time for this one check).
    await page.waitForSelector(`${LAYER}.is-live`, { timeout: 60_000 });
    // A point of the live map that no step card covers (on a phone the card passes over part of it); the
    // map's canvas takes no pointer events while the story drives it, so what is hit is its layer.
    const at = await page.evaluate((sel) => {
      const r = document.querySelector(`${sel} .story-map__gl`)!.getBoundingClientRect();
      for (let fy = 0.5; fy > 0.02; fy -= 0.04) {
        const x = r.left + r.width / 2;
        const y = r.top + r.height * fy;
        if (y > 0 && document.elementFromPoint(x, y)?.closest(`${sel}`)) return { x, y };
      }
      return null;
    }, LAYER);
    expect(at, 'a point where the wheel starts over the live map').not.toBeNull();
    await page.mouse.move(at!.x, at!.y);
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((before) => scrollY > before + 200, before);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    await page.context().close();
  });
});
