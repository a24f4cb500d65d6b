/**
 * The scrolly engine (browser only). Each `<Scrolly>` section has a sticky slot with one layer per
 * graphic and a column of steps; each step declares a complete state (graphic + state + summary).
 * The engine decides which step is active from geometry (`resolve.ts`), shows that step's graphic
 * layer, tells the layer's controller to show the state, marks the step and announces its summary.
 *
 * It resolves on scrollama's nudges, on load, on `hashchange`, on keyboard moves and after width
 * changes, never by replaying events, so reloads, deep links, fast scrolls, jumps and rotations land
 * on the right picture. Controllers are mounted lazily (`ENHANCERS`) when a section comes near.
 */
import { ENHANCERS, type GraphicController } from '../graphics/client.ts';
import { createScroller } from './scroller.ts';
import {
  activeIndex,
  activeStep,
  lineWithin,
  neighbourStep,
  shouldAnimate,
  targetHolds,
  type Band,
  type JumpTarget,
  type Reason,
} from './resolve.ts';
import { STEP_ATTR } from './steps.ts';
import { whenIdle } from '../lib/idle.ts';

interface Layer {
  el: HTMLElement;
  /** The state the layer shows now; the build rendered the first state its section uses. */
  shown: string;
  /** The state it should show; differs from `shown` while the controller is loading. */
  wanted: string;
  controller: Promise<GraphicController> | null;
  /** The controller has mounted, so a state change can be animated right away. */
  ready: GraphicController | null;
}

/** A step by its section and index. */
interface StepAt {
  section: Section;
  index: number;
}

interface Section {
  el: HTMLElement;
  steps: HTMLElement[];
  layers: Map<string, Layer>;
  /** Index of the step applied, -1 before the first resolution. */
  active: number;
  /** A step the reader jumped to, while it holds. */
  target: JumpTarget | null;
}

/** What the debug view reads. */
export interface EngineView {
  /** The trigger line, px from the top of the viewport. */
  line: number;
  /** The section whose steps the trigger line is in, with its active step and that graphic's controller. */
  current: { step: HTMLElement; controller: GraphicController | null } | null;
}

export interface Engine {
  /** Stop (the reader chose to read the page as an article) or start again. */
  setPaused(paused: boolean): void;
  /** The step at the trigger line, if any, in either layout (to keep the reader's place across a switch). */
  readingStep(): HTMLElement | null;
  view(): EngineView;
  /** Called after every change of active step; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Stop for good: observers, listeners, timers, and every mounted controller (`destroy()`). */
  destroy(): void;
}

export interface EngineOptions {
  root: HTMLElement;
  /** A fixed element whose top is the trigger line (CSS decides where, per layout). */
  probe: HTMLElement;
  /** The polite live region that announces step summaries. */
  live: HTMLElement;
  /** A graphic could not start: the page should fall back to the static article (and destroy the engine). */
  onBroken: (error: unknown) => void;
}

const STEP_SELECTOR = `[${STEP_ATTR}]`;

