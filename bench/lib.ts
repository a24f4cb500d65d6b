/**
 * The pure parts of the benchmark (`bench/run.ts`): medians, the dropped-frame estimate, the targets
 * from issue 6 and the Markdown report. No I/O here, so all of it is unit-tested (bench/lib.test.ts).
 */

/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;

/** Median of the finite numbers in `xs` (the mean of the two middle ones for an even count); null when none. */
export function median(xs: readonly (number | null | undefined)[]): number | null {
  const s = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface FrameEstimate {
  /** Frames that were painted (requestAnimationFrame callbacks after the first). */
  frames: number;
  /** Frames that should have been painted in the gaps but were not. */
  dropped: number;
  /** dropped / (frames + dropped), 0 when nothing was recorded. */
  droppedShare: number;
  /** The longest gap between two frames, ms. */
  longestGapMs: number;
}

/**
 * Estimates dropped frames from requestAnimationFrame timestamps: a gap longer than 1.5 frames is
 * a janky frame, and it hid round(gap / frame) − 1 frames. `windows` ([start, end] in the same
 * clock) keeps only gaps that end inside one of them, e.g. while a scroll gesture runs.
 */
export function estimateDroppedFrames(
  times: readonly number[],
  windows?: readonly (readonly [number, number])[],
  frameMs = FRAME_MS,
): FrameEstimate {
  let frames = 0;
  let dropped = 0;
  let longestGapMs = 0;
  for (let i = 1; i < times.length; i++) {
    const t = times[i] as number;
    const gap = t - (times[i - 1] as number);
    if (windows && !windows.some(([a, b]) => t > a && t <= b)) continue;
    frames++;
    longestGapMs = Math.max(longestGapMs, gap);
    if (gap > 1.5 * frameMs) dropped += Math.round(gap / frameMs) - 1;
  }
  return { frames, dropped, droppedShare: frames + dropped === 0 ? 0 : dropped / (frames + dropped), longestGapMs };
}

/**
 * Gestures as the map code (src/map/loader.ts) defines them: gesture events (scroll, wheel, touch,
 * scrolling keys) less than `gapMs` (its PAUSE_MS) apart belong to one gesture, which runs from its
 * first event to its last. `times` are the events' timestamps (any order); returns [start, end] windows.
 */
export function gestureWindows(times: readonly number[], gapMs: number): [number, number][] {
  const t = [...times].filter(Number.isFinite).sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const x of t) {
    const last = out.at(-1);
    if (last && x - last[1] < gapMs) last[1] = x;
    else out.push([x, x]);
  }
  return out;
}

/** Everything measured on one page in one run; null where the measurement failed. */
export interface PageRun {
  // Lighthouse, mobile profile (simulated slow 4G, 4× CPU), at load: it never scrolls.
  perf: number | null;
  a11y: number | null;
  bestPractices: number | null;
  seo: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  cls: number | null;
  tbtMs: number | null;
  speedIndexMs: number | null;
  /** Lighthouse's total-byte-weight (transfer sizes, as Lighthouse saw them). */
  lhTotalBytes: number | null;
  /** Lighthouse's script transfer size. */
  lhJsBytes: number | null;
  /** Lighthouse's CPU benchmark index of the machine during the run (lower = slower or busier). */
  lhCpuIndex: number | null;
  // Bytes counted at the server (compressed, as sent) in the scripted read-through.
  /** JS requested before the first scroll (brotli). */
  jsBeforeScrollBytes: number | null;
  allBeforeScrollBytes: number | null;
  /** JS over the whole read-through, MapLibre's worker included. */
  jsTotalBytes: number | null;
  workerBytes: number | null;
  allTotalBytes: number | null;
  // The scripted read-through (devtools slow 4G, 4× CPU), from its first gesture to its end.
  gestures: number | null;
  longTasks: number | null;
  longTaskMs: number | null;
  loafBlockingMs: number | null;
  loafBlockingMaxMs: number | null;
  loafBlockingWhileGesturesMs: number | null;
  /** Long animation frames (each over 50 ms) that overlap a gesture, and the longest one's duration. */
  longFramesWhileGestures: number | null;
  longestFrameWhileGesturesMs: number | null;
  /** 1 when MapLibre (map-controller chunk, worker) was fetched during the run, else 0. */
  mapLoaded: number | null;
  droppedFrames: number | null;
  droppedShare: number | null;
  droppedFramesWhileGestures: number | null;
  droppedShareWhileGestures: number | null;
  scrollCls: number | null;
  /** Errors met in this run (Lighthouse runtime errors, page errors, a scroll that got stuck). */
  errors: string[];
  /** LoAF blocking in the read-through by the script that ran longest in each frame (file name), ms. */
  loafBySource: Record<string, number>;
  /** Every long animation frame of the read-through (ms from the first gesture), for the JSON report. */
  longFrames?: {
    at: number;
    ms: number;
    blocking: number;
    scriptMs: number;
    renderMs: number;
    script: string | null;
    gesturing: boolean;
  }[];
}

