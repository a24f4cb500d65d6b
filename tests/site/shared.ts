/**
 * The browser a test file uses: the one its worker shares (started by ./setup.ts, one per worker), so no
 * file pays for starting and stopping Chromium. `browser.close()` in a file closes only what the file
 * opened (its connection and its contexts). The browser without WebGL is shared the same way
 * (`connect(inject('noWebGLBrowser'))`).
 */
import { expect, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connect, type PageWatch } from '../../scripts/lib/browser.ts';
import { PAUSE_MS } from '../../src/map/loader.ts';

export function sharedBrowser(): Promise<Browser> {
  const endpoints = inject('browsers');
  const worker = Number(process.env['VITEST_POOL_ID'] ?? '1');
  const endpoint = endpoints[(Math.max(1, worker) - 1) % endpoints.length];
  if (!endpoint) throw new Error('no shared browser: tests/site/setup.ts starts them (run the site project)');
  return connect(endpoint);
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
