/**
 * Which path the story map takes, pinned by structure, not timing (issue 13), and how it fails
 * (issue 15). On a device that does not qualify for the live map (here: this Chromium's software
 * WebGL, and 2 cores announced), a read-through with pauses on every map step fetches nothing of
 * MapLibre; opening explore mode does (the positive control, seen by the same observer). With
 * `?map=live`, or on a device that qualifies, MapLibre comes only after the reader pauses on a map
 * step, and one instance serves every map section of the page. A worker that 404s leaves nothing
 * behind; a WebGL context lost mid-scroll throws nothing and breaks none of the engine's bookkeeping.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, PHONE, PHONE_1X } from '../../scripts/lib/browser.ts';
import { aPause, expectClean, sharedBrowser } from './shared.ts';

/** A story with a map section (and chart sections before and after it). */
const STORY = 'winter-tour-2022';
const MAPLIBRE = /map-controller|maplibre-gl-worker/;

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Announce a device class before any script runs. */
async function device(page: Page, d: { cores: number; memory: number; renderer?: string }): Promise<void> {
  await page.addInitScript((d) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => d.cores, configurable: true });
    Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => d.memory, configurable: true });
    if (d.renderer) {
      const name = d.renderer;
      // The page asks a worker first (device.ts), which this script cannot reach: without
      // OffscreenCanvas there is no probe worker and the main thread's (patched) answer decides.
      Reflect.deleteProperty(globalThis, 'OffscreenCanvas');
      const get = WebGL2RenderingContext.prototype.getParameter;
      WebGL2RenderingContext.prototype.getParameter = function (this: WebGL2RenderingContext, p: number) {
        // UNMASKED_RENDERER_WEBGL and RENDERER
        return p === 0x9246 || p === 0x1f01 ? name : get.call(this, p);
      };
    }
  }, d);
}

/** Opens the story, recording when MapLibre's files are requested. */
async function open(
  query = '',
  d?: { cores: number; memory: number; renderer?: string },
  init?: () => void,
  story = STORY,
  screen: typeof PHONE | typeof PHONE_1X = PHONE_1X,
) {
  const { page, watch } = await openPage(browser, inject('siteUrl'), screen);
  if (d) await device(page, d);
  if (init) await page.addInitScript(init);
  const maplibre: string[] = [];
  page.on('request', (r) => {
    if (MAPLIBRE.test(r.url())) maplibre.push(r.url());
  });
  await page.goto(`${inject('siteUrl')}${story}/${query}`);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-scrolly]')].every((s) => s.querySelector('[data-step][aria-current="step"]')),
  );
  return { page, watch, maplibre };
}

/** Map steps, in order, with their section's sticky map. */
async function mapSteps(page: Page): Promise<string[]> {
  return page.$$eval('[data-step]', (els) =>
    els
      .filter((e) =>
        e.closest('[data-scrolly]')!.querySelector(`.scrolly__layer[data-graphic="${(e as HTMLElement).dataset['graphic']}"] .story-map`),
      )
      .map((e) => e.id),
  );
}

/** Scrolls like a reader (wheel) until `id` is the current step and its sticky map shows its state. */
async function readTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top - innerHeight * 0.6, id);
    if (Math.abs(top) < 40 && (await page.evaluate((id) => document.getElementById(id)!.getAttribute('aria-current') === 'step', id)))
      break;
    await page.mouse.move(195, 700);
    await page.mouse.wheel(0, Math.max(-500, Math.min(500, top)));
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  }
  await page.waitForFunction((id) => {
    const step = document.getElementById(id)!;
    const layer = step.closest('[data-scrolly]')!.querySelector<HTMLElement>(`.scrolly__layer[data-graphic="${step.dataset['graphic']}"]`)!;
    return step.getAttribute('aria-current') === 'step' && layer.dataset['state'] === step.dataset['state'];
  }, id);
}

/** Waits for the reader's pause at `id` to have been judged: the map says which path it takes. */
async function judged(page: Page, id: string, want: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    ([id, want]) => {
      const step = document.getElementById(id as string)!;
      const map = step
        .closest('[data-scrolly]')!
        .querySelector<HTMLElement>(`.scrolly__layer[data-graphic="${step.dataset['graphic']}"] .story-map`)!;
      const v = map.dataset['live'] ?? '';
      return new RegExp(want as string).test(v) ? v : false;
    },
    [id, want.source],
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as string;
}

