/**
 * Opening a page for the accessibility gate (a11y.test.ts, a11y-steps.test.ts): loaded, fonts ready, the
 * scrolly engine (if any) started; and the watch every test of the gate ends with.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { frames, openPage, type PageWatch } from '../../scripts/lib/browser.ts';

/**
 * Opens a page of the site (running `init` before its scripts) and waits until it has loaded, fonts are
 * ready and the scrolly engine (if any) has started.
 */
export async function openForAxe(
  browser: Browser,
  siteUrl: string,
  path: string,
  options: BrowserContextOptions,
  init?: () => void,
): Promise<{ page: Page; watch: PageWatch }> {
  const opened = await openPage(browser, siteUrl, options);
  if (init) await opened.page.addInitScript(init);
  await goForAxe(opened.page, siteUrl, path);
  return opened;
}

/** Loads `path` in the page and waits until it has loaded, fonts are ready and the scrolly engine (if any) has started. */
export async function goForAxe(page: Page, siteUrl: string, path: string): Promise<void> {
  await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A story is ready when each section has a step marked current (the engine computes it on load).
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-scrolly]')].every((s) => s.querySelector('[aria-current="step"]')),
    undefined,
    { timeout: 60_000 },
  );
  await frames(page);
}

/** No page error, console error, CSP violation or request leaving the origin. */
