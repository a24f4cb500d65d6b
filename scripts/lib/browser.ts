/**
 * The browser helpers shared by the site tests (tests/site/), the benchmarks (bench/) and the tools
 * (scripts/screenshot.ts): launching Debian's Chromium through playwright-core (Playwright's own browser
 * download does not work here; `CHROMIUM_PATH` overrides the executable), opening watched pages, and
 * waiting on conditions (frames, settled, a step shown). Also where the test build lives and its base.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Where `npm run build:test` puts the site, and the base path it is built under. */
export const TEST_DIST = '.test-dist';
export const TEST_BASE = '/stories/tongliao/';
/** The SITE_URL `npm run build:test` builds with (absolute URLs such as og:image start with it). */
export const TEST_SITE = 'http://127.0.0.1';

export const CHROMIUM =
  process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

/**
 * The browser of the site tests (tests/site/shared.ts): Debian's `chromium-headless-shell` when it is
 * installed (`apt-get install chromium-headless-shell`: the same Chromium 1xx build as the `chromium`
 * package, as its "old" headless mode, the one Playwright itself runs headless tests on), else `chromium`.
 * Measured on this 2-core machine: a fresh context with a story page costs about half of what the full
 * browser's new headless mode costs (no browser UI behind each window). `CHROMIUM_PATH` overrides both.
 * The benchmarks and tools keep `CHROMIUM` (the browser readers run), so their figures do not move.
 */
export const TEST_CHROMIUM =
  process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : CHROMIUM);

/**
 * Features Playwright disables on every Chromium it launches (playwright-core's chromiumSwitches.ts), repeated
 * here because Chromium keeps only the last `--disable-features` switch and ours must not drop them
 * (tests/unit/browser-flags.test.ts checks this list against the installed playwright-core).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The full browser's new headless mode opens a window per Playwright context, and with it the omnibox
 * popup, a WebUI page preloaded in a renderer of its own (chrome://omnibox-popup.top-chrome/): in a run
 * of the site tests that renderer used as much CPU as the pages under test (95 s of 560 s sampled). A
 * page never sees it; it goes (used only for the site tests' browsers).
 */
export const NO_BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

/**
 * The site tests' browsers run the GPU service on a thread of the browser process instead of a process of
 * its own: WebGL is SwiftShader on the CPU either way (the same ANGLE backend and pixels, the same WebGL2
 * the map's probe sees), without the command-buffer IPC and the extra process per browser. Measured with
 * map-path.test.ts, the WebGL-heaviest file, interleaved A/B/A/B under flock /tmp/heavy.lock: 46.9 and
 * 46.7 core-s without, 44.3 and 45.3 with (Chromium itself: 32.3 and 32.5 → 28.2 and 30.4). The benchmarks
 * and tools keep the separate GPU process readers have.
 */
const IN_PROCESS_GPU = ['--in-process-gpu'];

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
  /** The site tests' browser (TEST_CHROMIUM, without the browser UI), not the readers' (CHROMIUM). */
  forTests?: boolean;
}

function launchOptions(opts: LaunchOptions) {
  const executablePath = opts.forTests ? TEST_CHROMIUM : CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  const args = [...BASE_ARGS];
  // No WebGL anywhere, as on a device whose GPU is blocklisted: --disable-webgl alone leaves workers'
  // OffscreenCanvas contexts working (software), so the software rasterizer goes too.
  if (opts.webgl === false) args.push('--disable-webgl', '--disable-3d-apis', '--disable-software-rasterizer');
  if (opts.forTests) args.push(...IN_PROCESS_GPU);
  if (opts.forTests && !executablePath.includes('headless-shell')) {
    args.push(`--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...NO_BROWSER_UI_FEATURES].join(',')}`);
  }
  return { executablePath, headless: true, args };
}

