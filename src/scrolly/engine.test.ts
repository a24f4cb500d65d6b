/**
 * The scroll engine's measuring policy, pinned structurally on a fake DOM that counts layout reads
 * (fake-dom.ts), not by timings: the scroll path (scroll events, scrollama's observer callbacks, the
 * engine's frame) reads no layout at all; the steps are measured at start and when a size changes
 * (a ResizeObserver), and the start reads everything before it writes anything, so it never forces a
 * second style and layout.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake, FakeElement, FakeObserver, FixedElement, installFakeDom, layout } from './fake-dom.ts';

// scrollama's ES module source (what the site bundles) imports without file extensions, which Node's
// loader refuses; its UMD build is the same code.
vi.mock('scrollama/index.js', async () => ({ default: (await import('scrollama')).default }));

const STEPS = 5;
const STEP_H = 800;
const FIRST_TOP = 1000;
const LINE = 600;

function story() {
  const root = new FakeElement('article', { 'data-story': '' });
  const section = new FakeElement('section', { 'data-scrolly': '' });
  const layer = new FakeElement('div', { class: 'scrolly__layer', 'data-graphic': 'g', 'data-family': 'fake', 'data-state': 's0' });
  section.append(layer);
  const steps = Array.from({ length: STEPS }, (_, i) => {
    const step = new FakeElement('div', {
      'data-step': '',
      id: `s${i}`,
      'data-graphic': 'g',
      'data-state': `s${i}`,
      'data-summary': `step ${i}`,
    });
    step.top = FIRST_TOP + i * STEP_H;
    step.height = STEP_H;
    return step;
  });
  section.append(...steps);
  root.append(section);
  root.top = 0;
  root.height = FIRST_TOP + STEPS * STEP_H + 1000;
  const probe = new FixedElement('div');
  probe.top = LINE;
  return { root, section, layer, steps, probe, live: new FakeElement('div') };
}

/** The scroll position at which step `i`'s top is `px` above the trigger line. */
const at = (i: number, px = 10) => FIRST_TOP + i * STEP_H - LINE + px;
const current = (steps: FakeElement[]) => steps.findIndex((s) => s.getAttribute('aria-current') === 'step');

describe('the scroll engine: layout is read at start and on resize, never on the scroll path', () => {
  let uninstall: () => void;
  let engine: import('./engine.ts').Engine;
  let s: ReturnType<typeof story>;
  const shown: string[] = [];
  let enhancers: Record<string, unknown>;

  beforeAll(async () => {
    uninstall = installFakeDom();
    const client = await import('../graphics/client.ts');
    enhancers = client.ENHANCERS as Record<string, unknown>;
    enhancers['fake'] = async () => ({
      mount: () => ({ setState: (state: string) => shown.push(state), destroy() {} }),
    });
    s = story();
  });
  afterAll(() => {
    engine?.destroy();
    delete enhancers['fake'];
    uninstall();
  });

  it('starts by reading (the line, every step, the scroll position) before any write: no forced layout', async () => {
    const { startEngine } = await import('./engine.ts');
    layout.dirty = false; // the engine starts after a frame: the layout is clean
    layout.reset();
    engine = startEngine({
      root: s.root as never,
      probe: s.probe as never,
      live: s.live as never,
      onBroken: (e) => {
        throw e;
      },
    });
    expect(layout.reads.filter((r) => r === 'getBoundingClientRect').length, 'the steps were measured').toBeGreaterThanOrEqual(STEPS);
    expect(layout.forced, 'layout reads after a write in the start').toEqual([]);
    expect(current(s.steps)).toBe(0);
    fake.frame();
  });

  it('scrolling through every step reads no layout, yet the active step follows (geometry from the cache)', async () => {
    const io = FakeObserver.all.filter((o) => o.kind === 'intersection' && s.steps.some((st) => o.targets.has(st)));
    expect(io.length, "scrollama's step observers").toBeGreaterThan(0);
    for (let i = 1; i < STEPS; i++) {
      layout.reset();
      fake.scrollTo(at(i));
      // scrollama's observer reports the crossing; the engine resolves in the next frame
      for (const o of io) for (const t of o.targets) if (t === s.steps[i]) o.callback([{ target: t, isIntersecting: true }]);
      fake.frame();
      expect(current(s.steps), `step ${i} is active at y=${at(i)}`).toBe(i);
      expect(
        layout.reads.filter((r) => r !== 'scrollY'),
        'layout read on the scroll path',
      ).toEqual([]);
      expect(layout.forced, 'forced layout on the scroll path').toEqual([]);
    }
    await vi.waitFor(() => expect(shown.at(-1)).toBe(`s${STEPS - 1}`));
  });

  it('positive control: a size change re-measures (in the ResizeObserver, after layout) and the scroll path uses the new positions', () => {
    // every step moves 2000 px down (say, a table above them opened)
    for (const st of s.steps) st.top += 2000;
    layout.reset();
    for (const o of FakeObserver.all.filter((x) => x.kind === 'resize')) o.callback([...o.targets].map((target) => ({ target })));
    expect(layout.reads.filter((r) => r === 'getBoundingClientRect').length).toBeGreaterThanOrEqual(STEPS);
    layout.reset();
    fake.scrollTo(at(2) + 2000);
    const io = FakeObserver.all.filter((o) => o.kind === 'intersection' && o.targets.has(s.steps[2] as FakeElement));
    for (const o of io) o.callback([{ target: s.steps[2] as FakeElement, isIntersecting: true }]);
    fake.frame();
    expect(current(s.steps)).toBe(2);
    expect(layout.reads.filter((r) => r !== 'scrollY')).toEqual([]);
  });
});

