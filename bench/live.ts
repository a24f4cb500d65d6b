/**
 * The live map's start-up, frame by frame (issue 13, `?map=live`): the bench's phone profile and
 * read-through (bench/run.ts: 390×844, slow 4G, 4× CPU, scroll gestures of 60 % of a screen with a
 * reading pause after each), on `?map=live`, with every long animation frame's scripts (what invoked
 * them, for how long) and the map code's `performance.mark('map:…')`s on one time line.
 *
 * A/B without rebuilding between runs: give several built sites with `--dist` (each built under the
 * same base, e.g. `astro build --outDir /tmp/a`); runs are interleaved (a, b, a, b …) so a change in
 * the machine's load hits both alike. Prints per run and the medians per dist.
 *
 *   node bench/live.ts [--dist dist,/tmp/b] [--page winter-tour-2022] [--runs 3] [--pause 1000] [--timeline] [--trace out.json]
 *
 * --timeline  print every long frame and mark of each run
 * --trace F   also record a Chromium trace of the first run (Performance panel format) into F
 * --profile F also record a JS CPU profile of the first run's read-through into F (.cpuprofile), and
 *             print, for each long frame, the functions that took the most of it (self time)
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { serve } from '../scripts/serve.ts';
import { launch, PHONE } from '../scripts/lib/browser.ts';
import { scrollGesture, throttleLikeAPhone } from './phone.ts';
import { GESTURE_EVENTS, PAUSE_MS as GESTURE_GAP_MS } from '../src/map/loader.ts';
import { gestureWindows, median } from './lib.ts';

const { values: o } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/stories/tongliao/' },
    page: { type: 'string', default: 'winter-tour-2022' },
    runs: { type: 'string', default: '3' },
    pause: { type: 'string', default: '1000' },
    query: { type: 'string', default: 'map=live' },
    timeline: { type: 'boolean', default: false },
    trace: { type: 'string' },
    profile: { type: 'string' },
  },
});
const RUNS = Number(o.runs);
const PAUSE = Number(o.pause);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer, got ${o.runs}`);
if (!Number.isFinite(PAUSE) || PAUSE < 0) throw new Error(`--pause must be a number of ms, got ${o.pause}`);

interface Script {
  ms: number;
  invoker: string;
  fn: string;
  src: string;
}
interface Loaf {
  start: number;
  duration: number;
  blocking: number;
  renderMs: number;
  scripts: Script[];
}
interface Store {
  loaf: Loaf[];
  inputs: number[];
}

function instrument(gestureEvents: readonly string[]): void {
  const store: Store = { loaf: [], inputs: [] };
  (window as unknown as { __live: Store }).__live = store;
  for (const type of gestureEvents) window.addEventListener(type, (e) => store.inputs.push(e.timeStamp), { capture: true, passive: true });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      const f = e as unknown as {
        blockingDuration: number;
        renderStart: number;
        scripts?: { duration: number; sourceURL?: string; invoker?: string; sourceFunctionName?: string }[];
      };
      store.loaf.push({
        start: e.startTime,
        duration: e.duration,
        blocking: f.blockingDuration,
        renderMs: f.renderStart > 0 ? e.startTime + e.duration - f.renderStart : 0,
        scripts: (f.scripts ?? []).map((s) => ({
          ms: Math.round(s.duration),
          invoker: s.invoker ?? '',
          fn: s.sourceFunctionName ?? '',
          src: (s.sourceURL ?? '').split('/').pop() ?? '',
        })),
      });
    }),
  ).observe({ type: 'long-animation-frame', buffered: true });
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time between `from` and `to` (µs, the profile's clock), and their callers' chain. */
function topFunctions(p: CpuProfile, from: number, to: number): string {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const name = (n: CpuNode) =>
      `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    const leaf = byId.get(p.samples[i] as number);
    if (!leaf) continue;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const nm = name(byId.get(id) as CpuNode);
      if (seen.has(nm)) continue;
      seen.add(nm);
      total.set(nm, (total.get(nm) ?? 0) + dt);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
  return `        self: ${top(self, 8)}\n        total: ${top(total, 14)}`;
}

async function readThrough(page: Page, cdp: CDPSession): Promise<[number, number][]> {
  const windows: [number, number][] = [];
  for (let i = 0; i < 300; i++) {
    if (await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2)) break;
    const y = await page.evaluate(() => scrollY);
    let moved = false;
    for (const x of [195, 20]) {
      windows.push(await scrollGesture(page, cdp, x, PHONE.viewport.height));
      if ((await page.evaluate(() => scrollY)) > y) {
        moved = true;
        break;
      }
    }
    if (!moved) throw new Error(`scroll stuck at ${y}px`);
    await page.waitForTimeout(PAUSE);
  }
  return windows;
}

interface Result {
  blocking: number;
  whileGesturing: number;
  largest: number;
  frames: number;
  errors: string[];
  timeline: string[];
}

async function once(url: string, trace: string | undefined, profile: string | undefined): Promise<Result> {
  const browser = await launch();
  const errors: string[] = [];
  try {
    const context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 200)));
    const cdp = await throttleLikeAPhone(context, page);
    await page.addInitScript(instrument, [...GESTURE_EVENTS]);
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.waitForTimeout(5000);
    if (trace) {
      await cdp.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'disabled-by-default-devtools.timeline.frame',
            'v8.execute',
            'disabled-by-default-v8.cpu_profiler',
            'blink.user_timing',
            'loading',
          ],
        },
      });
    }
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const profiledFrom = await page.evaluate(() => performance.now());
    const t0 = await page.evaluate(() => performance.now());
    const sent = await readThrough(page, cdp);
    await page.waitForTimeout(Math.max(PAUSE, 3000));
    if (trace) {
      const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream as string)));
      await cdp.send('Tracing.end');
      const stream = await done;
      let data = '';
      for (;;) {
        const r = await cdp.send('IO.read', { handle: stream });
        data += r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data;
        if (r.eof) break;
      }
      writeFileSync(trace, data);
    }
    let cpu: CpuProfile | null = null;
    if (profile) {
      cpu = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
      writeFileSync(profile, JSON.stringify(cpu));
    }
    const s = await page.evaluate(() => (window as unknown as { __live: Store }).__live);
    // The profile's clock (µs, monotonic) against the page's: its start is when profiling began (±1 ms).
    const origin = profiledFrom;
    const cpuNow = cpu ? cpu.startTime : 0;
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('map:'))
        .map((m) => [m.name, m.startTime] as const),
    );
    const live = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.story-map')].map((e) => e.dataset['live'] ?? '-'));
    const windows = [
      ...gestureWindows(
        s.inputs.filter((t) => t >= t0),
        GESTURE_GAP_MS,
      ),
      ...sent,
    ];
    const overlaps = (l: Loaf) => windows.some(([a, b]) => l.start < b && l.start + l.duration > a);
    const loaf = s.loaf.filter((l) => l.start >= t0);
    const events: [number, string][] = [
      ...marks.filter(([, t]) => t >= t0).map(([n, t]) => [t, `   mark ${n}`] as [number, string]),
      ...sent.map(([a, b]) => [a, `   gesture ${Math.round(b - a)} ms`] as [number, string]),
      ...loaf.map(
        (l) =>
          [
            l.start,
            `${overlaps(l) ? '!' : ' '}  LoAF ${Math.round(l.duration)} ms, blocking ${Math.round(l.blocking)}, render ${Math.round(l.renderMs)}: ${l.scripts
              .filter((x) => x.ms >= 3)
              .map((x) => `${x.invoker}${x.fn ? ` ${x.fn}` : ''} [${x.src}] ${x.ms}`)
              .join(
                '; ',
              )}${cpu ? `\n${topFunctions(cpu, (l.start - origin) * 1000 + cpuNow, (l.start + l.duration - origin) * 1000 + cpuNow)}` : ''}`,
          ] as [number, string],
      ),
    ];
    events.sort((a, b) => a[0] - b[0]);
    if (!live.some((l) => l === 'shown' || l === 'wanted')) errors.push(`live map states: ${live.join(',')}`);
    return {
      blocking: Math.round(loaf.reduce((t, l) => t + l.blocking, 0)),
      whileGesturing: Math.round(loaf.filter(overlaps).reduce((t, l) => t + l.blocking, 0)),
      largest: Math.round(Math.max(0, ...loaf.map((l) => l.blocking))),
      frames: loaf.length,
      errors,
      timeline: [...events.map(([t, e]) => `${String(Math.round(t - t0)).padStart(6)} ${e}`), `   data-live: ${live.join(',')}`],
    };
  } finally {
    await browser.close();
  }
}

const dists = (o.dist ?? 'dist').split(',');
const servers = await Promise.all(dists.map((root) => serve({ root, base: o.base ?? '/stories/tongliao/' })));
const results = new Map<string, Result[]>(dists.map((d) => [d, []]));
console.log(
  `load before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
try {
  for (let i = 0; i < RUNS; i++)
    for (const [j, d] of dists.entries()) {
      const url = `${servers[j]!.url}${o.page}/${o.query ? `?${o.query}` : ''}`;
      const r = await once(url, i === 0 && j === 0 ? o.trace : undefined, i === 0 && j === 0 ? o.profile : undefined);
      results.get(d)!.push(r);
      console.log(
        `run ${i + 1} ${d}: blocking ${r.blocking} ms, while gesturing ${r.whileGesturing} ms, largest ${r.largest} ms, ${r.frames} long frames${r.errors.length ? `; errors: ${r.errors.join(' | ')}` : ''}`,
      );
      if (o.timeline) console.log(r.timeline.join('\n'));
    }
} finally {
  await Promise.all(servers.map((s) => s.close()));
}
console.log(
  `load after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
for (const [d, rs] of results)
  console.log(
    `median ${d}: blocking ${median(rs.map((r) => r.blocking))} ms (${rs.map((r) => r.blocking).join(', ')}), while gesturing ${median(rs.map((r) => r.whileGesturing))} ms, largest ${median(rs.map((r) => r.largest))} ms`,
  );
