/**
 * `npm run bench`: the performance benchmark of issue 6, over the front page and every story page.
 * A benchmark, not a test: it measures and reports; a missed target is shown, not failed.
 *
 * 1. Builds dist/ under the base path with `astro build` (wall time and the build process's peak RSS),
 *    once per run.
 * 2. Serves dist/ like a CDN (scripts/serve.ts: brotli/gzip, under the base path), counting the bytes
 *    it sends per request: a dedicated worker's fetches (MapLibre's) are invisible to Lighthouse and
 *    to the page's CDP session, not to the server.
 * 3. Per run and page: Lighthouse mobile (simulated slow 4G, 4× CPU): the four category scores, FCP,
 *    LCP, CLS, TBT, Speed Index, bytes; then a scripted read-through in Chromium (phone viewport,
 *    devtools slow-4G, 4× CPU via CDP): bytes before the first scroll and in total, long tasks,
 *    long-animation-frame blocking, dropped frames (requestAnimationFrame gaps), CLS while scrolling.
 * 4. Every story with a map is measured three ways in the same run, interleaved (issue 13): as readers
 *    get it (the SVG path on this machine's software WebGL), with the live map forced (`?map=live`,
 *    read-through only: the load is the same page's), and as a storymap-style comparison page built
 *    from the same chapters (bench/storymap.ts: MapLibre, scrollama and d3 eager, map on load, flyTo).
 * 5. Writes bench/report.md (tables, targets with pass/miss) and bench/report.json (every run).
 *
 *   npm run bench [-- --runs 3] [--pages front,goals-2025] [--pause 2500] [--no-build] [--note "…"]
 *
 * --runs N      runs per page (default 3; medians are reported)
 * --pages a,b   only these pages: "front" for the front page, story slugs otherwise (default: all)
 * --pause MS    reading pause after each scroll gesture (default 2500)
 * --no-build    serve the existing dist/ (must have been built under --base) and skip the build figures
 * --base PATH   base path to build and serve under (default /stories/tongliao/)
 * --note TEXT   a note printed at the top of the report (e.g. "provisional: loaded machine")
 * --out PREFIX  where to write PREFIX.md and PREFIX.json (default bench/report)
 * --lh-dir DIR  also keep Lighthouse's own JSON report of every run in DIR
 * --no-lighthouse   read-throughs only (quick development runs; load figures are then n/a)
 * --no-read-through Lighthouse only (load figures; the read-through's figures are then n/a)
 * --lh-chrome PATH  the browser Lighthouse launches (default: the project's Chromium, new headless);
 *               e.g. /usr/bin/chromium-headless-shell (old headless, no browser UI)
 * --no-compare  leave out the `?map=live` and storymap-style variants of the map stories
 * --variants a,b  only these ways of reading a map story: default, live, storymap (default: all three)
 * --trace DIR   also record a Chrome performance trace of every read-through into DIR (open it in DevTools'
 *               Performance panel; `node bench/trace.ts FILE` lists what the long frames spent); each long
 *               animation frame is in it as a `loaf` user-timing measure
 * --trace-light with --trace: the timeline, frame and thread-task categories only (the sampled stacks and
 *               invalidation tracking of the full set slow the page down: LoAF blocking ×10 and more)
 * --cpu N       the read-through's CPU slowdown (default 4, the phone profile; Lighthouse keeps its own 4×):
 *               e.g. 8 for a slower phone, where the storymap-style page blocks enough to compare with
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { serve, type RunningServer } from '../scripts/serve.ts';
import { CHROMIUM, hasStickyMap, launch, PHONE } from '../scripts/lib/browser.ts';
import { scrollGesture, throttleLikeAPhone } from './phone.ts';
import { buildStorymapBundle, writeStorymapPage } from './storymap.ts';
import { GESTURE_EVENTS, PAUSE_MS as GESTURE_GAP_MS } from '../src/map/loader.ts';
import {
  estimateDroppedFrames,
  gestureWindows,
  median,
  medians,
  renderReport,
  type BuildResult,
  type PageResult,
  type PageRun,
  type Report,
  type Variant,
} from './lib.ts';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pages: { type: 'string' },
    pause: { type: 'string', default: '2500' },
    'no-build': { type: 'boolean', default: false },
    base: { type: 'string', default: '/stories/tongliao/' },
    note: { type: 'string' },
    out: { type: 'string', default: 'bench/report' },
    'lh-dir': { type: 'string' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-read-through': { type: 'boolean', default: false },
    'lh-chrome': { type: 'string' },
    'no-compare': { type: 'boolean', default: false },
    variants: { type: 'string', default: 'default,live,storymap' },
    trace: { type: 'string' },
    'trace-light': { type: 'boolean', default: false },
    cpu: { type: 'string', default: '4' },
  },
});
const RUNS = Number(opts.runs);
const PAUSE_MS = Number(opts.pause);
/** The read-through's CPU slowdown (Lighthouse keeps its own 4×). */
const CPU = Number(opts.cpu);
const BASE = opts.base;
const DIST = 'dist';
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer, got ${opts.runs}`);
if (!Number.isFinite(PAUSE_MS) || PAUSE_MS < 0) throw new Error(`--pause must be a number of ms, got ${opts.pause}`);
if (!Number.isFinite(CPU) || CPU < 1) throw new Error(`--cpu must be a slowdown factor of 1 or more, got ${opts.cpu}`);

const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

// ---------------------------------------------------------------------------------------------- build

/** One `astro build` in a child Node process; its peak RSS comes from the child itself at exit. */
async function build(): Promise<{ wallMs: number; peakRssBytes: number | null }> {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const rssFile = join(tmp, 'rss');
  const hook = `data:text/javascript,import {writeFileSync} from "node:fs"; process.on("exit", () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`;
  const t0 = performance.now();
  await new Promise<void>((ok, fail) => {
    const child = spawn(process.execPath, ['--import', hook, 'node_modules/astro/bin/astro.mjs', 'build'], {
      env: { ...process.env, BASE_PATH: BASE, SITE_URL: process.env['SITE_URL'] ?? 'http://127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`astro build exited with ${code}`))));
  });
  const wallMs = performance.now() - t0;
  // resourceUsage().maxRSS is in kilobytes.
  const peakRssBytes = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) * 1024 : null;
  rmSync(tmp, { recursive: true, force: true });
  return { wallMs, peakRssBytes };
}

// ---------------------------------------------------------------------------------------------- pages

interface PageSpec {
  name: string;
  path: string;
  unlisted: boolean;
  /** How the page is read: as built, with `?map=live`, or the storymap-style comparison of a story. */
  variant: Variant;
  /** The story a variant belongs to. */
  of: string;
  /** Whether the story has a map (gets the issue-13 variants). */
  hasMap: boolean;
}

/** The front page and every story page (an <article data-story>) in the build. */
function discoverPages(): PageSpec[] {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build first (or drop --no-build)`);
  const sitemap = existsSync(join(DIST, 'sitemap-0.xml')) ? readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8') : '';
  const stories = readdirSync(DIST, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(DIST, d.name, 'index.html')))
    .filter((d) => /<article\b[^>]*\bdata-story\b/.test(readFileSync(join(DIST, d.name, 'index.html'), 'utf8')))
    .map((d) => ({
      name: d.name,
      path: `${d.name}/`,
      unlisted: sitemap !== '' && !sitemap.includes(`${BASE}${d.name}/<`),
      variant: 'default' as const,
      of: d.name,
      hasMap: hasStickyMap(readFileSync(join(DIST, d.name, 'index.html'), 'utf8')),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (stories.length === 0) throw new Error(`no story pages (<article data-story>) found in ${DIST}/`);
  return [{ name: 'front', path: '', unlisted: false, variant: 'default', of: 'front', hasMap: false }, ...stories];
}

// ---------------------------------------------------------------------------------------------- Lighthouse

const CHROME_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

interface LhAudit {
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
  details?: { items?: { resourceType?: string; transferSize?: number }[] };
}
interface LhResult {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  environment?: { benchmarkIndex?: number };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LhAudit>;
}

let lighthouseVersion = 'unknown';

/** One finding: Lighthouse's audit id (to count it across runs) and what to print. */
type Finding = [id: string, text: string];

async function lighthouse(
  url: string,
  keepAs: string | null,
): Promise<{ run: Partial<PageRun>; diagnostics: Finding[]; errors: string[] }> {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const out = join(tmp, 'lh.json');
  const args = [
    'node_modules/lighthouse/cli/index.js',
    url,
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
    '--form-factor=mobile',
    '--throttling-method=simulate',
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=${CHROME_FLAGS}`,
  ];
  const stderr: string[] = [];
  const code = await new Promise<number | null>((ok) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: opts['lh-chrome'] ?? CHROMIUM },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
    child.on('exit', ok);
  });
  if (code !== 0 || !existsSync(out)) {
    rmSync(tmp, { recursive: true, force: true });
    return {
      run: {},
      diagnostics: [],
      errors: [`Lighthouse exited with ${code}: ${stderr.join('').trim().split('\n').slice(-3).join(' ')}`],
    };
  }
  const lh = JSON.parse(readFileSync(out, 'utf8')) as LhResult;
  if (keepAs) copyFileSync(out, keepAs);
  rmSync(tmp, { recursive: true, force: true });
  lighthouseVersion = lh.lighthouseVersion;
  const errors = lh.runtimeError ? [`Lighthouse: ${lh.runtimeError.code} ${lh.runtimeError.message}`] : [];
  const score = (c: string) => (lh.categories[c]?.score == null ? null : Math.round((lh.categories[c]?.score as number) * 100));
  const num = (a: string) => lh.audits[a]?.numericValue ?? null;
  const summary = lh.audits['resource-summary']?.details?.items ?? [];
  const size = (type: string) => summary.find((i) => i.resourceType === type)?.transferSize ?? null;
  // What Lighthouse flags in each category: failed audits and insights, with their figures.
  const diagnostics: Finding[] = [];
  for (const [cat, label] of [
    ['performance', 'perf'],
    ['accessibility', 'a11y'],
    ['best-practices', 'best practices'],
    ['seo', 'SEO'],
  ] as const) {
    for (const ref of lh.categories[cat]?.auditRefs ?? []) {
      const a = lh.audits[ref.id];
      if (!a || a.score === null || a.score >= 0.9 || !['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)) continue;
      diagnostics.push([ref.id, `${label}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`]);
    }
  }
  const lcpNode = (
    lh.audits['lcp-breakdown-insight']?.details as { items?: { type?: string; nodeLabel?: string; snippet?: string }[] } | undefined
  )?.items?.find((i) => i.type === 'node');
  for (const w of lh.runWarnings ?? [])
    diagnostics.push([`warning ${w.slice(0, 40)}`, `Lighthouse warning: ${w.replace(/\s+/g, ' ').replace(/ Learn more.*$/, '')}`]);
  if (lcpNode) diagnostics.push(['lcp-element', `LCP element: ${lcpNode.nodeLabel ?? ''} \`${(lcpNode.snippet ?? '').slice(0, 90)}\``]);
  return {
    run: {
      perf: score('performance'),
      a11y: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcpMs: num('first-contentful-paint'),
      lcpMs: num('largest-contentful-paint'),
      cls: num('cumulative-layout-shift'),
      tbtMs: num('total-blocking-time'),
      speedIndexMs: num('speed-index'),
      lhTotalBytes: num('total-byte-weight'),
      lhJsBytes: size('script'),
      lhCpuIndex: lh.environment?.benchmarkIndex ?? null,
    },
    diagnostics,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------- read-through

interface Entry {
  start: number;
  duration: number;
  blocking?: number;
  /** For a long animation frame: the script that ran longest in it. */
  script?: string;
  /** For a long animation frame: ms of script, and of style/layout/paint (from styleAndLayoutStart / renderStart to its end). */
  scriptMs?: number;
  renderMs?: number;
}
interface Store {
  longtask: Entry[];
  loaf: Entry[];
  shifts: { t: number; v: number }[];
  frames: number[];
  /** Timestamps of gesture events (the map code's GESTURE_EVENTS). */
  inputs: number[];
  rec: boolean;
}

/** Runs in the page before anything else: collects performance entries and, once recording, frame times. */
function instrument({ gestureEvents, marks }: { gestureEvents: readonly string[]; marks: boolean }): void {
  const store: Store = { longtask: [], loaf: [], shifts: [], frames: [], inputs: [], rec: false };
  for (const type of gestureEvents) window.addEventListener(type, (e) => store.inputs.push(e.timeStamp), { capture: true, passive: true });
  (window as unknown as { __bench: Store }).__bench = store;
  const observe = (type: string, f: (e: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({ type, buffered: true });
    } catch {
      /* not supported: the figure stays empty */
    }
  };
  observe('longtask', (e) => store.longtask.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (e) => {
    const l = e as unknown as {
      blockingDuration: number;
      renderStart: number;
      styleAndLayoutStart: number;
      scripts?: { duration: number; sourceURL?: string; invoker?: string; sourceFunctionName?: string }[];
    };
    // (every entry is a frame over 50 ms)
    // The script that ran longest, if it ran for 5 ms or more (the benchmark's own rAF probe never does).
    const top = [...(l.scripts ?? [])].sort((a, b) => b.duration - a.duration)[0];
    const script =
      top && top.duration >= 5
        ? top.sourceURL
          ? `${top.sourceURL.split('/').pop() ?? top.sourceURL} ${top.invoker ?? ''}${top.sourceFunctionName ? ` ${top.sourceFunctionName}` : ''}`.trim()
          : top.invoker || 'unattributed script'
        : undefined;
    const end = e.startTime + e.duration;
    // In a trace: the frame's span, to line it up with what every thread did meanwhile (bench/trace.ts).
    if (marks) performance.measure(`loaf ${Math.round(e.duration)}`, { start: e.startTime, end });
    store.loaf.push({
      start: e.startTime,
      duration: e.duration,
      blocking: l.blockingDuration,
      ...(script ? { script } : {}),
      scriptMs: Math.round((l.scripts ?? []).reduce((t, x) => t + x.duration, 0)),
      renderMs: Math.round(l.renderStart > 0 ? end - l.renderStart : 0),
    });
  });
  observe('layout-shift', (e) => {
    const l = e as unknown as { value: number; hadRecentInput: boolean };
    if (!l.hadRecentInput) store.shifts.push({ t: e.startTime, v: l.value });
  });
  const tick = (t: number) => {
    if (store.rec) store.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const isJs = (p: string) => /\.m?js$/.test(p);

/** Resolves once the server has sent nothing new for `quietMs` (at most `maxMs`). */
async function networkQuiet(server: RunningServer, quietMs: number, maxMs: number): Promise<void> {
  const t0 = Date.now();
  let last = -1;
  let since = Date.now();
  while (Date.now() - t0 < maxMs) {
    const now = sum([...server.bytes.values()]) + server.bytes.size;
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Scroll gestures of 60 % of a screen, each followed by a reading pause, to the bottom. */
async function readThrough(page: Page, cdp: CDPSession, errors: string[]): Promise<[number, number][]> {
  const windows: [number, number][] = [];
  const vh = PHONE.viewport.height;
  for (let i = 0; i < 300; i++) {
    const before = await page.evaluate(() => ({ y: scrollY, end: scrollY + innerHeight >= document.documentElement.scrollHeight - 2 }));
    if (before.end) return windows;
    let moved = false;
    // A gesture that starts over an interactive canvas may pan it instead of the page: try another spot.
    for (const x of [195, 20]) {
      windows.push(await scrollGesture(page, cdp, x, vh));
      if ((await page.evaluate(() => scrollY)) > before.y) {
        moved = true;
        break;
      }
    }
    if (!moved) {
      errors.push(`scroll stuck at ${before.y}px`);
      return windows;
    }
    await page.waitForTimeout(PAUSE_MS);
  }
  errors.push('read-through stopped after 300 gestures');
  return windows;
}

/** The trace categories DevTools' Performance panel records, plus layout invalidation tracking. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'blink.user_timing',
  'loading',
  // Sampled JavaScript stacks (which function, not only which entry point), with `--trace`.
  'disabled-by-default-v8.cpu_profiler',
];
/** `--trace-light`: what a long frame's time went to on every thread (main, compositor, raster, GPU), no more. */
const TRACE_CATEGORIES_LIGHT = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'toplevel',
  'cc',
  'gpu',
];

async function stopTrace(cdp: CDPSession, file: string): Promise<void> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream as string)));
  await cdp.send('Tracing.end');
  const stream = await done;
  const parts: string[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream });
    parts.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  writeFileSync(file, parts.join(''));
}

async function scrollRun(url: string, server: RunningServer, trace?: string): Promise<{ run: Partial<PageRun>; errors: string[] }> {
  const errors: string[] = [];
  const browser = await launch();
  try {
    const context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`page error: ${String(e).slice(0, 200)}`));
    const cdp = await throttleLikeAPhone(context, page, CPU);
    await page.addInitScript(instrument, { gestureEvents: [...GESTURE_EVENTS], marks: !!trace });
    server.bytes.clear();
    if (trace) {
      await cdp.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: { includedCategories: opts['trace-light'] ? TRACE_CATEGORIES_LIGHT : TRACE_CATEGORIES },
      });
    }
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    // Whatever the page fetches on its own before the reader scrolls (idle-time loading included).
    await page.waitForTimeout(2000);
    await networkQuiet(server, 3000, 30_000);
    const jsBeforeScrollBytes = sum([...server.bytes].filter(([p]) => isJs(p)).map(([, n]) => n));
    const allBeforeScrollBytes = sum([...server.bytes.values()]);

    const scrollStart = await page.evaluate(() => {
      const b = (window as unknown as { __bench: Store }).__bench;
      b.rec = true;
      return performance.now();
    });
    const sent = await readThrough(page, cdp, errors);
    await page.waitForTimeout(Math.max(PAUSE_MS, 2000));
    await networkQuiet(server, 2000, 30_000);
    const s = await page.evaluate(() => {
      const b = (window as unknown as { __bench: Store }).__bench;
      b.rec = false;
      return b;
    });
    if (trace) await stopTrace(cdp, trace);
    const during = (e: Entry) => e.start >= scrollStart;
    // "While gesturing": the gestures as the map code sees them (its events, its 400 ms gap), from
    // the first scroll on; the scripted gestures' own spans (CDP command sent to answered) count too.
    const windows = [
      ...gestureWindows(
        s.inputs.filter((t) => t >= scrollStart),
        GESTURE_GAP_MS,
      ),
      ...sent,
    ];
    const overlaps = (e: Entry) => windows.some(([a, b]) => e.start < b && e.start + e.duration > a);
    const loaf = s.loaf.filter(during);
    const blocking = loaf.map((l) => l.blocking ?? 0);
    const all = estimateDroppedFrames(s.frames);
    const gesturing = estimateDroppedFrames(s.frames, windows);
    const paths = [...server.bytes];
    const loafBySource: Record<string, number> = {};
    for (const l of loaf) {
      const key = l.script ?? 'style/layout/paint';
      if ((l.blocking ?? 0) > 0) loafBySource[key] = (loafBySource[key] ?? 0) + (l.blocking ?? 0);
    }
    return {
      run: {
        loafBySource,
        jsBeforeScrollBytes,
        allBeforeScrollBytes,
        jsTotalBytes: sum(paths.filter(([p]) => isJs(p)).map(([, n]) => n)),
        // MapLibre's worker only (the default path's WebGL probe runs in a small worker of its own).
        workerBytes: sum(paths.filter(([p]) => /maplibre[^/]*worker/i.test(p)).map(([, n]) => n)),
        allTotalBytes: sum(paths.map(([, n]) => n)),
        gestures: sent.length,
        longTasks: s.longtask.filter(during).length,
        longTaskMs: sum(s.longtask.filter(during).map((t) => t.duration)),
        loafBlockingMs: sum(blocking),
        loafBlockingMaxMs: blocking.length ? Math.max(...blocking) : 0,
        loafBlockingWhileGesturesMs: sum(loaf.filter(overlaps).map((l) => l.blocking ?? 0)),
        longFramesWhileGestures: loaf.filter(overlaps).length,
        longestFrameWhileGesturesMs: Math.max(0, ...loaf.filter(overlaps).map((l) => l.duration)),
        mapLoaded: paths.some(([p]) => /map-controller|maplibre/i.test(p)) ? 1 : 0,
        longFrames: loaf.map((l) => ({
          at: Math.round(l.start - scrollStart),
          ms: Math.round(l.duration),
          blocking: Math.round(l.blocking ?? 0),
          scriptMs: l.scriptMs ?? 0,
          renderMs: l.renderMs ?? 0,
          script: l.script ?? null,
          gesturing: overlaps(l),
        })),
        droppedFrames: all.dropped,
        droppedShare: all.droppedShare,
        droppedFramesWhileGestures: gesturing.dropped,
        droppedShareWhileGestures: gesturing.droppedShare,
        scrollCls: sum(s.shifts.filter((x) => x.t >= scrollStart).map((x) => x.v)),
      },
      errors,
    };
  } catch (e) {
    errors.push(`read-through failed: ${String(e).slice(0, 300)}`);
    return { run: {}, errors };
  } finally {
    await browser.close();
  }
}

