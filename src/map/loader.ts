/**
 * When to spend MapLibre's cost (≈ 250 KB of script to fetch and evaluate, then a WebGL context, a
 * worker, tessellation and every render frame), on the devices and in the modes that use it
 * (device.ts): never before the reader's first scroll (the first-view budget), and never while a
 * scroll gesture is in progress. Browser-only.
 *
 * A gesture, as the map code (and the benchmark, bench/run.ts) understands it: the reader is
 * touching the screen, or a `scroll`, `wheel`, `touchstart`/`touchmove`/`touchend` or scrolling key
 * came less than `PAUSE_MS` ago. A pause is the opposite: no touch held and none of those events for
 * `PAUSE_MS`, and then an idle callback (the main thread has nothing else to do) in which that still
 * holds.
 */

import { whenIdle } from '../lib/idle.ts';

/** How long without a gesture event counts as a pause. */
export const PAUSE_MS = 400;

/** The events that start or continue a gesture (listened to on `window`, capture, passive). */
export const GESTURE_EVENTS = ['scroll', 'wheel', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'keydown'] as const;

export interface Scheduler {
  /** Resolves after the reader's first scroll (at once if the page is already scrolled, e.g. a reload mid-story). */
  firstScroll(): Promise<void>;
  /** Resolves in a pause: no gesture for `PAUSE_MS`, then an idle callback in which that still holds. */
  pause(): Promise<void>;
  /** Resolves at the next gesture event. */
  nextScroll(): Promise<void>;
  /** Whether a gesture is in progress now (a touch held, or a gesture event less than `PAUSE_MS` ago). */
  gesturing(): boolean;
  /** Called when a gesture starts (the first gesture event after a pause); returns the unsubscribe. */
  onGesture(f: () => void): () => void;
  /** Stop listening; pending promises never resolve. */
  cancel(): void;
}

/**
 * How long a pause waits for an idle callback before it goes ahead anyway (still only when no gesture
 * runs). Chromium can leave a page without idle periods for a long time (headless test runs showed
 * start-up slices exactly 3 s apart with a 3 s timeout, the map taking ~50 s to start), and each
 * start-up slice waits for a pause, so this bounds how late the live map comes.
 */
export const IDLE_TIMEOUT_MS = 600;

const idle = (cb: () => void) => whenIdle(cb, { timeout: IDLE_TIMEOUT_MS, fallback: 200 });

/** Keys that scroll the page (a key held down repeats: each repeat continues the gesture). */
const SCROLL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', ' ', 'Home', 'End', 'j', 'k', 'J', 'K']);

export function scheduler(win: Window = window): Scheduler {
  let lastInput = win.scrollY > 0 ? performance.now() : -Infinity;
  let scrolled = win.scrollY > 0;
  let touches = 0;
  let cancelled = false;
  /** Waiting for the first scroll, and for the next gesture event. */
  const first: (() => void)[] = [];
  const next: (() => void)[] = [];
  const starts = new Set<() => void>();
  const gesturing = () => touches > 0 || performance.now() - lastInput < PAUSE_MS;
  const onInput = (e: Event) => {
    if (e.type === 'keydown' && !SCROLL_KEYS.has((e as KeyboardEvent).key)) return;
    if (e.type === 'touchstart' || e.type === 'touchend' || e.type === 'touchcancel') touches = (e as TouchEvent).touches?.length ?? 0;
    const starting = !gesturing();
    lastInput = performance.now();
    if (e.type === 'scroll') scrolled = true;
    if (starting) for (const f of [...starts]) f();
    if (scrolled) first.splice(0).forEach((f) => f());
    next.splice(0).forEach((f) => f());
  };
  for (const type of GESTURE_EVENTS) win.addEventListener(type, onInput, { passive: true, capture: true });

  const pause = (): Promise<void> =>
    new Promise((resolve) => {
      const check = () => {
        if (cancelled) return;
        const quiet = performance.now() - lastInput;
        if (touches === 0 && quiet >= PAUSE_MS) idle(() => (cancelled ? undefined : gesturing() ? check() : resolve()));
        else win.setTimeout(check, Math.max(20, PAUSE_MS - quiet + 20));
      };
      check();
    });

  return {
    firstScroll: () => (scrolled ? Promise.resolve() : new Promise<void>((resolve) => first.push(resolve))),
    pause,
    nextScroll: () => new Promise<void>((resolve) => next.push(resolve)),
    gesturing,
    onGesture(f) {
      starts.add(f);
      return () => starts.delete(f);
    },
    cancel() {
      cancelled = true;
      first.length = 0;
      next.length = 0;
      starts.clear();
      for (const type of GESTURE_EVENTS) win.removeEventListener(type, onInput, { capture: true });
    },
  };
}