/** A story 10,000 px tall with a progress bar, and the call that starts the reader's bearings on it. */
async function readingPage() {
  const { startReading } = await import('./reading.ts');
  const root = new FakeElement('article');
  root.top = 200;
  root.height = 10_000;
  const fill = new FakeElement('div', { class: 'story-progress__fill' });
  const bar = new FakeElement('div').append(fill);
  const start = () => startReading({ root: root as never, bar: bar as never, line: () => LINE, onSwitch: () => undefined });
  return { root, fill, start };
}

describe('the reader’s bearings (progress, table of contents): no layout read at start or on the scroll path', () => {
  let uninstall: () => void;
  beforeAll(() => {
    uninstall = installFakeDom();
  });
  afterAll(() => uninstall());

  it('measures in its ResizeObserver (after layout), not in the start that follows the engine’s writes', async () => {
    const { root, fill, start } = await readingPage();
    layout.dirty = true; // the engine has just applied the first step
    layout.reset();
    start();
    expect(layout.forced, 'a layout read forced in the start').toEqual([]);
    fake.frame();
    // the first observation, after layout: measured there
    layout.reset();
    const ro = FakeObserver.all.filter((o) => o.kind === 'resize' && o.targets.has(root));
    expect(ro.length).toBe(1);
    for (const o of ro) o.callback([{ target: root }]);
    expect(layout.reads).toContain('getBoundingClientRect');
    fake.frame();
    const before = fill.style['transform'];
    expect(before).toMatch(/^scaleX\(/);
    // scrolling moves the progress bar without reading layout
    layout.reset();
    fake.scrollTo(3000);
    fake.frame();
    expect(fill.style['transform']).not.toBe(before);
    expect(layout.reads.filter((r) => r !== 'scrollY')).toEqual([]);
    expect(layout.forced).toEqual([]);
  });
});

describe('the progress bar: on the compositor where scroll-driven animations exist', () => {
  let uninstall: () => void;
  beforeAll(() => {
    uninstall = installFakeDom();
  });
  afterAll(() => uninstall());

  async function scrollWith(supports: boolean) {
    const css = (globalThis as unknown as { CSS: Record<string, unknown> }).CSS;
    css['supports'] = (q: string) => supports && q === 'animation-timeline: view()';
    const { root, fill, start } = await readingPage();
    start();
    fake.frame();
    for (const o of FakeObserver.all.filter((x) => x.kind === 'resize' && x.targets.has(root))) o.callback([{ target: root }]);
    fake.frame();
    layout.reset();
    fake.scrollTo(3000);
    fake.frame();
    return { fill };
  }

  it('with `animation-timeline: view()` the script never writes the fill (Story.astro’s CSS drives it)', async () => {
    const { fill } = await scrollWith(true);
    expect(fill.style['transform'], 'the script wrote the progress').toBeUndefined();
  });

  it('positive control: without it, the script moves the fill as the reader scrolls', async () => {
    const { fill } = await scrollWith(false);
    expect(fill.style['transform']).toMatch(/^scaleX\(0\.\d+\)$/);
  });
});

describe('sections are watched from the first scroll, 2.5 screens ahead', () => {
  let uninstall: () => void;
  beforeAll(() => {
    uninstall = installFakeDom();
  });
  afterAll(() => {
    vi.restoreAllMocks();
    uninstall();
  });

  it('observes each section with the near margin once the reader scrolls, not before', async () => {
    const { startEngine, NEAR_MARGIN } = await import('./engine.ts');
    const s = story();
    const engine = startEngine({ root: s.root as never, probe: s.probe as never, live: s.live as never, onBroken: () => undefined });
    fake.frame();
    fake.tasks();
    const watching = () => FakeObserver.all.filter((o) => o.kind === 'intersection' && o.targets.has(s.section));
    expect(watching().length, 'watched before the first scroll').toBe(0);
    fake.scrollTo(100);
    expect(watching().map((o) => o.options.rootMargin)).toEqual([NEAR_MARGIN]);
    engine.destroy();
  });
});