describe('the map path on a device that does not qualify', () => {
  it('reads the whole story on the SVG without fetching MapLibre; explore mode fetches it (one instance)', async () => {
    const { page, watch, maplibre } = await open('', { cores: 2, memory: 2 });
    const steps = await mapSteps(page);
    expect(steps.length).toBeGreaterThan(0);
    for (const id of steps) {
      await readTo(page, id);
      // The pause on this map step has been judged: the SVG, MapLibre left out.
      expect(await judged(page, id, /^off$/)).toBe('off');
    }
    expect(maplibre).toEqual([]);
    expect(await page.locator('.story-map__gl, .maplibregl-map').count()).toBe(0);

    // Positive control: the same observer sees MapLibre come when the reader opens explore mode.
    const last = steps.at(-1) as string;
    const explore = page.locator(`.scrolly__layer.is-active .story-map__explore`).filter({ visible: true }).first();
    await explore.click();
    await page.waitForSelector('.story-map.is-exploring', { timeout: 60_000 });
    expect(maplibre.some((u) => u.includes('map-controller'))).toBe(true);
    await page.locator('.story-map.is-exploring .story-map__back').click();
    await page.waitForFunction(() => !document.querySelector('.story-map.is-exploring'));
    expect(await judged(page, last, /^off$/)).toBe('off');
    expect(await page.locator('.maplibregl-map').count()).toBe(1);
    expectClean(watch);
    await page.context().close();
  });

  it('a software renderer does not qualify, whatever the cores and memory', async () => {
    const { page, maplibre } = await open('', {
      cores: 8,
      memory: 8,
      renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
    });
    const [first] = await mapSteps(page);
    await readTo(page, first as string);
    expect(await judged(page, first as string, /^off$/)).toBe('off');
    expect(maplibre).toEqual([]);
    await page.context().close();
  });
});

describe('the live map', () => {
  it('on a device that qualifies: nothing before the reader pauses on a map step, then one instance', async () => {
    const { page, watch, maplibre } = await open(
      '',
      {
        cores: 8,
        memory: 8,
        renderer: 'ANGLE (NVIDIA, NVIDIA GeForce GTX 1650 Direct3D11 vs_5_0 ps_5_0)',
      },
      undefined,
      STORY,
      // A real phone's pixel density: the live map draws at MapLibre's capped pixel ratio.
      PHONE,
    );
    // A pause on a chart step before the maps: no MapLibre.
    const firstChart = await page.$$eval(
      '[data-step]',
      (els) =>
        els.find(
          (e) =>
            !e
              .closest('[data-scrolly]')!
              .querySelector(`.scrolly__layer[data-graphic="${(e as HTMLElement).dataset['graphic']}"] .story-map`),
        )?.id ?? '',
    );
    expect(firstChart).not.toBe('');
    await readTo(page, firstChart);
    // A reader's scroll within that step (the first step may need none to be read), then a reading pause as
    // the map's scheduler defines it, twice: whatever the page would start in a pause there has started.
    await page.mouse.move(195, 700);
    await page.mouse.wheel(0, 40);
    await aPause(page);
    await aPause(page);
    expect(await page.evaluate((id) => document.getElementById(id)!.getAttribute('aria-current'), firstChart)).toBe('step');
    const steps = await mapSteps(page);
    const firstMapTop = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, steps[0] as string);
    expect(firstMapTop, 'the map section is well below the screen').toBeGreaterThan(2 * 844);
    expect(maplibre, 'no MapLibre while pausing away from the maps').toEqual([]);
    for (const id of steps) {
      await readTo(page, id);
      expect(await judged(page, id, /^shown$/)).toBe('shown');
    }
    expect(maplibre.some((u) => u.includes('map-controller'))).toBe(true);
    // One MapLibre instance, in the section the reader is at.
    expect(await page.locator('.maplibregl-map').count()).toBe(1);
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    expectClean(watch);
    await page.context().close();
  });
  // ?map=live (the live map forced on this machine): stories.test.ts reads it from the shared walk's live
  // reader on every story with a map (nothing before the first scroll, shown at each map step, one instance).
});