export async function launch(opts: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...launchOptions(opts),
    // A test worker's browser (tests/site/shared.ts) lives as long as the worker process: Vitest stops its
    // workers with SIGTERM, and Playwright's own handler would close the browser but keep the worker alive
    // until Vitest kills it. Without the handlers the worker exits at once and Chromium with it (its
    // DevTools pipe closes).
    ...(opts.forTests ? { handleSIGTERM: false, handleSIGHUP: false, handleSIGINT: false } : {}),
  });
}

/** Problems a page reported: uncaught errors, console errors, requests to other origins. */
export interface PageWatch {
  errors: string[];
  consoleErrors: string[];
  foreignRequests: string[];
  cspViolations: string[];
}

/** Opens a page that records errors, console errors, CSP violations and requests leaving the origin. */
export async function openPage(
  browser: Browser,
  siteUrl: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; watch: PageWatch }> {
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

/**
 * Whether a built story page has a sticky map: an element with the class `story-map--sticky`, matched in a class
 * attribute (the page's inline CSS names the class on every story, with or without a map).
 */
export const hasStickyMap = (html: string): boolean => /\bclass="(?:[^"]*\s)?story-map--sticky[\s"]/.test(html);

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;
/** A tall desktop, where every story's first scrolly section is in view as the page opens. */
export const FULL_HD = { viewport: { width: 1920, height: 1080 } } as const;
/**
 * The phone (same CSS viewport, mobile, touch) drawn at device scale 1, for the test gates where the pixel
 * density is not what is tested: the site has no density-dependent CSS or markup, so layout, colours and
 * behaviour are PHONE's, with a ninth of the pixels to rasterise in software. The one density-dependent
 * line, MapLibre's pixelRatio cap, runs at PHONE's scale in map-path.test.ts. (The benchmarks keep PHONE.)
 */
export const PHONE_1X = { ...PHONE, deviceScaleFactor: 1 } as const;

/** How long `frames()` waits for the renderer before giving up on it. */
const FRAME_LIMIT_MS = 1000;

/**
 * Two animation frames: scroll events, intersection observers and the scrolly engine's frame have run.
 * Bounded: resolves after 1 s if no frames come (a hidden page, a stalled renderer), so it can never hang
 * a test silently; the condition the caller waits for next then fails with its own message. Returns the
 * page's scroll position after them (a wheel loop reads where its notch ended in the same round trip).
 */
export async function frames(page: Page): Promise<number> {
  return page.evaluate(
    (limit) =>
      new Promise<number>((resolve) => {
        const bound = setTimeout(() => resolve(window.scrollY), limit);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            clearTimeout(bound);
            resolve(window.scrollY);
          }),
        );
      }),
    FRAME_LIMIT_MS,
  );
}

const inflight = new WeakMap<Page, Set<unknown>>();

/**
 * Makes `settled()` possible on this page: before any of the page's scripts run, counts its pending
 * timeouts (a debounce, the engine's end-of-jump timer) and idle callbacks (controllers loading), and,
 * from here, the requests it has in flight. Call before `page.goto()`.
 */
export async function trackPending(page: Page): Promise<void> {
  const requests = new Set<unknown>();
  inflight.set(page, requests);
  page.on('request', (r) => requests.add(r));
  page.on('requestfinished', (r) => requests.delete(r));
  page.on('requestfailed', (r) => requests.delete(r));
  await page.addInitScript(() => {
    const w = window as unknown as { __pendingWork?: () => string[] };
    if (w.__pendingWork) return;
    const pending = new Map<number, string>();
    const idle = new Map<number, string>();
    const setT = window.setTimeout.bind(window);
    const clearT = window.clearTimeout.bind(window);
    const where = () => (new Error().stack ?? '').split('\n')[3]?.trim() ?? '';
    window.setTimeout = ((f: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id: number = setT(
        (...a: unknown[]) => {
          pending.delete(id);
          if (typeof f === 'function') (f as (...x: unknown[]) => void)(...a);
        },
        ms,
        ...args,
      );
      // A zero timeout is a "next task", not a wait for something.
      if ((ms ?? 0) > 0) pending.set(id, `timeout ${Math.round(ms ?? 0)} ms ${where()}`);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) pending.delete(id);
      clearT(id);
    }) as typeof window.clearTimeout;
    if (typeof window.requestIdleCallback === 'function') {
      const ric = window.requestIdleCallback.bind(window);
      const cic = window.cancelIdleCallback.bind(window);
      window.requestIdleCallback = (f, o) => {
        const id = ric((d) => {
          idle.delete(id);
          f(d);
        }, o);
        idle.set(id, `idle callback ${where()}`);
        return id;
      };
      window.cancelIdleCallback = (id) => {
        idle.delete(id);
        cic(id);
      };
    }
    w.__pendingWork = () => [...pending.values(), ...idle.values()];
  });
}