export type Metric = Exclude<keyof PageRun, 'errors' | 'loafBySource' | 'longFrames'>;
export const METRICS: readonly Metric[] = [
  'perf',
  'a11y',
  'bestPractices',
  'seo',
  'fcpMs',
  'lcpMs',
  'cls',
  'tbtMs',
  'speedIndexMs',
  'lhTotalBytes',
  'lhJsBytes',
  'lhCpuIndex',
  'jsBeforeScrollBytes',
  'allBeforeScrollBytes',
  'jsTotalBytes',
  'workerBytes',
  'allTotalBytes',
  'gestures',
  'longTasks',
  'longTaskMs',
  'loafBlockingMs',
  'loafBlockingMaxMs',
  'loafBlockingWhileGesturesMs',
  'longFramesWhileGestures',
  'longestFrameWhileGesturesMs',
  'mapLoaded',
  'droppedFrames',
  'droppedShare',
  'droppedFramesWhileGestures',
  'droppedShareWhileGestures',
  'scrollCls',
];

export type Medians = Record<Metric, number | null>;

/** Per-metric medians over runs (each metric on its own). */
export function medians(runs: readonly PageRun[]): Medians {
  return Object.fromEntries(METRICS.map((m) => [m, median(runs.map((r) => r[m]))])) as Medians;
}