describe('failures (issue 15)', () => {
  it('a worker that 404s leaves no hidden MapLibre instance or WebGL canvas behind', async () => {
    const { page, watch } = await openPage(browser, inject('siteUrl'), PHONE_1X);
    let asked: () => void = () => undefined;
    const workerAsked = new Promise<void>((r) => (asked = r));
    await page.route(/maplibre-gl-worker/, (r) => {
      asked();
      return r.fulfill({ status: 404, body: 'not found' });
    });
    await page.goto(`${inject('siteUrl')}${STORY}/?map=live`);
    const [first] = await mapSteps(page);
    await readTo(page, first as string);
    await workerAsked;
    // Whatever was started is gone again: no map element, no canvas (and so no WebGL context).
    await expect.poll(() => page.locator('.story-map__gl, .maplibregl-map, .story-map canvas').count(), { timeout: 40_000 }).toBe(0);
    expect(await judged(page, first as string, /^failed$/)).toBe('failed');
    expect(await page.locator('.story-map.is-live').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('a WebGL context lost mid-scroll throws nothing, keeps the bookkeeping, and the restored map shows the current step', async () => {
    const { page, watch } = await open('?map=live&debug');
    const steps = await mapSteps(page);
    await readTo(page, steps[0] as string);
    await page.waitForSelector('.story-map.is-live', { timeout: 60_000 });
    const lose = (restore: boolean) =>
      page.evaluate((r) => {
        const w = window as unknown as { __lose?: WEBGL_lose_context };
        w.__lose ??= document
          .querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!
          .getContext('webgl2')!
          .getExtension('WEBGL_lose_context')!;
        if (r) w.__lose.restoreContext();
        else w.__lose.loseContext();
      }, restore);
    await lose(false);
    await page.waitForFunction(() => !document.querySelector('.story-map.is-live'));
    // Scroll on through the section's map steps while the context is lost.
    const section = await page.evaluate((ids) => {
      const s = document.getElementById(ids[0]!)!.closest('[data-scrolly]');
      return ids.filter((id) => document.getElementById(id)!.closest('[data-scrolly]') === s);
    }, steps);
    for (const id of section.slice(1)) {
      await readTo(page, id);
      // One current step per section, the live region says where the reader is.
      expect(
        await page.evaluate(() =>
          [...document.querySelectorAll('[data-scrolly]')]
            .map((s) => s.querySelectorAll('[aria-current="step"]').length)
            .filter((n) => n !== 1),
        ),
      ).toEqual([]);
      expect(await page.locator('[data-scrolly-live]').textContent()).toBe(await page.locator(`#${id}`).getAttribute('data-summary'));
    }
    expect(watch.errors).toEqual([]);
    await lose(true);
    await page.waitForSelector('.story-map.is-live', { timeout: 30_000 });
    // The restored map shows the step the reader is at (the debug view prints the live camera).
    const last = section.at(-1) as string;
    const want = await page.evaluate(
      (id) => (JSON.parse(document.querySelector<HTMLElement>(`#${id} .story-map`)!.dataset['map']!) as { c: number[] }).c,
      last,
    );
    await expect
      .poll(
        async () => {
          const text = (await page.locator('.scrolly-debug pre').nth(1).textContent())?.trim() ?? '';
          const m = /^camera: (\{.*\})$/.exec(text);
          if (!m) return Infinity;
          const cam = JSON.parse(m[1] as string) as { center: [number, number]; zoom: number };
          return Math.abs(cam.center[0] - want[0]!) + Math.abs(cam.center[1] - want[1]!) + Math.abs(cam.zoom - want[2]!);
        },
        { timeout: 20_000 },
      )
      .toBeLessThan(0.01);
    expectClean(watch);
    await page.context().close();
  });

  it('one graphic that throws does not break the engine: one current step per section, announcements go on', async () => {
    const { page, watch } = await openPage(browser, inject('siteUrl'), PHONE_1X);
    await page.addInitScript(() => {
      const clone = Node.prototype.cloneNode;
      Node.prototype.cloneNode = function (this: Node, deep?: boolean) {
        if (this instanceof SVGSVGElement && this.classList.contains('story-map__svg')) throw new Error('injected failure');
        return clone.call(this, deep);
      };
    });
    await page.goto(`${inject('siteUrl')}${STORY}/?map=svg`);
    const steps = await mapSteps(page);
    for (const id of steps.slice(0, 4)) {
      await readTo(page, id).catch(() => undefined);
      await page.waitForFunction((id) => document.getElementById(id)!.getAttribute('aria-current') === 'step', id);
      expect(
        await page.evaluate(() =>
          [...document.querySelectorAll('[data-scrolly]')]
            .map((s) => s.querySelectorAll('[aria-current="step"]').length)
            .filter((n) => n > 1),
        ),
      ).toEqual([]);
      expect(await page.locator('[data-scrolly-live]').textContent()).toBe(await page.locator(`#${id}`).getAttribute('data-summary'));
    }
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});

// ---------------------------------------------------------------------------------------------- gestures (issue 13)

/**
 * Watches, in the page, everything MapLibre does that costs the reader a frame, and scripts gestures.
 * - `draw`: a WebGL draw call or clear on a MapLibre canvas (every render, camera move, style or
 *   feature-state change and tile upload ends in these);
 * - `create`: a MapLibre instance created (the container gets `maplibregl-map`);
 * - `live-on` / `live-off`: the sticky map shows the live map / the SVG; `state`: its state changed.
 * A gesture is wheel events with a scroll every `every` ms (well under the 400 ms that end one), each
 * recorded with its first and last event's time.
 */
function gestureProbe(): void {
  type Ev = { t: number; kind: 'draw' | 'create' | 'live-on' | 'live-off' | 'state'; state?: string };
  const log: Ev[] = [];
  const gestures: [number, number][] = [];
  /** Called at each MapLibre draw call (armed by `wheelAtDraw`). */
  let onDraw: (() => void) | null = null;
  /** The mark after which the next MapLibre draw call gets one wheel event (no scroll). */
  let wheelAfter: string | null = null;
  const now = () => performance.now();
  const proto = WebGL2RenderingContext.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'clear']) {
    const f = proto[name] as (...a: unknown[]) => unknown;
    proto[name] = function (this: WebGL2RenderingContext, ...a: unknown[]) {
      if ((this.canvas as HTMLCanvasElement).classList?.contains('maplibregl-canvas')) {
        log.push({ t: now(), kind: 'draw' });
        if (onDraw) onDraw();
      }
      return f.apply(this, a);
    };
  }
  new MutationObserver((muts) => {
    for (const m of muts) {
      const el = m.target as HTMLElement;
      if (m.attributeName === 'class') {
        const had = (m.oldValue ?? '').split(/\s+/);
        if (el.classList.contains('maplibregl-map') && !had.includes('maplibregl-map')) log.push({ t: now(), kind: 'create' });
        if (el.matches('.scrolly__layer .story-map')) {
          const on = el.classList.contains('is-live');
          if (on !== had.includes('is-live')) log.push({ t: now(), kind: on ? 'live-on' : 'live-off', state: el.dataset['state'] ?? '' });
        }
      } else if (m.attributeName === 'data-state' && el.matches('.scrolly__layer .story-map')) {
        log.push({ t: now(), kind: 'state', state: el.dataset['state'] ?? '' });
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class', 'data-state'], attributeOldValue: true });

  /** Scrolls by `dy` every `every` ms with a wheel event each time, until `until()` holds (or `ms` passed). */
  const gesture = (o: { dy: number; every: number; ms?: number; to?: string }): Promise<void> =>
    new Promise((resolve) => {
      const t0 = now();
      let sign = 1;
      const tick = () => {
        document.dispatchEvent(new WheelEvent('wheel', { deltaY: o.dy, bubbles: true, cancelable: false }));
        const target = o.to ? document.getElementById(o.to) : null;
        // Towards a step: until it is at the trigger line; otherwise back and forth in place.
        // (the step's top a tenth of a screen above the trigger line)
        const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
        const left = target ? target.getBoundingClientRect().top - (line - innerHeight * 0.1) : 0;
        if (target) window.scrollBy({ top: Math.max(-o.dy, Math.min(o.dy, left)), behavior: 'instant' });
        else window.scrollBy({ top: (sign = -sign) * o.dy, behavior: 'instant' });
        const done = target ? Math.abs(left) < 2 && target.getAttribute('aria-current') === 'step' : now() - t0 >= (o.ms ?? 0);
        if ((done && now() - t0 >= (o.ms ?? 0)) || now() - t0 > 30_000) {
          gestures.push([t0, now()]);
          resolve();
        } else window.setTimeout(tick, o.every);
      };
      tick();
    });
  /** Starts a gesture in the very task that creates the map (the worst moment: mid-start). */
  let onCreate: (() => void) | null = null;
  const mark = performance.mark.bind(performance);
  performance.mark = ((name: string, opts?: PerformanceMarkOptions) => {
    const r = mark(name, opts);
    if (name === 'map:create' && onCreate) onCreate();
    if (name === wheelAfter) {
      wheelAfter = null;
      // Mid-render: the frame was not held, and its idle event comes at the end of this render.
      onDraw = () => {
        onDraw = null;
        document.dispatchEvent(new WheelEvent('wheel', { deltaY: 1, bubbles: true, cancelable: false }));
        gestures.push([now(), now()]);
      };
    }
    return r;
  }) as typeof performance.mark;
  Object.assign(window, {
    __probe: {
      log,
      gestures,
      gesture,
      gestureAtCreate: (o: { dy: number; every: number; ms: number }) => (onCreate = () => ((onCreate = null), void gesture(o))),
      wheelAtDraw: (mark: string) => (wheelAfter = mark),
    },
  });
}

type Probe = {
  log: { t: number; kind: string; state?: string }[];
  gestures: [number, number][];
};
const probe = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe as Probe);
const gesture = (page: Page, o: { dy: number; every: number; ms?: number; to?: string }) =>
  page.evaluate((o) => (window as unknown as { __probe: { gesture: (o: unknown) => Promise<void> } }).__probe.gesture(o), o);

/** What MapLibre did during each recorded gesture (first to last event). */
function inGestures(p: Probe, from = 0): { t: number; kind: string }[] {
  return p.log.filter((e) => (e.kind === 'draw' || e.kind === 'create') && p.gestures.slice(from).some(([a, b]) => e.t >= a && e.t <= b));
}

/** Every time the live map was shown: had it painted since the sticky map's last state change? */
function shownAfterPaint(p: Probe): boolean[] {
  return p.log
    .filter((e) => e.kind === 'live-on')
    .map((on) => {
      const lastState = Math.max(0, ...p.log.filter((e) => e.kind === 'state' && e.t <= on.t).map((e) => e.t));
      return p.log.some((e) => e.kind === 'draw' && e.t > lastState && e.t <= on.t);
    });
}

describe('the live map and scroll gestures (?map=live)', () => {
  it('no MapLibre instance, render or camera move while a gesture is in progress; in the pause after it, the map takes over once it has painted', async () => {
    // The component demo: one map section of seven steps.
    const { page, watch, maplibre } = await open('?map=live', undefined, gestureProbe, 'demo');
    const steps = await mapSteps(page);
    const section = await page.evaluate((ids) => {
      const s = document.getElementById(ids[0]!)!.closest('[data-scrolly]');
      return ids.filter((id) => document.getElementById(id)!.closest('[data-scrolly]') === s);
    }, steps);
    expect(section.length).toBeGreaterThanOrEqual(3);
    // The reader is two screens above the map section (one jump, as a link takes them there) and goes on
    // at once: two screens of gesture to the map instead of the demo's whole first half.
    await page.evaluate((id) => {
      const s = document.getElementById(id)!.closest('[data-scrolly]')!;
      window.scrollTo(0, s.getBoundingClientRect().top + window.scrollY - 2 * window.innerHeight);
    }, section[0]!);

    // 1. One gesture from there to the first map step, without a pause: nothing of MapLibre.
    await gesture(page, { dy: 60, every: 60, to: section[0] });
    let p = await probe(page);
    expect(inGestures(p), 'MapLibre created or drawn during the gesture that reached the map').toEqual([]);
    expect(p.log.filter((e) => e.kind === 'create')).toEqual([]);
    // Positive control: the pause after it brings the map in, and the same probe sees it.
    expect(await judged(page, section[0] as string, /^shown$/)).toBe('shown');
    p = await probe(page);
    expect(p.log.filter((e) => e.kind === 'create')).toHaveLength(1);
    expect(p.log.filter((e) => e.kind === 'draw').length).toBeGreaterThan(0);
    expect(maplibre.some((u) => u.includes('map-controller'))).toBe(true);

    // 2. One gesture across the section's next map steps while the live map shows: the SVG takes the
    //    steps (state changes seen during the gesture), MapLibre draws nothing until the gesture ends.
    const before = p.gestures.length;
    const target = section[2] as string;
    await gesture(page, { dy: 60, every: 60, to: target });
    p = await probe(page);
    const [g0, g1] = p.gestures[before] as [number, number];
    expect(
      p.log.filter((e) => e.kind === 'state' && e.t >= g0 && e.t <= g1).length,
      'the gesture crossed map steps',
    ).toBeGreaterThanOrEqual(2);
    expect(inGestures(p, before), 'MapLibre drew during a gesture over the live map').toEqual([]);
    expect(
      p.log.some((e) => e.kind === 'live-off' && e.t >= g0 && e.t <= g1),
      'the SVG shown during the gesture',
    ).toBe(true);
    // Positive control: after the pause the map paints the new state and only then is shown again.
    expect(await judged(page, target, /^shown$/)).toBe('shown');
    p = await probe(page);
    expect(p.log.some((e) => e.kind === 'draw' && e.t > g1)).toBe(true);
    expect(shownAfterPaint(p), 'the SVG covered only after the map painted the state').toEqual(
      p.log.filter((e) => e.kind === 'live-on').map(() => true),
    );
    expect(await page.locator('.maplibregl-map').count()).toBe(1);
    expectClean(watch);
    await page.context().close();
  });

  it('a gesture that starts while MapLibre is starting holds its frames: none until the pause, then the map is shown', async () => {
    const { page, watch } = await open('?map=live', undefined, gestureProbe);
    const [first] = await mapSteps(page);
    await page.evaluate(() =>
      (window as unknown as { __probe: { gestureAtCreate: (o: unknown) => void } }).__probe.gestureAtCreate({
        dy: 30,
        every: 60,
        ms: 2500,
      }),
    );
    await readTo(page, first as string);
    // The gesture started in the task that created the map.
    await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.gestures.length === 1, undefined, {
      timeout: 60_000,
    });
    let p = await probe(page);
    const [g0, g1] = p.gestures[0] as [number, number];
    expect(p.log.filter((e) => e.kind === 'create').map((e) => e.t >= g0 && e.t <= g1)).toEqual([true]);
    expect(
      p.log.filter((e) => e.kind === 'draw' && e.t >= g0 && e.t <= g1),
      'MapLibre drew while the gesture ran',
    ).toEqual([]);
    // Positive control: once the reader pauses, the same probe sees the map paint, then shown.
    expect(await judged(page, first as string, /^shown$/)).toBe('shown');
    p = await probe(page);
    expect(p.log.filter((e) => e.kind === 'draw' && e.t > g1).length).toBeGreaterThan(0);
    expect(shownAfterPaint(p)).toEqual([true]);
    expectClean(watch);
    await page.context().close();
  });

  it('a wheel that comes while the live map paints its state, and changes no step: the map is shown in the pause after it, without another scroll', async () => {
    const { page, watch } = await open('?map=live', undefined, gestureProbe);
    const [first] = await mapSteps(page);
    // Once start-up is done (the map is ready, its state not yet painted for the section), one wheel event in
    // the next MapLibre render: a gesture the pass that would show the map sees only when that render ends.
    await page.evaluate(() => (window as unknown as { __probe: { wheelAtDraw: (m: string) => void } }).__probe.wheelAtDraw('map:rendered'));
    await readTo(page, first as string);
    // Positive control: that pass saw the gesture and did not show the map.
    await page.waitForFunction(
      () => performance.getEntriesByName('map:not-shown').some((m) => (m as PerformanceMark).detail === 'gesturing'),
      undefined,
      { timeout: 60_000 },
    );
    const p = await probe(page);
    expect(
      p.log.filter((e) => e.kind === 'live-on'),
      'not shown during that gesture',
    ).toEqual([]);
    // No more input: the pause after it brings the map in.
    expect(await judged(page, first as string, /^shown$/)).toBe('shown');
    expectClean(watch);
    await page.context().close();
  });
});
