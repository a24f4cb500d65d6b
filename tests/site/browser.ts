/**
 * Launching Debian's Chromium through playwright-core (Playwright's own browser download does not
 * work here). `CHROMIUM_PATH` overrides the executable.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM =
  process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Remove WebGL entirely (tests the map's static fallback). */
  webgl?: boolean;
}

export async function launch(opts: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  const args = [...BASE_ARGS];
  if (opts.webgl === false) args.push('--disable-webgl', '--disable-3d-apis');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/** Problems a page reported: uncaught errors, console errors, requests to other origins. */
export interface PageWatch {
  errors: string[];
  consoleErrors: string[];
  foreignRequests: string[];
  cspViolations: string[];
}

/** Opens a page that records errors, console errors, CSP violations and requests leaving the origin. */
export async function openPage(browser: Browser, siteUrl: string, options: BrowserContextOptions = {}): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const origin = new URL(siteUrl).origin;
  const watch: PageWatch = { errors: [], consoleErrors: [], foreignRequests: [], cspViolations: [] };
  page.on('pageerror', (e) => watch.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) watch.foreignRequests.push(u);
  });
  await page.exposeFunction('__reportCsp', (v: string) => watch.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, watch };
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;
