/**
 * Benchmark of a story page with the map (the demo story), on a phone profile: DevTools' "slow 4G"
 * throttling (562.5 ms latency, 1.47 Mbit/s down) and 4× CPU slowdown, Debian's Chromium through
 * playwright-core. A benchmark, not a test: it reports numbers; it does not pass or fail.
 *
 * Measures, per run (3 runs, medians reported):
 * - bytes at the server (compressed, as sent): JS before the first scroll, JS in total including
 *   MapLibre's worker (a dedicated worker's requests are invisible to the page's CDP session), all;
 * - FCP, LCP, CLS, and TBT before the first scroll (long tasks over 50 ms, from the page);
 * - during a scripted read-through (scroll gestures of 60 % of a screen with a 2.5 s reading pause
 *   after each, to the bottom): long tasks, long-animation-frame blocking in total and while a gesture
 *   is running, and when each step of bringing in MapLibre happened (performance marks).
 *
 *   npm run build:test && node bench/map.ts [--runs 3] [--page demo/] [--no-webgl]
 *
 * Writes bench/map-report.md and bench/map-results.json (bench/map-no-webgl-* with --no-webgl: the
 * same page with the static SVG only, the baseline that shows what MapLibre costs).
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { serve } from '../scripts/serve.ts';
import { launch, PHONE, TEST_BASE, TEST_DIST } from '../scripts/lib/browser.ts';
import { scrollGesture, throttleLikeAPhone } from './phone.ts';

interface PerfEntry {
  start: number;
  duration: number;
  blocking?: number;
}

interface Run {
  jsBeforeScrollBytes: number;
  jsTotalBytes: number;
  workerBytes: number;
  totalBytes: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  tbtBeforeScrollMs: number;
  longTasks: number;
  longTaskMs: number;
  loafBlockingMs: number;
  loafBlockingWhileScrollingMs: number;
  /** performance.mark()s of enhance.ts (map:import, map:imported, map:create, map:rendered, map:live), from the first scroll. */
  marks: Record<string, number>;
  /** [start, blocking ms] of each blocking long animation frame that overlaps a gesture, from the first scroll. */
  loafWhileScrolling: [number, number][];
  /** [start, end] of each scroll gesture, from the first scroll. */
  gestures: [number, number][];
  scrollGestures: number;
}

/** Runs in the page before anything else: collects performance entries. */
function instrument(): void {
  const w = window as unknown as Record<string, unknown>;
  const store = { longtask: [] as PerfEntry[], loaf: [] as PerfEntry[], cls: 0, lcp: 0, fcp: 0 };
  w['__bench'] = store;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => store.longtask.push({ start: e.startTime, duration: e.duration }))).observe({
    type: 'longtask',
    buffered: true,
  });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) =>
      store.loaf.push({
        start: e.startTime,
        duration: e.duration,
        blocking: (e as unknown as { blockingDuration: number }).blockingDuration,
      }),
    ),
  ).observe({ type: 'long-animation-frame', buffered: true });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      const s = e as unknown as { value: number; hadRecentInput: boolean };
      if (!s.hadRecentInput) store.cls += s.value;
    }),
  ).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (store.lcp = e.startTime))).observe({
    type: 'largest-contentful-paint',
    buffered: true,
  });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => e.name === 'first-contentful-paint' && (store.fcp = e.startTime))).observe({
    type: 'paint',
    buffered: true,
  });
}

type Store = { longtask: PerfEntry[]; loaf: PerfEntry[]; cls: number; lcp: number; fcp: number };

/** A reader stops to read each step: the map is built in these pauses. */
const READING_PAUSE_MS = 2500;

async function readThrough(page: Page, cdp: CDPSession): Promise<[number, number][]> {
  const windows: [number, number][] = [];
  const vh = PHONE.viewport.height;
  for (let i = 0; i < 200; i++) {
    const atEnd = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2);
    if (atEnd) break;
    windows.push(await scrollGesture(page, cdp, 195, vh));
    await page.waitForTimeout(READING_PAUSE_MS);
  }
  return windows;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const overlaps = (e: PerfEntry, w: [number, number][]) => w.some(([a, b]) => e.start < b && e.start + e.duration > a);