export interface Target {
  metric: Metric;
  label: string;
  ok: (v: number) => boolean;
  show: (v: number) => string;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const s = (n: number) => `${(n / 1000).toFixed(2)} s`;

/** The targets of issue 6 ("Benchmark"). */
export const TARGETS: readonly Target[] = [
  { metric: 'perf', label: 'LH performance ≥ 95', ok: (v) => v >= 95, show: (v) => String(Math.round(v)) },
  { metric: 'a11y', label: 'LH accessibility = 100', ok: (v) => v === 100, show: (v) => String(Math.round(v)) },
  { metric: 'lcpMs', label: 'LCP ≤ 1.5 s', ok: (v) => v <= 1500, show: s },
  { metric: 'cls', label: 'CLS ≤ 0.01', ok: (v) => v <= 0.01, show: (v) => v.toFixed(3) },
  { metric: 'jsBeforeScrollBytes', label: 'JS before first scroll ≤ 30 KB br', ok: (v) => v <= 30 * 1024, show: kb },
  { metric: 'loafBlockingMs', label: 'LoAF blocking in read-through ≤ 100 ms', ok: (v) => v <= 100, show: ms },
];

/** 'moot': measured, but the target has nothing to judge (a ratio of two zeros). */
export type Mark = 'pass' | 'miss' | 'n/a' | 'moot';

/** A target's verdict for a median: a missing value is not a pass. */
export function verdict(t: Target, v: number | null): Mark {
  if (v === null) return 'n/a';
  return t.ok(v) ? 'pass' : 'miss';
}

/** Mean over runs of the LoAF blocking per source, largest first. */
export function loafSources(runs: readonly PageRun[]): [string, number][] {
  const total = new Map<string, number>();
  for (const r of runs) for (const [src, ms] of Object.entries(r.loafBySource)) total.set(src, (total.get(src) ?? 0) + ms);
  return [...total].map(([src, ms]): [string, number] => [src, ms / Math.max(1, runs.length)]).sort((a, b) => b[1] - a[1]);
}

const SYMBOL: Record<Mark, string> = { pass: '✅', miss: '❌ **miss**', 'n/a': '⚠️ not measured', moot: '➖' };

/** How a page is read in the benchmark: as built, with `?map=live`, or the storymap-style comparison (issue 13). */
export type Variant = 'default' | 'live' | 'storymap';

export interface PageResult {
  /** e.g. "front", "demo", "winter-tour-2022 ?map=live" */
  name: string;
  variant?: Variant;
  /** The story a variant belongs to. */
  of?: string;
  /** the path under the base, e.g. "demo/" */
  path: string;
  /** true for story pages kept out of the sitemap (the component demo) */
  unlisted: boolean;
  runs: PageRun[];
  medians: Medians;
  /** Lighthouse audits that did not pass (performance and accessibility), from the last run, for the notes. */
  diagnostics: string[];
}

export interface BuildResult {
  runs: { wallMs: number; peakRssBytes: number | null }[];
  wallMs: number | null;
  peakRssBytes: number | null;
}

export interface Report {
  date: string;
  commit: string;
  machine: {
    cpu: string;
    cores: number;
    ramBytes: number;
    node: string;
    chromium: string;
    lighthouse: string;
    loadAvgStart: number[];
    loadAvgEnd: number[];
  };
  options: {
    runs: number;
    pauseMs: number;
    base: string;
    pages: string[];
    lighthouse?: boolean;
    /** The read-through's CPU slowdown (4 when absent: reports from before the option). */
    cpu?: number;
  };
  /** A free note put at the top (e.g. "provisional: loaded machine"). */
  note: string | null;
  build: BuildResult | null;
  pages: PageResult[];
}

const fmt = (v: number | null, f: (n: number) => string) => (v === null ? 'n/a' : f(v));
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const sep = (n: number) => row(Array.from({ length: n }, () => '---'));

/** Whether the machine looked loaded while measuring (1-minute load average above the core count). */
export function loaded(r: Report): boolean {
  return Math.max(r.machine.loadAvgStart[0] ?? 0, r.machine.loadAvgEnd[0] ?? 0) > r.machine.cores;
}

/**
 * LoAF blocking in the read-through before issue 13 (bench/report.md of commit c709c4c, 3 runs,
 * reading pause 1000 ms, medians): `?map=live` must come in at half of these or less.
 */
export const BASELINE_LOAF_MS: Readonly<Record<string, number>> = {
  'fyp-projects': 701,
  'goals-2025': 508,
  'industry-2025': 543,
  'major-projects-2025': 593,
  'winter-tour-2022': 467,
};

/**
 * A LoAF script's name for the report: its file without Vite's hash and Astro's script suffix, then what
 * invoked it and its function (e.g. "Story.astro.js IdleCallback run").
 */
export const shortScript = (script: string): string =>
  script.replace(/_astro_type_script_index_\d+_lang/, '').replace(/\.[\w-]{8}\.js\b/, '.js');

const RATIO_LABEL = '≥ 5× less blocking than the storymap-style page';

/** Issue 13's targets for one map story, from the medians of its three variants. */
export function mapStoryChecks(
  story: string,
  d: Medians,
  live: Medians | null,
  comparison: Medians | null,
): { label: string; value: string; mark: Mark }[] {
  const out: { label: string; value: string; mark: Mark }[] = [];
  const check = (label: string, v: number | null, ok: (v: number) => boolean, show: (v: number) => string) =>
    out.push({ label, value: fmt(v, show), mark: v === null ? 'n/a' : ok(v) ? 'pass' : 'miss' });
  check('LoAF blocking ≤ 50 ms', d.loafBlockingMs, (v) => v <= 50, ms);
  check(
    'no frame > 50 ms while gesturing',
    d.longFramesWhileGestures,
    (v) => v === 0,
    (v) => (v === 0 ? 'none' : `${Math.round(v)} (longest ${fmt(d.longestFrameWhileGesturesMs, ms)})`),
  );
  // "5× less" is ours × 5 ≤ theirs. When neither page blocks at all there is nothing to divide: that is
  // shown as such (not a pass, not a miss), and the frames over 50 ms in the table above compare them.
  const theirs = comparison?.loafBlockingMs ?? null;
  const ours = d.loafBlockingMs;
  if (theirs === null || ours === null) out.push({ label: RATIO_LABEL, value: '–', mark: 'n/a' });
  else if (theirs === 0 && ours === 0)
    out.push({ label: RATIO_LABEL, value: 'neither page blocks (0 ms vs 0 ms): nothing to divide', mark: 'moot' });
  else
    out.push({
      label: RATIO_LABEL,
      value: `${ours === 0 ? 'ours 0 ms' : `${(theirs / ours).toFixed(1)}×`} (${ms(theirs)} vs ${ms(ours)})`,
      mark: ours * 5 <= theirs ? 'pass' : 'miss',
    });
  const base = BASELINE_LOAF_MS[story];
  check(
    `?map=live ≤ half of before (${base === undefined ? 'no baseline' : ms(base)})`,
    live?.loafBlockingMs ?? null,
    (v) => base !== undefined && v <= base / 2,
    ms,
  );
  check('JS before first scroll ≤ 20 KB', d.jsBeforeScrollBytes, (v) => v <= 20 * 1024, kb);
  check(
    'Lighthouse mobile performance = 100',
    d.perf,
    (v) => v === 100,
    (v) => String(Math.round(v)),
  );
  check(
    'CLS = 0',
    d.cls,
    (v) => v === 0,
    (v) => v.toFixed(3),
  );
  return out;
}

/** The issue-13 section: each map story read three ways. */
function renderMapStories(r: Report, out: string[]): void {
  const stories = r.pages.filter((p) => p.variant === 'default' && r.pages.some((q) => q.of === p.name && q.variant !== 'default'));
  if (stories.length === 0) return;
  out.push('## Map stories: the scroll (issue 13)', '');
  out.push(
    'Each story with a map, read through three ways in the same run (interleaved): **as built** (on this machine, software WebGL, the device does not qualify for the live map: SVG states, MapLibre only for explore mode), **`?map=live`** (the live map forced: MapLibre taking over the sticky map in reading pauses), and a **storymap-style page** built from the same chapters (`bench/storymap/`: MapLibre, scrollama and d3 loaded eagerly, the map created on load, `flyTo` per chapter).',
    '',
  );
  out.push(
    row([
      'story',
      'read as',
      'JS before first scroll',
      'LoAF blocking, total',
      'while gesturing',
      'largest LoAF (blocking)',
      'frames > 50 ms while gesturing (longest)',
      'MapLibre fetched',
      'LH perf',
      'TBT',
    ]),
    sep(10),
  );
  for (const p of stories) {
    for (const v of [p, ...r.pages.filter((q) => q.of === p.name && q.variant !== 'default')]) {
      const d = v.medians;
      const label = v.variant === 'live' ? '`?map=live`' : v.variant === 'storymap' ? 'storymap-style' : 'as built';
      out.push(
        row([
          p.name,
          label,
          fmt(d.jsBeforeScrollBytes, kb),
          fmt(d.loafBlockingMs, ms),
          fmt(d.loafBlockingWhileGesturesMs, ms),
          fmt(d.loafBlockingMaxMs, ms),
          d.longFramesWhileGestures === null
            ? 'n/a'
            : `${Math.round(d.longFramesWhileGestures)}${d.longFramesWhileGestures > 0 ? ` (${fmt(d.longestFrameWhileGesturesMs, ms)})` : ''}`,
          d.mapLoaded === null ? 'n/a' : d.mapLoaded >= 0.5 ? 'yes' : 'no',
          fmt(d.perf, String),
          fmt(d.tbtMs, ms),
        ]),
      );
    }
  }
  out.push(
    '',
    'Frames over 50 ms while gesturing, what they spent (ms of script / ms of style, layout and paint, each frame, first run):',
    '',
  );
  for (const p of stories) {
    for (const v of [p, ...r.pages.filter((q) => q.of === p.name && q.variant !== 'default')]) {
      const frames = (v.runs[0]?.longFrames ?? []).filter((f) => f.gesturing);
      if (frames.length > 0)
        out.push(
          `- ${v.name}: ${frames.map((f) => `${f.ms} ms (${f.scriptMs}/${f.renderMs}${f.script ? ` ${shortScript(f.script)}` : ''})`).join(', ')}`,
        );
    }
  }
  out.push('', '### Targets per map story', '');
  const names = [
    'LoAF blocking ≤ 50 ms',
    'no frame > 50 ms while gesturing',
    '≥ 5× less than storymap-style',
    '`?map=live` ≤ half of before',
    'JS before first scroll ≤ 20 KB',
    'LH perf 100',
    'CLS 0',
  ];
  out.push(row(['story', ...names]), sep(names.length + 1));
  for (const p of stories) {
    const live = r.pages.find((q) => q.of === p.name && q.variant === 'live')?.medians ?? null;
    const cmp = r.pages.find((q) => q.of === p.name && q.variant === 'storymap')?.medians ?? null;
    out.push(row([p.name, ...mapStoryChecks(p.name, p.medians, live, cmp).map((c) => `${c.value} ${SYMBOL[c.mark]}`)]));
  }
  out.push(
    '',
    '"≥ 5× less" means ours × 5 ≤ the storymap-style page\'s blocking, both medians of the same run; ➖ marks a story where neither page blocks at all, so there is no ratio (their frames over 50 ms while gesturing, in the table above, still compare them).',
    '',
    `"\`?map=live\` ≤ half of before" compares with the blocking measured before issue 13 (bench/report.md at commit c709c4c, same profile, reading pause 1000 ms): ${Object.entries(
      BASELINE_LOAF_MS,
    )
      .map(([k, v]) => `${k} ${v} ms`)
      .join(
        ', ',
      )}. Frames over 50 ms are long animation frames (every LoAF entry is one); "while gesturing" means overlapping a gesture as the map code defines it (src/map/loader.ts): the page's scroll, wheel and touch events less than 400 ms apart form one gesture, from its first event to its last (the code also holds MapLibre for 400 ms after it).`,
    '',
  );
}

/** The Markdown report. */
export function renderReport(r: Report): string {
  const out: string[] = [];
  const m = r.machine;
  out.push('# Performance benchmark (`npm run bench`)', '');
  if (r.note) out.push(`> **${r.note}**`, '');
  if (loaded(r)) {
    out.push(
      `> **Loaded machine:** the 1-minute load average was ${m.loadAvgStart[0]?.toFixed(1)} at the start and ${m.loadAvgEnd[0]?.toFixed(1)} at the end on ${m.cores} cores, so timings (LCP, TBT, long tasks, frames, build time) are pessimistic and noisy. Byte counts are not affected.`,
      '',
    );
  }
  out.push(
    `${r.date} · commit \`${r.commit}\` · ${r.options.runs} run${r.options.runs === 1 ? '' : 's'}, medians · base path \`${r.options.base}\``,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${(m.ramBytes / 2 ** 30).toFixed(1)} GiB RAM · Node ${m.node} · ${m.chromium} (headless, software WebGL: no GPU) · Lighthouse ${m.lighthouse}`,
    '',
    'Profiles: Lighthouse mobile (simulated slow 4G: 150 ms RTT, 1.6 Mbit/s; 4× CPU; Moto G Power screen). The read-through: phone viewport 390×844 in Chromium, devtools slow-4G network (562.5 ms, 1.47 Mbit/s) and ' +
      `${r.options.cpu ?? 4}× CPU via CDP${(r.options.cpu ?? 4) === 4 ? '' : ' (not the usual 4×: a slower phone)'}, scroll gestures of 60 % of a screen with a reading pause of ` +
      `${r.options.pauseMs} ms after each, top to bottom. Bytes are counted at the server as sent (brotli), MapLibre's worker included.`,
    '',
  );

  renderMapStories(r, out);
  const all = r;
  r = { ...r, pages: r.pages.filter((p) => (p.variant ?? 'default') === 'default') };
  out.push('## Targets (issue 6)', '');
  out.push(row(['page', ...TARGETS.map((t) => t.label)]), sep(TARGETS.length + 1));
  for (const p of r.pages) {
    out.push(
      row([
        pageLabel(p),
        ...TARGETS.map((t) => {
          const v = p.medians[t.metric];
          return `${fmt(v, t.show)} ${SYMBOL[verdict(t, v)]}`;
        }),
      ]),
    );
  }
  const misses = r.pages.flatMap((p) =>
    TARGETS.filter((t) => verdict(t, p.medians[t.metric]) !== 'pass').map(
      (t) => `${p.name}: ${t.label} (${fmt(p.medians[t.metric], t.show)})`,
    ),
  );
  out.push(
    '',
    misses.length === 0 ? 'Every page meets every target.' : `Missed or unmeasured: ${misses.length} — ${misses.join('; ')}.`,
    '',
  );

  out.push('## Load: Lighthouse mobile', '');
  out.push(
    row(['page', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'CLS', 'TBT', 'Speed Index', 'bytes (LH)', 'JS (LH)', 'LH CPU index']),
    sep(13),
  );
  for (const p of r.pages) {
    const d = p.medians;
    out.push(
      row([
        pageLabel(p),
        fmt(d.perf, String),
        fmt(d.a11y, String),
        fmt(d.bestPractices, String),
        fmt(d.seo, String),
        fmt(d.fcpMs, s),
        fmt(d.lcpMs, s),
        fmt(d.cls, (v) => v.toFixed(3)),
        fmt(d.tbtMs, ms),
        fmt(d.speedIndexMs, s),
        fmt(d.lhTotalBytes, kb),
        fmt(d.lhJsBytes, kb),
        fmt(d.lhCpuIndex, (v) => String(Math.round(v))),
      ]),
    );
  }
  out.push('');
  out.push(
    '"LH CPU index" is Lighthouse\'s benchmarkIndex of the machine during the run; when it is low, Lighthouse warns that the CPU is slower than it expects, and TBT and LCP come out worse.',
    '',
  );

  out.push('## Bytes at the server (brotli, as sent)', '');
  out.push(
    row([
      'page',
      'JS before first scroll',
      'all before first scroll',
      'JS, whole read-through',
      '… of which MapLibre worker',
      'all, whole read-through',
    ]),
    sep(6),
  );
  for (const p of r.pages) {
    const d = p.medians;
    out.push(
      row([
        pageLabel(p),
        fmt(d.jsBeforeScrollBytes, kb),
        fmt(d.allBeforeScrollBytes, kb),
        fmt(d.jsTotalBytes, kb),
        fmt(d.workerBytes, kb),
        fmt(d.allTotalBytes, kb),
      ]),
    );
  }
  out.push('');

  out.push('## Scroll: the scripted read-through', '');
  out.push(
    row([
      'page',
      'gestures',
      'long tasks',
      'long-task time',
      'LoAF blocking, total',
      'LoAF blocking, max',
      'LoAF blocking while gesturing',
      'dropped frames (all)',
      'dropped frames while gesturing',
      'CLS while scrolling',
    ]),
    sep(10),
  );
  for (const p of r.pages) {
    const d = p.medians;
    out.push(
      row([
        pageLabel(p),
        fmt(d.gestures, String),
        fmt(d.longTasks, String),
        fmt(d.longTaskMs, ms),
        fmt(d.loafBlockingMs, ms),
        fmt(d.loafBlockingMaxMs, ms),
        fmt(d.loafBlockingWhileGesturesMs, ms),
        d.droppedFrames === null ? 'n/a' : `${Math.round(d.droppedFrames)} (${pct(d.droppedShare ?? 0)})`,
        d.droppedFramesWhileGestures === null
          ? 'n/a'
          : `${Math.round(d.droppedFramesWhileGestures)} (${pct(d.droppedShareWhileGestures ?? 0)})`,
        fmt(d.scrollCls, (v) => v.toFixed(3)),
      ]),
    );
  }
  out.push(
    '',
    'LoAF blocking is the sum of `blockingDuration` of long animation frames from the first gesture to the end of the read-through (reading pauses included, when MapLibre is brought in); "while gesturing" counts only frames that overlap a gesture. Dropped frames: requestAnimationFrame gaps over 1.5 frames at 60 Hz, each counted as round(gap / 16.7 ms) − 1 frames.',
    '',
  );

  out.push('## Build', '');
  if (r.build) {
    out.push(
      row(['measure', 'median', 'runs']),
      sep(3),
      row(['`astro build` wall time', fmt(r.build.wallMs, s), r.build.runs.map((b) => s(b.wallMs)).join(', ')]),
      row([
        'peak memory (max RSS of the build process)',
        fmt(r.build.peakRssBytes, (v) => `${(v / 2 ** 20).toFixed(0)} MiB`),
        r.build.runs.map((b) => (b.peakRssBytes === null ? 'n/a' : `${(b.peakRssBytes / 2 ** 20).toFixed(0)} MiB`)).join(', '),
      ]),
      '',
    );
  } else {
    out.push('Not measured in this run (`--no-build`: an existing dist/ was served).', '');
  }

  const sources = all.pages.map((p) => [p, loafSources(p.runs).filter(([, v]) => v >= 1)] as const).filter(([, l]) => l.length > 0);
  if (sources.length > 0) {
    out.push(
      "## Where the read-through's LoAF blocking comes from",
      '',
      'Each long animation frame\'s blocking time is put on the script that ran longest in it (file name, or the kind of callback), or on "style/layout/paint" when no script in it ran 5 ms; mean over runs, largest first. Chunk names in this build: `Story.astro_…` is the scrolly engine (scrollama), `enhance.*` the chart kit (D3 transitions) or the map loader, `map-controller` MapLibre itself.',
      '',
    );
    for (const [p, l] of sources)
      out.push(
        `- **${p.name}**: ${l
          .slice(0, 5)
          .map(([src, v]) => `${src} ${ms(v)}`)
          .join(', ')}`,
      );
    out.push('');
  }

  const diag = all.pages.filter((p) => p.diagnostics.length > 0 || p.runs.some((x) => x.errors.length > 0));
  if (diag.length > 0) {
    out.push(
      '## Lighthouse findings and errors',
      '',
      'Audits that scored below 0.9, and the LCP element, as Lighthouse reported them.',
      '',
    );
    for (const p of diag) {
      const errors = [...new Set(p.runs.flatMap((x) => x.errors))];
      out.push(`- **${p.name}**: ${[...p.diagnostics, ...errors.map((e) => `error: ${e}`)].join('; ')}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function pageLabel(p: PageResult): string {
  return `${p.name}${p.unlisted ? ' (unlisted)' : ''}`;
}