/** In the page: what is still to happen (timeouts, idle callbacks, finite CSS/WAAPI animations, d3 transitions). */
function pendingInPage(): string[] {
  const out = (window as unknown as { __pendingWork?: () => string[] }).__pendingWork?.() ?? [
    '(trackPending was not installed before the page loaded)',
  ];
  for (const a of document.getAnimations()) {
    const t = a.effect?.getComputedTiming();
    if (a.playState === 'running' && Number.isFinite(Number(t?.endTime)) && Number(t?.duration ?? 0) + Number(t?.delay ?? 0) > 1) {
      const target = (a.effect as KeyframeEffect | null)?.target;
      out.push(`animation on ${target?.tagName ?? '?'}.${target?.getAttribute('class') ?? ''}`);
    }
  }
  for (const el of document.querySelectorAll('svg *')) {
    const s = (el as unknown as { __transition?: Record<string, unknown> }).__transition;
    if (s && Object.keys(s).length > 0) out.push(`d3 transition on ${el.tagName}.${el.getAttribute('class') ?? ''}`);
  }
  return out;
}

/**
 * Waits until nothing the page reacts to is pending: no timeout or idle callback waiting (the engine's
 * resize debounce, its end-of-jump timer, controllers being loaded), no request in flight, no animation or
 * d3 transition running; then two frames. A condition, not a sleep: fast on an idle machine, patient on a
 * loaded one, and it fails naming what never finished. Needs `trackPending(page)` before the page loaded.
 */
export async function settled(page: Page, { timeout = 60_000 } = {}): Promise<void> {
  const requests = inflight.get(page);
  if (!requests) throw new Error('settled(): call trackPending(page) before loading the page');
  const deadline = Date.now() + timeout;
  const outstanding = (work: string[]) => [...work, ...[...requests].map((r) => `request ${(r as { url(): string }).url()}`)];
  for (;;) {
    // Polled every two frames (bounded: see frames()).
    await frames(page);
    const work = await page.evaluate(pendingInPage);
    if (work.length === 0 && requests.size === 0) {
      await frames(page);
      // Still quiet after those frames (the last callback scheduled nothing new): settled.
      if ((await page.evaluate(pendingInPage)).length === 0 && requests.size === 0) return;
    } else if (Date.now() >= deadline) {
      throw new Error(`settled(): after ${timeout} ms still pending: ${outstanding(work).join('; ')}`);
    }
  }
}

/**
 * Layout shift read with a positive control: `sinceLoad` sums every layout-shift entry the page has had
 * (buffered, so from its first paint); then a block is put at the top of the page and `control` is the
 * shift the same observer reports for it (> 0, or the reading proves nothing). Entries arrive in order, so
 * once the control's entry is in, every earlier one has been counted: no fixed wait. Leaves the page as it
 * was (the block is removed). Call after the page has settled. `shifts` names what moved in each shift
 * counted in `sinceLoad` (when, how much, each source node with its rectangle before → after), for the
 * failure message of a check that expects none. `since` (ms, the page's clock) counts only the shifts from
 * then on; `control: false` skips the control (`control` is then 0: e.g. at the bottom of a page, where scroll
 * anchoring keeps a block put at the top from moving anything on screen).
 */