async function run(pageUrl: string, bytes: Map<string, number>, webgl: boolean): Promise<Run> {
  bytes.clear();
  const browser = await launch({ webgl });
  try {
    const context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    const cdp = await throttleLikeAPhone(context, page);
    await page.addInitScript(instrument);
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForTimeout(5000);
    if ((await page.locator('.scrolly__layer[data-family="map"]').count()) === 0) {
      throw new Error('no map layer in a scrolly section on this page: is the scrolly engine on this branch?');
    }
    const js = () => sum([...bytes].filter(([p]) => p.endsWith('.js') || p.endsWith('.mjs')).map(([, n]) => n));
    const jsBeforeScrollBytes = js();
    const before = (await page.evaluate(() => (window as unknown as { __bench: Store }).__bench)) as Store;
    const tbtBeforeScrollMs = sum(before.longtask.map((t) => Math.max(0, t.duration - 50)));
    const scrollStart = await page.evaluate(() => performance.now());
    const windows = await readThrough(page, cdp);
    await page.waitForTimeout(3000);
    const s = (await page.evaluate(() => (window as unknown as { __bench: Store }).__bench)) as Store;
    const during = (e: PerfEntry) => e.start >= scrollStart;
    return {
      jsBeforeScrollBytes,
      jsTotalBytes: js(),
      workerBytes: sum([...bytes].filter(([p]) => p.includes('worker')).map(([, n]) => n)),
      totalBytes: sum([...bytes.values()]),
      fcpMs: s.fcp,
      lcpMs: s.lcp,
      cls: s.cls,
      tbtBeforeScrollMs,
      longTasks: s.longtask.filter(during).length,
      longTaskMs: sum(s.longtask.filter(during).map((t) => t.duration)),
      loafBlockingMs: sum(s.loaf.filter(during).map((l) => l.blocking ?? 0)),
      loafBlockingWhileScrollingMs: sum(s.loaf.filter((l) => during(l) && overlaps(l, windows)).map((l) => l.blocking ?? 0)),
      loafWhileScrolling: s.loaf
        .filter((l) => during(l) && overlaps(l, windows) && (l.blocking ?? 0) > 0)
        .map((l) => [Math.round(l.start - scrollStart), Math.round(l.blocking ?? 0)]),
      gestures: windows.map(([a, b]) => [Math.round(a - scrollStart), Math.round(b - scrollStart)]),
      marks: Object.fromEntries(
        (await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const)))
          .filter(([n]) => n.startsWith('map:'))
          .map(([n, t]) => [n, Math.round(t - scrollStart)]),
      ),
      scrollGestures: windows.length,
    };
  } finally {
    await browser.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      page: { type: 'string', default: 'demo/' },
      'no-webgl': { type: 'boolean', default: false },
    },
  });
  const webgl = !values['no-webgl'];
  const server = await serve({ root: TEST_DIST, base: TEST_BASE });
  const runs: Run[] = [];
  try {
    for (let i = 0; i < Number(values.runs); i++) {
      runs.push(await run(`${server.url}${values.page}`, server.bytes, webgl));
      console.log(`run ${i + 1}:`, JSON.stringify(runs.at(-1)));
    }
  } finally {
    await server.close();
  }
  const keys = (Object.keys(runs[0] as Run) as (keyof Run)[]).filter((k) => !['marks', 'loafWhileScrolling', 'gestures'].includes(k));
  const med = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => (r[k] ?? -1) as number))])) as Record<
    Exclude<keyof Run, 'marks' | 'loafWhileScrolling' | 'gestures'>,
    number
  >;
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Chromium (software WebGL)`;
  const date = new Date().toISOString();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n: number) => `${Math.round(n)} ms`;
  const rows: [string, string, string][] = [
    ['JS before the first scroll (brotli, at the server)', kb(med.jsBeforeScrollBytes), '≤ 30 KB'],
    ['JS in total incl. MapLibre worker (brotli, at the server)', kb(med.jsTotalBytes), '—'],
    ['… of which the worker', kb(med.workerBytes), '—'],
    ['All bytes (brotli)', kb(med.totalBytes), '—'],
    ['FCP', ms(med.fcpMs), '—'],
    ['LCP', ms(med.lcpMs), '≤ 1.5 s (lab)'],
    ['CLS', med.cls.toFixed(3), '0 (≤ 0.01)'],
    ['TBT before the first scroll (long tasks − 50 ms)', ms(med.tbtBeforeScrollMs), '—'],
    ['Long tasks during the read-through (count / total)', `${med.longTasks} / ${ms(med.longTaskMs)}`, '—'],
    ['Long-animation-frame blocking, whole read-through (incl. reading pauses)', ms(med.loafBlockingMs), '—'],
    ['Long-animation-frame blocking while a scroll gesture runs', ms(med.loafBlockingWhileScrollingMs), '≤ 100 ms'],
    ['Scroll gestures', String(med.scrollGestures), '—'],
  ];
  const markRows = runs.map(
    (r, i) =>
      `| ${i + 1} | ${['map:import', 'map:imported', 'map:create', 'map:rendered', 'map:live'].map((m) => (m in r.marks ? ms(r.marks[m] as number) : '—')).join(' | ')} |`,
  );
  const md = [
    `# Map page benchmark (${values.page}${webgl ? '' : ', WebGL disabled: the static SVG only'})`,
    '',
    `${date} · commit ${commit} · ${machine} · ${runs.length} runs, medians · phone 390×844, slow 4G (562.5 ms, 1.47 Mbit/s), 4× CPU`,
    '',
    '| measure | median | target |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'Bringing in MapLibre, per run (ms after the first scroll; each step waits for a reading pause):',
    '',
    '| run | import starts | imported | map created | first render done | shown (cross-fade) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...markRows,
    '',
    "Rendering is software WebGL (no GPU here), so MapLibre's own frames are far slower than on a phone: compare runs with each other.",
    '',
  ].join('\n');
  const name = webgl ? 'map' : 'map-no-webgl';
  writeFileSync(`bench/${name}-report.md`, md);
  writeFileSync(
    `bench/${name}-results.json`,
    `${JSON.stringify({ date, commit, machine, page: values.page, webgl, medians: med, runs }, null, 2)}\n`,
  );
  console.log(md);
}

await main();