/**
 * The next task: a slice boundary (scheduler.yield where there is one), for the live map's and
 * explore mode's start-up slices and the reader waiting on a click.
 */
export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
}

/** Resolves once `el` has a size (it may be hidden, e.g. in a layout that is not shown). */
export function hasSize(el: HTMLElement): Promise<void> {
  if (el.clientWidth > 0 && el.clientHeight > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const ro = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientHeight > 0) {
        ro.disconnect();
        resolve();
      }
    });
    ro.observe(el);
  });
}

/** Glyphs drawn per start-up slice (each is a canvas drawing and a distance transform on the main thread). */
export const GLYPHS_PER_SLICE = 6;

/**
 * The distinct characters of the label texts, in slices of `perSlice`: what the live map's start-up
 * draws ahead of its label stages, slice by slice (MapLibre draws text from the system's CJK font on
 * the main thread, every glyph of a stage at once when the stage first shows).
 */
export function glyphSlices(texts: readonly string[], perSlice = GLYPHS_PER_SLICE): string[][] {
  if (!(perSlice >= 1)) throw new Error(`glyphSlices: perSlice must be at least 1, got ${perSlice}`);
  const ids = [...new Set(texts.flatMap((t) => [...t]))].filter((c) => c.trim() !== '');
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += perSlice) out.push(ids.slice(i, i + perSlice));
  return out;
}

/**
 * What MapLibre's module evaluation waits for (evaluation-gate.ts, the first import of
 * map-controller.ts): `import()` fetches the chunk at once, but its 80–100 ms of evaluation would run
 * whenever the fetch ends (on slow 4G, seconds later, often in a scroll gesture). The caller sets the
 * gate before the import (a reading pause in the story, the next task for explore mode); unset, it is
 * open.
 */
let evaluation: () => Promise<void> = () => Promise.resolve();

export function setEvaluationGate(gate: () => Promise<void>): void {
  evaluation = gate;
}

/** Resolves when MapLibre's module may be evaluated (see `setEvaluationGate`). */
export function evaluationGate(): Promise<void> {
  return evaluation();
}

/**
 * How near the viewport a map section counts as near (IntersectionObserver's `rootMargin`: half a
 * screen above and below): the live map's start-up runs only then.
 */
export const NEAR_MARGIN = '50% 0px';

/** Whether any of the page's map sections is near the viewport, and when one comes near. */
export interface Proximity {
  observe(el: Element): void;
  unobserve(el: Element): void;
  /**
   * True while a section observed is within `NEAR_MARGIN` of the viewport, or one has not been
   * reported on yet, or none is observed (nothing to go by).
   */
  near(): boolean;
  /** Resolves when `near()` becomes true (at once if it is). */
  approached(): Promise<void>;
  disconnect(): void;
}

type IOConstructor = new (
  cb: IntersectionObserverCallback,
  o: IntersectionObserverInit,
) => Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

export function proximity(IO: IOConstructor = IntersectionObserver, margin = NEAR_MARGIN): Proximity {
  /** Each section observed: near (true), far (false), not reported yet (undefined). */
  const seen = new Map<Element, boolean | undefined>();
  const waiting: (() => void)[] = [];
  const near = () => seen.size === 0 || [...seen.values()].some((v) => v !== false);
  const settle = () => {
    if (near()) waiting.splice(0).forEach((f) => f());
  };
  const io = new IO(
    (entries) => {
      for (const e of entries) if (seen.has(e.target)) seen.set(e.target, e.isIntersecting);
      settle();
    },
    { rootMargin: margin },
  );
  return {
    observe(el) {
      if (seen.has(el)) return;
      seen.set(el, undefined);
      io.observe(el);
    },
    unobserve(el) {
      seen.delete(el);
      io.unobserve(el);
      settle();
    },
    near,
    approached: () => (near() ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    disconnect() {
      io.disconnect();
      seen.clear();
      settle();
    },
  };
}

/**
 * `gate`, and then, while no map section is near (`p.near()` false), waits for one to come near and
 * for `gate` again: the live map's start-up slices (and the worker answers they let through) wait
 * while the reader is away from every map, so its blocking is not spent on a map nobody sees, and
 * resume in a reading pause once the reader comes back near one. `open()` true skips the wait (explore
 * mode being opened: the reader asked for the map).
 */
export function whileNear(
  gate: () => Promise<void>,
  p: Pick<Proximity, 'near' | 'approached'>,
  open: () => boolean = () => false,
): () => Promise<void> {
  return async () => {
    for (;;) {
      await gate();
      if (open() || p.near()) return;
      performance.mark('map:far');
      await p.approached();
    }
  };
}
