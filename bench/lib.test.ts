import { describe, expect, it } from 'vitest';
import {
  shortScript,
  estimateDroppedFrames,
  FRAME_MS,
  gestureWindows,
  loafSources,
  mapStoryChecks,
  median,
  medians,
  METRICS,
  renderReport,
  TARGETS,
  verdict,
  type PageRun,
  type Report,
} from './lib.ts';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 4, 3])).toBe(3.5);
    expect(median([7])).toBe(7);
  });
  it('ignores missing values and gives null when nothing was measured', () => {
    expect(median([null, 5, undefined, 1, 9])).toBe(5);
    expect(median([null, null])).toBeNull();
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 4])).toBe(4);
  });
  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('estimateDroppedFrames', () => {
  const steady = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i * FRAME_MS);

  it('finds none in a steady 60 Hz stream', () => {
    const e = estimateDroppedFrames(steady(61));
    expect(e).toMatchObject({ frames: 60, dropped: 0, droppedShare: 0 });
    expect(e.longestGapMs).toBeCloseTo(FRAME_MS);
  });
  it('counts the frames hidden in a long gap', () => {
    // 10 frames, then a 100 ms gap (6 frame slots: 5 dropped), then 10 more.
    const times = [...steady(10), ...steady(10, 9 * FRAME_MS + 100)];
    const e = estimateDroppedFrames(times);
    expect(e.frames).toBe(19);
    expect(e.dropped).toBe(5);
    expect(e.droppedShare).toBeCloseTo(5 / 24);
    expect(e.longestGapMs).toBeCloseTo(100);
  });
  it('tolerates jitter below 1.5 frames but not above', () => {
    expect(estimateDroppedFrames([0, 24, 48]).dropped).toBe(0);
    expect(estimateDroppedFrames([0, 26]).dropped).toBe(1); // 26 ms ≈ 1.56 frames: one frame missed
    expect(estimateDroppedFrames([0, 50]).dropped).toBe(2);
  });
  it('keeps only gaps that end inside the windows', () => {
    const times = [0, 100, 116.7, 300, 316.7];
    expect(estimateDroppedFrames(times).dropped).toBe(5 + 10);
    expect(estimateDroppedFrames(times, [[90, 120]]).dropped).toBe(5);
    expect(estimateDroppedFrames(times, [[90, 120]]).frames).toBe(2);
    expect(estimateDroppedFrames(times, [[400, 500]])).toMatchObject({ frames: 0, dropped: 0, droppedShare: 0 });
  });
  it('gives nothing for fewer than two frames', () => {
    expect(estimateDroppedFrames([])).toMatchObject({ frames: 0, dropped: 0 });
    expect(estimateDroppedFrames([5])).toMatchObject({ frames: 0, dropped: 0 });
  });
});

const run = (over: Partial<PageRun>): PageRun => ({
  ...(Object.fromEntries(METRICS.map((m) => [m, null])) as Omit<PageRun, 'errors' | 'loafBySource' | 'longFrames'>),
  errors: [],
  loafBySource: {},
  ...over,
});

const good: Partial<PageRun> = {
  perf: 100,
  a11y: 100,
  bestPractices: 100,
  seo: 100,
  lcpMs: 1200,
  cls: 0,
  jsBeforeScrollBytes: 10 * 1024,
  loafBlockingMs: 40,
  fcpMs: 1100,
  tbtMs: 0,
};

function report(pages: { name: string; runs: PageRun[]; diagnostics?: string[] }[], over: Partial<Report> = {}): Report {
  return {
    date: '2026-12-03T00:00:00.000Z',
    commit: 'abc1234',
    machine: {
      cpu: 'Test CPU',
      cores: 2,
      ramBytes: 8 * 2 ** 30,
      node: 'v24.9.0',
      chromium: 'Chromium 156',
      lighthouse: '13.5.0',
      loadAvgStart: [0.5, 0, 0],
      loadAvgEnd: [0.7, 0, 0],
    },
    options: { runs: 3, pauseMs: 2500, base: '/stories/tongliao/', pages: pages.map((p) => p.name) },
    note: null,
    build: { runs: [{ wallMs: 17_000, peakRssBytes: 800 * 2 ** 20 }], wallMs: 17_000, peakRssBytes: 800 * 2 ** 20 },
    pages: pages.map((p) => ({
      name: p.name,
      path: `${p.name}/`,
      unlisted: false,
      runs: p.runs,
      medians: medians(p.runs),
      diagnostics: p.diagnostics ?? [],
    })),
    ...over,
  };
}