export async function layoutShift(
  page: Page,
  { since = 0, control = true }: { since?: number; control?: boolean } = {},
): Promise<{ sinceLoad: number; control: number; shifts: string[] }> {
  return page.evaluate(
    async ({ since, control }) => {
      type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
      const entries: { startTime: number; value: number; what: string }[] = [];
      const rect = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}×${r.height}`;
      const name = (n: Node | null | undefined) =>
        !n
          ? '(removed node)'
          : n instanceof Element
            ? n.tagName.toLowerCase() + (n.id ? `#${n.id}` : '') + [...n.classList].map((c) => `.${c}`).join('')
            : n.nodeName;
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const { value, sources = [] } = e as unknown as { value: number; sources?: Source[] };
          const what = sources.map((s) => `${name(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`).join('; ');
          entries.push({ startTime: e.startTime, value, what: `${Math.round(e.startTime)} ms: ${value} (${what})` });
        }
      });
      observer.observe({ type: 'layout-shift', buffered: true });
      const twoFrames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      await twoFrames();
      const at = performance.now();
      if (control) {
        const block = document.createElement('div');
        block.style.height = '240px';
        document.body.prepend(block);
        // At most ~120 × 2 frames for the control's entry (a missing one fails the caller's control check).
        for (let i = 0; i < 120 && !entries.some((e) => e.startTime >= at); i++) await twoFrames();
        block.remove();
      }
      observer.disconnect();
      const sum = (list: typeof entries) => list.reduce((s, e) => s + e.value, 0);
      const before = entries.filter((e) => e.startTime >= since && e.startTime < at);
      return { sinceLoad: sum(before), control: sum(entries.filter((e) => e.startTime >= at)), shifts: before.map((e) => e.what) };
    },
    { since, control },
  );
}

/**
 * A story page the way a device without WebGL2 reads it (the maps stay their static SVG), with reduced
 * motion, once every scrolly section has a current step and the fonts have loaded.
 */
export async function openStaticStory(
  browser: Browser,
  siteUrl: string,
  story: string,
  options: BrowserContextOptions,
  timeout = 15_000,
): Promise<Page> {
  const { page } = await openPage(browser, siteUrl, { reducedMotion: 'reduce', ...options });
  await page.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      return kind === 'webgl2' ? null : (get as (...a: unknown[]) => unknown).call(this, kind, ...rest);
    } as typeof get;
  });
  await page.goto(`${siteUrl}${story}/`);
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-scrolly]')].every((s) => s.querySelector('[data-step][aria-current="step"]')),
    undefined,
    { timeout },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/**
 * Puts a step's top just past the trigger line and waits until its section shows the step's graphic and
 * state, drawn (a chart or map SVG with a box), then two frames: the state is laid out and painted.
 */
export async function showStep(page: Page, id: string, timeout = 15_000): Promise<void> {
  await page.evaluate((id) => {
    const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
    window.scrollBy(0, document.getElementById(id)!.getBoundingClientRect().top - line + 2);
  }, id);
  await page
    .waitForFunction(
      (id) => {
        const step = document.getElementById(id)!;
        const layer = step.closest('[data-scrolly]')!.querySelector<HTMLElement>('.scrolly__layer.is-active');
        if (!layer) return false;
        const drawn = [...layer.querySelectorAll('svg.chart__svg, svg.story-map__svg')].some(
          (svg) => svg.getBoundingClientRect().width > 0 && svg.checkVisibility({ visibilityProperty: true }),
        );
        return (
          drawn &&
          step.getAttribute('aria-current') === 'step' &&
          layer.dataset['graphic'] === step.dataset['graphic'] &&
          layer.querySelector<HTMLElement>('[data-state]')?.dataset['state'] === step.dataset['state']
        );
      },
      id,
      { timeout },
    )
    .catch((e: unknown) => {
      throw new Error(`#${id}: its section never showed the step's graphic and state (${String(e).split('\n')[0]})`, { cause: e });
    });
  await frames(page);
}
