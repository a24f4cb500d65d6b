/**
 * The browser a test file uses: its worker's own Chromium, launched by the first file of the worker that
 * needs it and kept for every later file of that worker (the site project runs with `isolate: false`, one
 * process per worker), so no file pays for starting and stopping Chromium. It is driven straight from the
 * worker (Playwright over the DevTools pipe), not through a browser server in Vitest's main process, which
 * relayed every protocol message of all three workers. `browser.close()` in a file closes only what the file
 * opened (its contexts); the browser goes when the worker process exits (its pipe closes). The browser
 * without WebGL is shared the same way (`sharedBrowser({ webgl: false })`).
 */
import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, layoutShift, type PageWatch } from '../../scripts/lib/browser.ts';
import { PAUSE_MS } from '../../src/map/loader.ts';

/** This worker's browsers by WebGL on/off, on the process (a module re-evaluated per file must not launch again). */
const launched: Map<boolean, Promise<Browser>> = ((globalThis as { __siteBrowsers?: Map<boolean, Promise<Browser>> }).__siteBrowsers ??=
  new Map());

/** A file's handle on its worker's browser: new contexts and pages are the file's, and `close()` closes them only. */
function lease(browser: Browser): Browser {
  const mine = new Set<BrowserContext>();
  const own = (c: BrowserContext) => {
    mine.add(c);
    c.once('close', () => mine.delete(c));
    return c;
  };
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'newContext') return async (...a: Parameters<Browser['newContext']>) => own(await target.newContext(...a));
      if (prop === 'newPage')
        return async (...a: Parameters<Browser['newPage']>) => {
          const page = await target.newPage(...a);
          own(page.context());
          return page;
        };
      if (prop === 'contexts') return () => [...mine];
      if (prop === 'close') return async () => void (await Promise.all([...mine].map((c) => c.close().catch(() => undefined))));
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The worker's browser (WebGL in software), or with `webgl: false` the one without WebGL (the static maps' reader). */
export async function sharedBrowser({ webgl = true }: { webgl?: boolean } = {}): Promise<Browser> {
  let browser = launched.get(webgl);
  // A browser that crashed in an earlier file is replaced, not handed on.
  if (browser && !(await browser.catch(() => null))?.isConnected()) browser = undefined;
  if (!browser) {
    browser = launch({ forTests: true, webgl });
    launched.set(webgl, browser);
    // A failed launch is not kept: the next file tries again (and reports its own failure).
    browser.catch(() => launched.delete(webgl));
  }
  return lease(await browser);
}

/** What every page must show while a test reads it: no page or console errors, no CSP violations, no request off the origin. */
export function expectClean(watch: PageWatch, what = ''): void {
  const at = what ? `${what}: ` : '';
  expect(watch.errors, `${at}page errors`).toEqual([]);
  expect(watch.consoleErrors, `${at}console errors`).toEqual([]);
  expect(watch.cspViolations, `${at}CSP violations`).toEqual([]);
  expect(watch.foreignRequests, `${at}requests leaving the origin`).toEqual([]);
}

/**
 * No layout shift since the page's first paint (what moved is named on failure), read with its positive control:
 * the same observer sees a shift caused on purpose (scripts/lib/browser.ts layoutShift). Call once the page has
 * settled.
 */
export async function expectNoLayoutShift(page: Page, what = ''): Promise<void> {
  const shift = await layoutShift(page);
  expect(shift.sinceLoad, `${what ? `${what}: ` : ''}${shift.shifts.join('\n')}`).toBe(0);
  expect(shift.control, 'the observer sees a deliberate shift').toBeGreaterThan(0);
}

/**
 * Resolves once the page has had a reading pause as the map's scheduler defines it (no gesture for
 * PAUSE_MS, then an idle callback): whatever the map would start in a pause has started by then.
 */
export const aPause = (page: Page): Promise<void> =>
  page.evaluate(
    (ms) =>
      new Promise<void>((resolve) => {
        const t0 = performance.now();
        const check = () =>
          performance.now() - t0 >= ms ? requestIdleCallback(() => requestIdleCallback(() => resolve())) : requestAnimationFrame(check);
        check();
      }),
    PAUSE_MS,
  );