const targetRow = (md: string, page: string) =>
  md.split('\n').find((l) => (l.startsWith(`| ${page} |`) && l.includes('✅')) || (l.startsWith(`| ${page} |`) && l.includes('❌'))) ?? '';

describe('medians and targets', () => {
  it('takes each metric’s median on its own', () => {
    const m = medians([run({ perf: 90, lcpMs: 2000 }), run({ perf: 100, lcpMs: 1000 }), run({ perf: 96, lcpMs: 3000 })]);
    expect(m.perf).toBe(96);
    expect(m.lcpMs).toBe(2000);
    expect(m.cls).toBeNull();
  });
  it('passes values at the limits and misses beyond them', () => {
    const t = (metric: string) => TARGETS.find((x) => x.metric === metric)!;
    expect(verdict(t('perf'), 95)).toBe('pass');
    expect(verdict(t('perf'), 94)).toBe('miss');
    expect(verdict(t('a11y'), 99)).toBe('miss');
    expect(verdict(t('lcpMs'), 1500)).toBe('pass');
    expect(verdict(t('lcpMs'), 1501)).toBe('miss');
    expect(verdict(t('cls'), 0.011)).toBe('miss');
    expect(verdict(t('jsBeforeScrollBytes'), 30 * 1024)).toBe('pass');
    expect(verdict(t('jsBeforeScrollBytes'), 30 * 1024 + 1)).toBe('miss');
    expect(verdict(t('loafBlockingMs'), 101)).toBe('miss');
  });
  it('never counts a missing measurement as a pass', () => {
    for (const t of TARGETS) expect(verdict(t, null)).toBe('n/a');
  });
});

describe('mapStoryChecks: the ratio to the storymap-style page', () => {
  const ratio = (ours: number | null, theirs: number | null) =>
    mapStoryChecks('fyp-projects', medians([run({ loafBlockingMs: ours })]), null, medians([run({ loafBlockingMs: theirs })])).find((c) =>
      c.label.includes('5×'),
    );
  it('passes at exactly 5× less and misses just short of it', () => {
    expect(ratio(20, 100)).toMatchObject({ mark: 'pass', value: '5.0× (100 ms vs 20 ms)' });
    expect(ratio(21, 100)?.mark).toBe('miss');
  });
  it('counts 0 ms of ours against any blocking of theirs as a pass, and shows both figures', () => {
    expect(ratio(0, 5)).toMatchObject({ mark: 'pass', value: 'ours 0 ms (5 ms vs 0 ms)' });
    expect(ratio(1, 4)?.mark).toBe('miss');
  });
  it('has nothing to judge when neither page blocks, and nothing measured when either is missing', () => {
    expect(ratio(0, 0)?.mark).toBe('moot');
    expect(ratio(0, 0)?.value).toContain('nothing to divide');
    expect(ratio(null, 10)?.mark).toBe('n/a');
    expect(ratio(10, null)?.mark).toBe('n/a');
  });
});