/** Measures (forces layout): only for what is not on the scroll path. */
function bands(els: readonly HTMLElement[]): Band[] {
  return els.map((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
}

/** How far ahead a section's controllers are mounted (IntersectionObserver root margin). */
export const NEAR_MARGIN = '250% 0px';

/** Disables CSS transitions in `el` until the next frames have painted (instant switches). */
function instantly(el: HTMLElement): void {
  el.classList.add('is-instant');
  requestAnimationFrame(() => requestAnimationFrame(() => el.classList.remove('is-instant')));
}

function readSection(el: HTMLElement): Section {
  const layers = new Map<string, Layer>();
  for (const layer of el.querySelectorAll<HTMLElement>('.scrolly__layer')) {
    const state = layer.dataset['state'] ?? '';
    layers.set(layer.dataset['graphic'] ?? '', { el: layer, shown: state, wanted: state, controller: null, ready: null });
  }
  return { el, steps: [...el.querySelectorAll<HTMLElement>(STEP_SELECTOR)], layers, active: -1, target: null };
}

/** Starts the engine on every scrolly section in `root`. */
export function startEngine({ root, probe, live, onBroken }: EngineOptions): Engine {
  const sections = [...root.querySelectorAll<HTMLElement>('[data-scrolly]')].map(readSection).filter((s) => s.steps.length > 0);
  const allSteps = sections.flatMap((s) => s.steps);
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');
  const listeners = new Set<() => void>();
  const measureLine = () => probe.getBoundingClientRect().top;

  let line = measureLine();
  let width = window.innerWidth;
  let lastY = window.scrollY;
  /**
   * The scroll path reads no layout: the steps' document positions are measured once and again only
   * when something changes size (a resize, fonts, an opened table), the scroll position comes from
   * the scroll event (dispatched before the frame's callbacks, while layout is clean) and the
   * viewport height from resize events.
   */
  let y = window.scrollY;
  let vh = window.innerHeight;
  const where = new Map<HTMLElement, { top: number; bottom: number }>();
  const measure = () => {
    const sy = window.scrollY;
    for (const el of allSteps) {
      const r = el.getBoundingClientRect();
      where.set(el, { top: r.top + sy, bottom: r.bottom + sy });
    }
  };
  /** Step bands relative to the viewport at the scroll position `y`, from the measured positions. */
  const cached = (els: readonly HTMLElement[]): Band[] =>
    els.map((el) => {
      const g = where.get(el);
      return g ? { top: g.top - y, bottom: g.bottom - y } : { top: Infinity, bottom: Infinity };
    });
  let paused = false;
  /** The step the reader is at, kept up to date so a resize can restore it after the layout changed. */
  let reading: StepAt | null = null;
  /** The step whose summary was announced last (the reader's current step), null between sections. */
  let announced: HTMLElement | null = null;
  /** While the browser scrolls to the top or the end after Home/End: the fallback timer ending it. */
  let jumping = 0;
  /** While a resize settles: the step to restore afterwards. */
  let resizing: { keep: StepAt | null; timer: number } | null = null;

  let broken = false;
  function fail(error: unknown): void {
    if (broken) return;
    broken = true;
    onBroken(error);
  }

  function controllerFor(layer: Layer): Promise<GraphicController> {
    if (!layer.controller) {
      const family = layer.el.dataset['family'] ?? '';
      const load = ENHANCERS[family];
      layer.controller = load
        ? load().then((m) => m.mount(layer.el, { reducedMotion: reduced.matches }))
        : Promise.reject(new Error(`no enhancer registered for graphic family "${family}"`));
      layer.controller.then((c) => (layer.ready = c), fail);
    }
    return layer.controller;
  }

  function showState(layer: Layer, state: string, source: Element | null, animate: boolean): void {
    layer.wanted = state;
    if (layer.shown === state) return;
    const apply = (c: GraphicController, canAnimate: boolean) => {
      if (layer.wanted !== state || layer.shown === state) return;
      // One graphic's failure stays its own: the engine's bookkeeping (current step, announcements,
      // the other layers) goes on, and the layer still records the state it was asked for.
      try {
        c.setState(state, source, { animate: canAnimate && !reduced.matches });
      } catch (error) {
        console.error(`scrolly: graphic "${layer.el.dataset['graphic'] ?? ''}" could not show state "${state}"`, error);
      }
      layer.shown = state;
      layer.el.dataset['state'] = state;
    };
    // Mounted: switch now, in the same frame as the layer swap. Still loading: switch instantly when it
    // arrives, and only if this is still the state wanted by then.
    if (layer.ready) apply(layer.ready, animate);
    else controllerFor(layer).then((c) => apply(c, false), fail);
  }

  function applyStep(section: Section, index: number, animate: boolean): void {
    const step = section.steps[index] as HTMLElement;
    const graphic = step.dataset['graphic'] ?? '';
    section.steps[section.active]?.removeAttribute('aria-current');
    step.setAttribute('aria-current', 'step');
    if (!animate) instantly(section.el);
    for (const [id, layer] of section.layers) layer.el.classList.toggle('is-active', id === graphic);
    const layer = section.layers.get(graphic);
    if (layer) showState(layer, step.dataset['state'] ?? '', step.querySelector('.figure'), animate);
    section.active = index;
  }

  function resolve(cause: Reason): void {
    if (paused || (resizing && cause === 'scroll')) return;
    const reason = jumping && cause === 'scroll' ? 'jump' : cause;
    // On load the scroll position was read with the steps, before the start-up's writes.
    if (cause !== 'scroll' && cause !== 'load') {
      y = window.scrollY;
      vh = window.innerHeight;
    }
    const scrolled = Math.abs(y - lastY);
    lastY = y;
    let changed = false;
    reading = null;
    for (const s of sections) {
      if (s.target && !targetHolds(s.target, y)) s.target = null;
      const b = cached(s.steps);
      const to = activeStep({ steps: b, line, viewportHeight: vh, target: s.target?.index });
      if (lineWithin(b, line) || s.target) reading = { section: s, index: to };
      if (to === s.active) continue;
      const from = s.active;
      applyStep(s, to, shouldAnimate({ reason, from, to, reducedMotion: reduced.matches, scrolled, viewportHeight: vh }));
      changed = true;
    }
    announce(reading ? (reading.section.steps[reading.index] ?? null) : null, reason);
    if (changed) for (const l of listeners) l();
  }

  /**
   * Says the summary of the step the reader has arrived at, once per arrival: not for the state a
   * page opens in, not again after a resize or a mode switch that keeps the reader on the same step.
   */
  function announce(step: HTMLElement | null, reason: Reason): void {
    // Steps flown past on the way to Home/End are not arrivals; the one where the scroll ends is.
    if (step === announced || reason === 'jump') return;
    announced = step;
    if (step && reason !== 'load' && reason !== 'resize' && reason !== 'mode') live.textContent = step.dataset['summary'] ?? '';
  }

  /** Puts `step` where a jump puts it (its CSS scroll margin: just above the trigger line) and holds it. */
  function jumpTo(step: HTMLElement, reason: Reason): void {
    const section = sections.find((s) => s.steps.includes(step));
    if (!section) return;
    step.scrollIntoView({ block: 'start', behavior: 'instant' });
    section.target = { index: section.steps.indexOf(step), scrollY: window.scrollY };
    resolve(reason);
  }

  function stepFromHash(): HTMLElement | null {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = id ? document.getElementById(id) : null;
    return el && allSteps.includes(el) ? el : null;
  }

  /** Hash targets are positioned by the browser; remember them so the state matches even at the page end. */
  function holdHashTarget(): void {
    const step = stepFromHash();
    const section = step && sections.find((s) => s.steps.includes(step));
    if (step && section) section.target = { index: section.steps.indexOf(step), scrollY: window.scrollY };
  }

  function alignedTop(step: HTMLElement): number {
    const pad = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    return pad + (parseFloat(getComputedStyle(step).scrollMarginTop) || 0);
  }

  const onHash = () => {
    holdHashTarget();
    resolve('hash');
  };

  /** Ends a Home/End jump: the scroll has stopped, so the step it stopped at is an arrival. */
  const endJump = () => {
    if (!jumping) return;
    clearTimeout(jumping);
    jumping = 0;
    resolve('scroll');
  };

  const onKey = (e: KeyboardEvent) => {
    if (paused || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || allSteps.length === 0) return;
    const t = e.target as HTMLElement | null;
    if (t?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
    if (e.key === 'Home' || e.key === 'End') {
      // The browser scrolls there smoothly, through every step in between: switch those instantly.
      clearTimeout(jumping);
      jumping = window.setTimeout(endJump, 1500);
      return;
    }
    const key = e.key.toLowerCase();
    const dir = key === 'j' ? 1 : key === 'k' ? -1 : 0;
    if (!dir) return;
    const first = allSteps[0] as HTMLElement;
    y = window.scrollY;
    const i = neighbourStep(
      cached(allSteps).map((b) => b.top),
      alignedTop(first),
      dir,
    );
    const step = allSteps[i];
    if (!step) return;
    e.preventDefault();
    step.focus({ preventScroll: true });
    jumpTo(step, 'key');
  };

  const onFocus = (e: FocusEvent) => {
    const step = e.target as HTMLElement;
    // Only keyboard focus moves the page; a click on a card must not make it jump.
    if (!paused && allSteps.includes(step) && step.matches(':focus-visible')) jumpTo(step, 'key');
  };

  const settle = () => {
    const keep = resizing?.keep;
    resizing = null;
    width = window.innerWidth;
    vh = window.innerHeight;
    line = measureLine();
    measure();
    scroller.remeasure(line);
    const step = keep?.section.steps[keep.index];
    if (step) jumpTo(step, 'resize');
    else resolve('resize');
  };

  let lineCheck = 0;
  const onResize = () => {
    vh = window.innerHeight;
    if (paused) return;
    // Heights alone change when a phone's address bar slides (during scrolls); the layout uses svh, so
    // only a width change or a moved trigger line (a real window resize) needs work. The line is
    // measured after the resize events stop, not in them.
    if (window.innerWidth === width) {
      clearTimeout(lineCheck);
      lineCheck = window.setTimeout(() => {
        if (!paused && measureLine() !== line) startResize();
      }, 200);
      return;
    }
    startResize();
  };
  const startResize = () => {
    // While the layout reflows, scrollama fires stale events: ignore them until it has settled, then
    // put back the step the reader was at before the first resize event.
    const keep = resizing ? resizing.keep : reading;
    if (resizing) clearTimeout(resizing.timer);
    resizing = { keep, timer: window.setTimeout(settle, 150) };
  };

  const idle = (f: () => void) => whenIdle(f, { timeout: 1000, fallback: 50 });
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const section = sections.find((s) => s.el === entry.target);
        // Off the frame that noticed it: its controllers are mounted in an idle moment (a module's
        // evaluation is a task of its own), so that a reader who scrolls on without stopping finds
        // them ready at the section's first step.
        idle(() => section?.layers.forEach((layer) => void controllerFor(layer).catch(() => undefined)));
        near.unobserve(entry.target);
      }
    },
    // Two and a half screens ahead: the controllers are mounted before the reader reaches the section,
    // with reading pauses between for 60 % gestures.
    { rootMargin: NEAR_MARGIN },
  );
  // Graphics code is not part of the first view: sections are watched from the reader's first scroll
  // (a state change before that, e.g. a link to a step, loads its controller on demand).
  const watchNear = () => {
    window.removeEventListener('scroll', watchNear);
    for (const s of sections) near.observe(s.el);
  };
  if (window.scrollY > 0) watchNear();
  else window.addEventListener('scroll', watchNear, { passive: true });
  const onScroll = () => {
    y = window.scrollY;
  };
  // Sizes change without a resize too (fonts arriving, a table opened in a step): re-measure then,
  // when layout is fresh anyway. A resize is handled when it settles.
  const sizes = new ResizeObserver(() => {
    if (!resizing) measure();
  });
  sizes.observe(root);
  for (const step of allSteps) sizes.observe(step);
  // Start-up reads everything first (the line, the steps, the scroller's own measuring, the scroll
  // position), then writes: a read after a write would force a second style and layout.
  measure();
  const scroller = createScroller({ steps: allSteps, line, onCross: () => resolve('scroll') });
  holdHashTarget();
  y = window.scrollY;
  for (const step of allSteps) {
    step.tabIndex = 0;
    step.setAttribute('aria-keyshortcuts', 'J K');
  }
  // A #step link focuses its step when the step is focusable as the page loads; the engine makes the
  // steps focusable after the first frame, so it gives the link's target the focus the browser would
  // have (keyboard and screen-reader users continue from there), before it listens for focus moves.
  const linked = stepFromHash();
  if (linked && (document.activeElement === null || document.activeElement === document.body)) linked.focus({ preventScroll: true });
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('hashchange', onHash);
  window.addEventListener('scrollend', endJump);
  window.addEventListener('resize', onResize);
  document.addEventListener('keydown', onKey);
  root.addEventListener('focusin', onFocus);
  resolve('load');

  function setPaused(next: boolean): void {
    if (next === paused) return;
    paused = next;
    for (const step of allSteps) {
      if (paused) step.removeAttribute('tabindex');
      else step.tabIndex = 0;
    }
    if (paused) {
      scroller.pause();
      for (const s of sections) {
        s.steps[s.active]?.removeAttribute('aria-current');
        s.active = -1;
        s.target = null;
      }
    } else {
      line = measureLine();
      width = window.innerWidth;
      measure();
      scroller.resume(line);
      resolve('mode');
    }
  }

  return {
    setPaused,
    readingStep() {
      // Measured now, not remembered: while paused the reader scrolls an article the engine does not follow.
      const at = measureLine();
      for (const s of sections) {
        const b = bands(s.steps);
        if (lineWithin(b, at)) return s.steps[activeIndex(b, at)] ?? null;
      }
      return null;
    },
    view() {
      const s = reading?.section;
      const step = s?.steps[s.active];
      const layer = step && s.layers.get(step.dataset['graphic'] ?? '');
      return { line, current: step ? { step, controller: layer?.ready ?? null } : null };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      setPaused(true);
      scroller.destroy();
      near.disconnect();
      window.removeEventListener('scroll', watchNear);
      sizes.disconnect();
      clearTimeout(lineCheck);
      window.removeEventListener('scroll', onScroll);
      if (resizing) clearTimeout(resizing.timer);
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('scrollend', endJump);
      clearTimeout(jumping);
      window.removeEventListener('resize', onResize);
      document.removeEventListener('keydown', onKey);
      root.removeEventListener('focusin', onFocus);
      listeners.clear();
      for (const s of sections) {
        for (const layer of s.layers.values()) {
          void layer.controller?.then(
            (c) => c.destroy(),
            () => undefined,
          );
          layer.controller = null;
          layer.ready = null;
        }
      }
    },
  };
}