const EMPTY: Omit<PageRun, 'errors' | 'loafBySource'> = {
  perf: null,
  a11y: null,
  bestPractices: null,
  seo: null,
  fcpMs: null,
  lcpMs: null,
  cls: null,
  tbtMs: null,
  speedIndexMs: null,
  lhTotalBytes: null,
  lhJsBytes: null,
  lhCpuIndex: null,
  jsBeforeScrollBytes: null,
  allBeforeScrollBytes: null,
  jsTotalBytes: null,
  workerBytes: null,
  allTotalBytes: null,
  gestures: null,
  longTasks: null,
  longTaskMs: null,
  loafBlockingMs: null,
  loafBlockingMaxMs: null,
  loafBlockingWhileGesturesMs: null,
  longFramesWhileGestures: null,
  longestFrameWhileGesturesMs: null,
  mapLoaded: null,
  droppedFrames: null,
  droppedShare: null,
  droppedFramesWhileGestures: null,
  droppedShareWhileGestures: null,
  scrollCls: null,
};

/**
 * Requests every file once so the server has compressed it (brotli 11 and gzip 9, cached): a CDN
 * serves cached compressed files, so the first measured request must not pay for the compression.
 */
async function warm(server: RunningServer): Promise<void> {
  const files = (readdirSync(DIST, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((d) => d.isFile())
    .map((d) => relative(DIST, join(d.parentPath, d.name)).split('\\').join('/'));
  for (const f of files) {
    const r = await fetch(`${server.url}${f.replace(/(^|\/)index\.html$/, '$1')}`, { headers: { 'accept-encoding': 'br, gzip' } });
    await r.arrayBuffer();
  }
  server.bytes.clear();
}

// ---------------------------------------------------------------------------------------------- main

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const loadAvgStart = loadavg();
  let buildResult: BuildResult | null = null;
  if (!opts['no-build']) {
    const runs: BuildResult['runs'] = [];
    for (let i = 0; i < RUNS; i++) {
      log(`astro build ${i + 1}/${RUNS} (base ${BASE})`);
      runs.push(await build());
      log(`  ${(runs.at(-1)!.wallMs / 1000).toFixed(1)} s, peak RSS ${((runs.at(-1)!.peakRssBytes ?? 0) / 2 ** 20).toFixed(0)} MiB`);
    }
    buildResult = { runs, wallMs: median(runs.map((r) => r.wallMs)), peakRssBytes: median(runs.map((r) => r.peakRssBytes)) };
  }
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  if (!html.includes(`"${BASE}`)) throw new Error(`${DIST}/ was not built under ${BASE}: drop --no-build or pass the right --base`);

  let pages = discoverPages();
  if (opts.pages) {
    const want = opts.pages
      .split(',')
      .map((p) => p.trim().replace(/\/$/, ''))
      .filter(Boolean);
    const unknown = want.filter((w) => !pages.some((p) => p.name === w));
    if (unknown.length) throw new Error(`unknown page(s) ${unknown.join(', ')}; known: ${pages.map((p) => p.name).join(', ')}`);
    pages = pages.filter((p) => want.includes(p.name));
  }
  // The map stories' variants (issue 13), each right after its story so runs interleave.
  if (!opts['no-compare']) {
    pages = pages.flatMap((p) =>
      p.hasMap
        ? [
            p,
            { ...p, name: `${p.name} ?map=live`, path: `${p.path}?map=live`, variant: 'live' as const },
            { ...p, name: `${p.name} storymap-style`, path: `_bench/storymap/${p.name}/`, variant: 'storymap' as const, unlisted: true },
          ]
        : [p],
    );
  }
  const variants = opts.variants.split(',').map((v) => v.trim());
  for (const v of variants)
    if (!['default', 'live', 'storymap'].includes(v)) throw new Error(`--variants: unknown "${v}"; known: default, live, storymap`);
  pages = pages.filter((p) => variants.includes(p.variant) || !p.hasMap);
  log(`pages: ${pages.map((p) => p.name).join(', ')}; ${RUNS} run(s)`);

  const server = await serve({ root: DIST, base: BASE });
  if (pages.some((p) => p.variant === 'storymap')) {
    log('building the storymap-style comparison pages (bench/storymap.ts)');
    await buildStorymapBundle(DIST, BASE);
    const browser = await launch();
    try {
      for (const p of pages.filter((x) => x.variant === 'storymap'))
        await writeStorymapPage(browser, `${server.url}${p.of}/`, DIST, BASE, p.of);
    } finally {
      await browser.close();
    }
  }
  const results = new Map<string, { runs: PageRun[]; diagnostics: Finding[][] }>(pages.map((p) => [p.name, { runs: [], diagnostics: [] }]));
  if (opts['lh-dir']) mkdirSync(opts['lh-dir'], { recursive: true });
  if (opts.trace) mkdirSync(opts.trace, { recursive: true });
  try {
    log('warming the server (compressing every file once)');
    await warm(server);
    for (let i = 0; i < RUNS; i++) {
      for (const p of pages) {
        const url = `${server.url}${p.path}`;
        server.bytes.clear();
        /** This page and run's file name in --lh-dir and --trace. */
        const runFile = `${p.name.replace(/[^\w-]+/g, '_')}-${i + 1}.json`;
        // ?map=live changes nothing at load (MapLibre comes after the first scroll): no Lighthouse for it.
        const lh =
          opts['no-lighthouse'] || p.variant === 'live'
            ? { run: {}, diagnostics: [] as Finding[], errors: [] as string[] }
            : (log(`run ${i + 1}/${RUNS} ${p.name}: Lighthouse`),
              await lighthouse(url, opts['lh-dir'] ? join(opts['lh-dir'], runFile) : null));
        const sc = opts['no-read-through']
          ? { run: {}, errors: [] as string[] }
          : (log(`run ${i + 1}/${RUNS} ${p.name}: read-through`),
            await scrollRun(url, server, opts.trace ? join(opts.trace, runFile) : undefined));
        const run: PageRun = { ...EMPTY, loafBySource: {}, ...lh.run, ...sc.run, errors: [...lh.errors, ...sc.errors] };
        const r = results.get(p.name)!;
        r.runs.push(run);
        r.diagnostics.push(lh.diagnostics);
        log(
          `  perf ${run.perf} a11y ${run.a11y} LCP ${Math.round(run.lcpMs ?? -1)} ms CLS ${run.cls?.toFixed(3)} TBT ${Math.round(run.tbtMs ?? -1)} ms · JS before scroll ${((run.jsBeforeScrollBytes ?? 0) / 1024).toFixed(1)} KB · LoAF ${Math.round(run.loafBlockingMs ?? -1)} ms · dropped ${run.droppedFrames}${run.errors.length ? ` · errors: ${run.errors.join('; ')}` : ''}`,
        );
      }
    }
  } finally {
    await server.close();
  }

  const pageResults: PageResult[] = pages.map((p) => {
    const r = results.get(p.name)!;
    // Each finding once, with its latest wording and in how many runs Lighthouse raised it.
    const seen = new Map<string, { text: string; n: number }>();
    for (const run of r.diagnostics) for (const [id, text] of run) seen.set(id, { text, n: (seen.get(id)?.n ?? 0) + 1 });
    const diagnostics = [...seen.values()].map((d) => (RUNS > 1 ? `${d.text} [${d.n}/${RUNS} runs]` : d.text));
    return { ...p, runs: r.runs, medians: medians(r.runs), diagnostics };
  });
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  const report: Report = {
    date: new Date().toISOString(),
    commit: `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' (with uncommitted changes)' : ''}`,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown CPU',
      cores: cpus().length,
      ramBytes: totalmem(),
      node: process.version,
      chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
      lighthouse: lighthouseVersion,
      loadAvgStart,
      loadAvgEnd: loadavg(),
    },
    options: { runs: RUNS, pauseMs: PAUSE_MS, base: BASE, pages: pages.map((p) => p.name), lighthouse: !opts['no-lighthouse'], cpu: CPU },
    // A Lighthouse browser other than the default is said at the top, so the figures are not compared blindly.
    note: [opts.note, opts['lh-chrome'] ? `Lighthouse ran in ${opts['lh-chrome']}` : null].filter(Boolean).join('; ') || null,
    build: buildResult,
    pages: pageResults,
  };
  const md = renderReport(report);
  writeFileSync(`${opts.out}.md`, md);
  writeFileSync(`${opts.out}.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(md);
  log(`wrote ${opts.out}.md and ${opts.out}.json`);
}

await main();