describe('renderReport', () => {
  it('renders a page × targets table with a pass mark per target when all are met', () => {
    const md = renderReport(report([{ name: 'front', runs: [run(good)] }]));
    expect(md).toContain(`| page | ${TARGETS.map((t) => t.label).join(' | ')} |`);
    const row = targetRow(md, 'front');
    expect(row.match(/✅/g)?.length).toBe(TARGETS.length);
    expect(row).not.toContain('miss');
    expect(md).toContain('Every page meets every target.');
    expect(md).toContain('commit `abc1234`');
    expect(md).toContain('Test CPU, 2 cores, 8.0 GiB RAM');
    expect(md).toContain('| `astro build` wall time | 17.00 s |');
    expect(md).toContain('800 MiB');
  });
  it('shows a miss plainly, with the value, and lists it under the table', () => {
    const md = renderReport(
      report([
        { name: 'front', runs: [run(good)] },
        {
          name: 'slow-story',
          runs: [run({ ...good, perf: 80, lcpMs: 2400 }), run({ ...good, perf: 82, lcpMs: 2600 }), run({ ...good, perf: 99, lcpMs: 1000 })],
        },
      ]),
    );
    const row = targetRow(md, 'slow-story');
    expect(row).toContain('82 ❌ **miss**');
    expect(row).toContain('2.40 s ❌ **miss**');
    expect(row.match(/✅/g)?.length).toBe(TARGETS.length - 2);
    expect(md).toContain('Missed or unmeasured: 2 — slow-story: LH performance ≥ 95 (82); slow-story: LCP ≤ 1.5 s (2.40 s).');
    expect(md).not.toContain('Every page meets every target.');
  });
  it('marks a metric that was not measured, and reports the run’s errors', () => {
    const md = renderReport(report([{ name: 'broken', runs: [run({ ...good, loafBlockingMs: null, errors: ['scroll stuck at 0px'] })] }]));
    expect(targetRow(md, 'broken')).toContain('n/a ⚠️ not measured');
    expect(md).toContain('Missed or unmeasured: 1');
    expect(md).toContain('- **broken**: error: scroll stuck at 0px');
  });
  it('carries the note and warns when the machine was loaded', () => {
    const quiet = renderReport(report([{ name: 'front', runs: [run(good)] }]));
    expect(quiet).not.toContain('Loaded machine');
    const busy = renderReport(
      report([{ name: 'front', runs: [run(good)] }], {
        note: 'Provisional',
        machine: {
          cpu: 'Test CPU',
          cores: 2,
          ramBytes: 8 * 2 ** 30,
          node: 'v24',
          chromium: 'C',
          lighthouse: '13.5.0',
          loadAvgStart: [1, 0, 0],
          loadAvgEnd: [9.5, 0, 0],
        },
      }),
    );
    expect(busy).toContain('> **Provisional**');
    expect(busy).toContain('**Loaded machine:**');
    expect(busy).toContain('9.5 at the end on 2 cores');
  });
  it('puts the LoAF blocking on its sources, as a mean over runs', () => {
    const runs = [
      run({ ...good, loafBySource: { 'maplibre-gl.js': 300, 'no script': 50 } }),
      run({ ...good, loafBySource: { 'maplibre-gl.js': 100 } }),
    ];
    expect(loafSources(runs)).toEqual([
      ['maplibre-gl.js', 200],
      ['no script', 25],
    ]);
    expect(renderReport(report([{ name: 'map-story', runs }]))).toContain('- **map-story**: maplibre-gl.js 200 ms, no script 25 ms');
  });
  it('names the read-through’s CPU slowdown: 4× by default, another one marked as such', () => {
    const profile = (r: Report) =>
      renderReport(r)
        .split('\n')
        .find((l) => l.startsWith('Profiles')) ?? '';
    const base = report([{ name: 'front', runs: [run(good)] }]);
    expect(profile(base)).toContain('and 4× CPU via CDP, scroll');
    expect(profile({ ...base, options: { ...base.options, cpu: 8 } })).toContain('8× CPU via CDP (not the usual 4×: a slower phone)');
  });

  it('says when the build was not measured', () => {
    expect(renderReport(report([{ name: 'front', runs: [run(good)] }], { build: null }))).toContain('Not measured in this run');
  });
});

describe('gestureWindows', () => {
  it('groups events less than the gap apart, from the first event to the last', () => {
    expect(gestureWindows([], 400)).toEqual([]);
    expect(gestureWindows([1000, 1016, 1300, 1690], 400)).toEqual([[1000, 1690]]);
    // 400 ms without an event ends a gesture (the map code's pause)
    expect(gestureWindows([2500, 1000, 1399, 1798], 400)).toEqual([
      [1000, 1798],
      [2500, 2500],
    ]);
    expect(gestureWindows([0, 400], 400)).toEqual([
      [0, 0],
      [400, 400],
    ]);
  });
});

describe('shortScript', () => {
  it("drops Vite's hash and Astro's script suffix, keeps the invoker", () => {
    expect(shortScript('Story.astro_astro_type_script_index_0_lang.Bt63N79x.js IdleCallback')).toBe('Story.astro.js IdleCallback');
    expect(shortScript('enhance.B9KnMt2V.js FrameRequestCallback')).toBe('enhance.js FrameRequestCallback');
    expect(shortScript('IntersectionObserverCallback')).toBe('IntersectionObserverCallback');
  });
});
