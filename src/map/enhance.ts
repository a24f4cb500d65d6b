/**
 * `mount` for the `map` family (loaded by the scrolly engine through ENHANCERS). Small and free of
 * MapLibre. Two paths (device.ts decides):
 *
 * - The default, on every device: each state is the build-time SVG; a camera move is a tween of the
 *   SVG's transform between two states (tween.ts) with the next state's circles, labels and fills
 *   cross-fading in, like MapLibre's `easeTo`; with reduced motion it jumps. No WebGL on the scroll
 *   path. MapLibre is loaded only when the reader opens explore mode.
 * - The live map, on devices that qualify (or with `?map=live`): MapLibre does nothing while a scroll
 *   gesture is in progress (loader.ts says what a gesture is). During a gesture the story runs on the
 *   SVG exactly as on the default path: a step change hides the live map at once (the SVG under it
 *   shows the same state) and the SVG tweens. In each reading pause while a map section is on screen,
 *   the page's one MapLibre instance is brought in (slice by slice, the first time: map-controller.ts)
 *   or moved to this section, jumps to the state the SVG ended on, and fades in over it only after it
 *   has painted that state. A gesture that starts meanwhile stops it: its frames are held until the
 *   next pause and the SVG stays. One instance per page.
 *
 * Without WebGL2, or if anything fails, or while the WebGL context is lost, the SVG simply stays; a
 * failure is never thrown at the page (the story keeps working).
 */
import type { GraphicController, Mount, MountOptions, SetStateOptions } from '../lib/graphic-client.ts';
import { whenIdle } from '../lib/idle.ts';
import type { LngLat } from './camera.ts';
import { cheapSignals, livePixelRatio, mapMode, qualifies, webgl2RendererOffThread } from './device.ts';
import { hasSize, nextTask, proximity, scheduler, setEvaluationGate, whileNear, type Proximity, type Scheduler } from './loader.ts';
import type { LiveMap } from './map-controller.ts';
import type { ClientState, MapBase } from './model.ts';
import { easeCubicInOut, formatMatrix, interpolateCamera, parseMatrix, sameCamera, shift, type Similarity } from './tween.ts';

export interface MapCamera {
  center: LngLat;
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface MapController extends GraphicController {
  /** The camera shown now, in the spec's terms (paste into a state's `camera:`); the ?debug view prints it. */
  getCamera(): MapCamera;
  /** Resolves when the live map is shown (or rejects when the story keeps the SVG); for tests and the benchmark. */
  readonly ready: Promise<void>;
}

/**
 * A state change: the outgoing state fades out over the next one at the camera on screen (FADE_MS), then,
 * if the next state's camera differs, the camera moves (MOVE_MS). One after the other, so that no frame
 * draws two maps: in a move every frame draws the moving SVG again, and with both states on screen the
 * frames of a throttled phone took 54–70 ms (two SVGs painted and rasterised at DPR 3), against the
 * cross-fade's frames, which the compositor runs alone.
 */
const MOVE_MS = 900;
const FADE_MS = 350;
/** Cloning the states ahead: in idle time, or after this long at the latest. */
const AHEAD_IDLE = { timeout: 2000, fallback: 300 };

const read = <T>(el: HTMLElement | SVGElement, key: string): T | null => {
  const raw = el.dataset[key];
  return raw ? (JSON.parse(raw) as T) : null;
};

// ---------------------------------------------------------------------------------------------- the page's one live map

interface Owner {
  box: HTMLElement;
  /** The map left this section (another one claimed it, or it failed): show the SVG. */
  release(): void;
  lost(): void;
  restored(): void;
}

const host: {
  map: Promise<LiveMap> | null;
  owner: Owner | null;
  users: number;
  /** The page's gestures, as the live map's render hold reads them. */
  when: Scheduler | null;
  /** Explore mode is being opened: the reader's tap is not a scroll gesture, MapLibre may render. */
  opening: boolean;
  /** The WebGL context is lost (the SVG shows until MapLibre has restored it). */
  lost: boolean;
  /** Whether one of the page's map sections is near the viewport (the live map's start-up runs only then). */
  near: Proximity | null;
} = { map: null, owner: null, users: 0, when: null, opening: false, lost: false, near: null };

function pageWhen(): Scheduler {
  host.when ??= scheduler();
  return host.when;
}

function pageNear(): Proximity {
  host.near ??= proximity();
  return host.near;
}

/** Every map state on the page, by `graphic/state` (the live map's one source holds them all). */
function pageStates(): Record<string, ClientState> {
  const out: Record<string, ClientState> = {};
  for (const el of document.querySelectorAll<HTMLElement>('.story-map[data-map]')) {
    const key = `${el.dataset['graphic'] ?? ''}/${el.dataset['state'] ?? ''}`;
    if (!(key in out)) out[key] = JSON.parse(el.dataset['map'] as string) as ClientState;
  }
  return out;
}

/** The page's live map, created once (in `box`, at state `key`), its start-up slices run after `gate()`. */
function liveMap(box: HTMLElement, key: string, base: MapBase, pause: () => Promise<void>): Promise<LiveMap> {
  if (!host.map) {
    // Every slice waits, besides `pause`, while the reader is away from all of the page's map sections
    // (measured on industry-2025: the reader had left its one map section before start-up ended).
    const gate = whileNear(pause, pageNear(), () => host.opening);
    performance.mark('map:import');
    // The chunk is fetched now; MapLibre's evaluation in it waits for `gate` (evaluation-gate.ts).
    setEvaluationGate(gate);
    host.map = import('./map-controller.ts').then(async ({ createLiveMap }) => {
      performance.mark('map:imported');
      await hasSize(box);
      await gate();
      const when = pageWhen();
      // The renderer was probed before the live map or explore mode was offered (cached).
      const renderer = await webgl2RendererOffThread();
      return createLiveMap(box, {
        base,
        states: pageStates(),
        initial: key,
        pixelRatio: livePixelRatio(devicePixelRatio, renderer),
        gate,
        held: () => !host.opening && when.gesturing(),
        whenFree: () => when.pause(),
        events: {
          lost: () => {
            host.lost = true;
            host.owner?.lost();
          },
          restored: () => {
            host.lost = false;
            host.owner?.restored();
          },
        },
      });
    });
    host.map.then(
      () => performance.mark('map:rendered'),
      () => undefined,
    );
  }
  return host.map;
}

// ---------------------------------------------------------------------------------------------- the SVG path

/** Elements drawn at an anchor in viewBox units: they move with the camera and keep their size. */
const ANCHORED =
  ':scope > [data-key="markers"] > circle, :scope > circle[data-key="zone"], :scope > [data-key$="-labels"] > text, :scope > text[data-key="zone-label"], :scope > [data-key="marker-leaders"] > line';

/** An element drawn at an anchor, and the transform last written to it ('' for none). */
interface Anchored {
  el: SVGElement;
  x: number;
  y: number;
  at: string;
}

export interface Placed {
  svg: SVGSVGElement;
  geometry: SVGGElement | null;
  /** The camera the state was drawn for. */
  base: Similarity;
  /** The geometry's transform as last written. */
  at: string;
  anchored: Anchored[];
}

function placed(svg: SVGSVGElement): Placed | null {
  const geometry = svg.querySelector<SVGGElement>(':scope > [data-key="geometry"]');
  const base = parseMatrix(geometry?.dataset['base'] ?? geometry?.getAttribute('transform'));
  if (!geometry || !base) return null;
  geometry.dataset['base'] = formatMatrix(base);
  const anchored = [...svg.querySelectorAll<SVGElement>(ANCHORED)].map((el): Anchored => {
    const x = Number(el.getAttribute(el.tagName === 'circle' ? 'cx' : el.tagName === 'line' ? 'x1' : 'x'));
    const y = Number(el.getAttribute(el.tagName === 'circle' ? 'cy' : el.tagName === 'line' ? 'y1' : 'y'));
    return { el, x, y, at: el.getAttribute('transform') ?? '' };
  });
  return { svg, geometry, base, at: geometry.getAttribute('transform') ?? '', anchored };
}

/**
 * Draws a state's SVG as camera `now` shows it (its own camera: as built). Writes attributes only, and
 * only those whose value changes: a write of the same value still restyles the element and lays it out
 * again (the geometry's non-scaling strokes, each label's text), so a cross-fade at one camera, and the
 * frames of a move that no longer change an element, cost no rendering of the map. Exported for tests.
 */
export function placeAt(p: Placed, now: Similarity): void {
  const home = sameCamera(now, p.base);
  const g = formatMatrix(home ? p.base : now);
  if (p.geometry && g !== p.at) {
    p.geometry.setAttribute('transform', g);
    p.at = g;
  }
  for (const a of p.anchored) {
    let t = '';
    if (!home) {
      const [dx, dy] = shift(p.base, now, a.x, a.y);
      t = `translate(${dx.toFixed(2)} ${dy.toFixed(2)})`;
    }
    if (t === a.at) continue;
    a.at = t;
    if (t) a.el.setAttribute('transform', t);
    else a.el.removeAttribute('transform');
  }
}

/** A state's SVG for the sticky layer: the step's own, ids dropped (the step keeps its own). */
function cloneSvg(from: HTMLElement): SVGSVGElement | null {
  const clone = from.querySelector('.story-map__svg')?.cloneNode(true);
  if (!(clone instanceof SVGSVGElement)) return null;
  clone.setAttribute('aria-label', clone.querySelector('title')?.textContent ?? '');
  clone.removeAttribute('aria-labelledby');
  clone.removeAttribute('aria-describedby');
  clone.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'));
  return clone;
}

/**
 * The SVG states of one sticky map: `show()` swaps to the next state's SVG, at once or tweening the
 * camera from what is on screen now (a new state mid-move starts from where the move is).
 */
export function svgStates(root: HTMLElement) {
  let tween: { raf: number; out: Placed | null; now: Placed; from: Similarity; start: number; ms: number; last: Similarity } | null = null;

  /**
   * An animated state change waiting for the next frame: the step change's frame (the engine's
   * bookkeeping, the cards, a chart's marks) does not also insert, restyle, lay out and paint a whole
   * new SVG; the move starts one frame later, from the same picture.
   */
  let pending: { raf: number; from: HTMLElement } | null = null;

  /**
   * States' SVGs cloned ahead, in idle time, by the step figure they come from: a move's first frame
   * inserts one instead of also copying the step's whole SVG (most of that frame's script on a throttled
   * phone: 12–28 ms before, 5–9 ms after). A clone is used once; the state is cloned again, idle, for the
   * next time.
   */
  const ahead = new Map<HTMLElement, Placed>();
  const queue = new Set<HTMLElement>();
  let cancelIdle: (() => void) | null = null;
  const cloneNext = () => {
    cancelIdle = null;
    const [from] = queue;
    if (!from) return;
    queue.delete(from);
    if (!ahead.has(from)) {
      // A state that cannot be cloned here is not ahead: the move clones it, and a failure there is the
      // engine's to report (one graphic's failure), not an error thrown at the page from an idle callback.
      try {
        const clone = cloneSvg(from);
        const p = clone ? placed(clone) : null;
        if (p) ahead.set(from, p);
      } catch {
        // (see above)
      }
    }
    if (queue.size) cancelIdle = whenIdle(cloneNext, AHEAD_IDLE);
  };
  const prepare = (froms: HTMLElement[]) => {
    for (const f of froms) queue.add(f);
    if (queue.size) cancelIdle ??= whenIdle(cloneNext, AHEAD_IDLE);
  };

  /** Waiting for no move to run (`settled()`). */
  const waiting: (() => void)[] = [];
  const stopped = () => {
    if (!tween && !pending) waiting.splice(0).forEach((f) => f());
  };

  /** The move in progress ends (at its last frame, or at once). */
  const end = () => {
    if (!tween) return;
    cancelAnimationFrame(tween.raf);
    tween.out?.svg.remove();
    placeAt(tween.now, tween.now.base);
    tween = null;
    stopped();
  };

  /** Ends a move at once, a state change waiting for its frame included (the controller goes). */
  const finish = () => {
    if (pending) {
      const { raf, from } = pending;
      cancelAnimationFrame(raf);
      pending = null;
      swap(from, false);
    }
    end();
  };

  /** Puts `from`'s SVG in the sticky map: at once, or tweening from the picture on screen now. */
  function swap(from: HTMLElement, animate: boolean): void {
    const mine = root.querySelector<SVGSVGElement>('svg.story-map__svg');
    const early = ahead.get(from) ?? null;
    ahead.delete(from);
    if (early) prepare([from]);
    const clone = early?.svg ?? cloneSvg(from);
    // Where the picture is now: mid-move, the move's current camera; the outgoing state of a move
    // in progress goes at once.
    let cam: Similarity | null = tween ? tween.last : null;
    if (tween) {
      tween.out?.svg.remove();
      cancelAnimationFrame(tween.raf);
      tween = null;
    }
    const old = mine ? placed(mine) : null;
    cam ??= old?.base ?? null;
    const next = early ?? (clone ? placed(clone) : null);
    if (!animate || !old || !next || !cam || !clone || !mine) {
      if (mine && clone) mine.replaceWith(clone);
      else if (mine) mine.remove();
      else if (clone) root.querySelector('.story-map__box')?.prepend(clone);
      stopped();
      return;
    }
    // The outgoing state stays on top and fades out at the camera on screen; its opacity is an animation
    // of its own (the compositor runs it: no style, layout or paint of the map per frame). The camera
    // moves once it has gone, so a move's frames draw one SVG, not two.
    mine.classList.replace('story-map__svg', 'story-map__svg-out');
    mine.setAttribute('aria-hidden', 'true');
    mine.before(clone);
    placeAt(next, cam);
    placeAt(old, cam);
    const moving = !sameCamera(cam, next.base);
    const animated =
      typeof mine.animate === 'function' &&
      !!mine.animate([{ opacity: 1 }, { opacity: 0 }], { duration: FADE_MS, easing: 'linear', fill: 'forwards' });
    const t = {
      raf: 0,
      out: old as Placed | null,
      now: next,
      from: cam,
      start: performance.now(),
      ms: moving ? FADE_MS + MOVE_MS : FADE_MS,
      last: cam,
    };
    tween = t;
    const frame = (time: number) => {
      if (tween !== t) return;
      const elapsed = Math.max(0, time - t.start);
      if (t.out) {
        const fade = 1 - elapsed / FADE_MS;
        if (fade <= 0) {
          t.out.svg.remove();
          t.out = null;
        } else if (!animated) t.out.svg.setAttribute('opacity', fade.toFixed(3));
      }
      if (moving && elapsed > FADE_MS) {
        t.last = interpolateCamera(t.from, next.base, easeCubicInOut(Math.min(1, (elapsed - FADE_MS) / MOVE_MS)));
        placeAt(next, t.last);
      }
      if (elapsed < t.ms) t.raf = requestAnimationFrame(frame);
      else end();
    };
    t.raf = requestAnimationFrame(frame);
  }

  return {
    show(from: HTMLElement, animate: boolean) {
      const state = from.dataset['state'] ?? '';
      for (const legend of root.querySelectorAll<HTMLElement>('.story-map__legends > .story-map__legend')) {
        legend.classList.toggle('is-shown', legend.dataset['state'] === state);
      }
      if (pending) {
        cancelAnimationFrame(pending.raf);
        pending = null;
      }
      if (!animate) {
        swap(from, false);
        return;
      }
      const p = { raf: 0, from };
      pending = p;
      p.raf = requestAnimationFrame(() => {
        if (pending !== p) return;
        pending = null;
        swap(from, true);
      });
    },
    /** Clones these step figures' states ahead, in idle time (the states a move may go to). */
    prepare,
    /** Ends a move at once (the controller goes); nothing more is cloned ahead. */
    finish() {
      cancelIdle?.();
      cancelIdle = null;
      queue.clear();
      ahead.clear();
      finish();
    },
    /** Resolves when no move runs (the live map takes over from the picture a move ends on). */
    settled(): Promise<void> {
      return tween || pending ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve();
    },
  };
}

// ---------------------------------------------------------------------------------------------- mount

export const mount: Mount = (layer: HTMLElement, opts: MountOptions): MapController => {
  const root = layer.querySelector<HTMLElement>('.story-map') ?? layer;
  const box = root.querySelector<HTMLElement>('.story-map__box');
  const defs = document.querySelector<HTMLElement>('.story-map__defs');
  const base = defs ? read<MapBase>(defs, 'mapBase') : null;
  const explore = root.querySelector<HTMLButtonElement>('.story-map__explore');
  const back = root.querySelector<HTMLButtonElement>('.story-map__back');
  const graphic = root.dataset['graphic'] ?? '';
  let key = `${graphic}/${root.dataset['state'] ?? ''}`;
  let current = read<ClientState>(root, 'map');
  const mode = mapMode(location.search);
  const when = scheduler();
  const svg = svgStates(root);
  // The states this section's steps can move the map to, cloned ahead in idle time.
  svg.prepare([
    ...(layer
      .closest('[data-scrolly]')
      ?.querySelectorAll<HTMLElement>(`[data-step][data-graphic="${CSS.escape(graphic)}"] .figure .story-map`) ?? []),
  ]);
  let destroyed = false;
  /** The live map, once this section has had it. */
  let live: LiveMap | null = null;
  /** The live map is this section's and shown (not the SVG). */
  let shown = false;
  /** It is shown for explore mode only (the story itself keeps the SVG on this device). */
  let forExplore = false;
  /** The story itself runs on the live map here (decided in the first pause). */
  let liveStory = false;
  /** The box changed size while the live map was hidden: resize it in the next pause. */
  let resized = false;
  let visible = false;
  host.users++;
  if (box) pageNear().observe(box);

  /**
   * Wakes the live path's loop: the state or the size changed, or the context came back. `wakes` counts
   * them, so a wake while the loop is busy (in a `sync()` that the change makes moot) is not lost: the
   * loop goes round again instead of waiting for the next one (a reader who stopped right after such a
   * change kept the SVG until they scrolled again).
   */
  const wakers: (() => void)[] = [];
  let wakes = 0;
  const wake = () => {
    wakes++;
    wakers.splice(0).forEach((f) => f());
  };
  const changed = () => new Promise<void>((resolve) => wakers.push(resolve));

  const io = box
    ? new IntersectionObserver(([e]) => {
        visible = !!e?.isIntersecting;
        if (visible) wake();
      })
    : null;
  if (box) io?.observe(box);
  const onScreen = () => visible && (!layer.classList.contains('scrolly__layer') || layer.classList.contains('is-active'));
  const exploring = () => root.classList.contains('is-exploring');

  /** Shows the SVG at once (it shows the state the map shows): the live map is hidden without a fade. */
  function hideLive(): void {
    if (!shown) return;
    shown = false;
    root.dataset['live'] = forExplore ? 'off' : 'wanted';
    const gl = box?.querySelector<HTMLElement>('.story-map__gl');
    gl?.style.setProperty('transition', 'none');
    root.classList.remove('is-live');
    if (gl) requestAnimationFrame(() => requestAnimationFrame(() => gl.style.removeProperty('transition')));
  }

  const me: Owner = {
    box: box as HTMLElement,
    release() {
      if (exploring()) setExplore(false);
      if (shown) root.dataset['live'] = forExplore ? 'off' : 'wanted';
      forExplore = false;
      shown = false;
      root.classList.remove('is-live');
    },
    lost() {
      if (exploring()) setExplore(false);
      root.classList.remove('is-live');
      if (explore) explore.hidden = true;
    },
    restored() {
      if (explore) explore.hidden = false;
      // Shown again once the restored map has painted this state, in a pause (the live loop).
      shown = false;
      if (root.dataset['live'] === 'shown') root.dataset['live'] = 'wanted';
      wake();
    },
  };

  /**
   * Makes the live map this section's, showing its current state (hidden until `reveal`). Every call
   * into MapLibre here is made outside a gesture: creation's slices wait for `gate`, the move and the
   * state for a pause when a gesture has begun meanwhile.
   */
  async function claim(gate: () => Promise<void>): Promise<LiveMap> {
    if (!box || !base || !current) throw new Error('static map only');
    const map = await liveMap(box, key, base, gate);
    if (destroyed) throw new Error('destroyed');
    if (!host.opening && when.gesturing()) await when.pause();
    if (destroyed) throw new Error('destroyed');
    if (host.owner !== me) {
      host.owner?.release();
      host.owner = me;
    }
    live = map;
    map.moveTo(box);
    if (resized) {
      resized = false;
      map.resize();
    }
    map.show(key, { animate: false });
    return map;
  }

  const reveal = () => {
    shown = true;
    root.dataset['live'] = 'shown';
    root.classList.add('is-live');
    if (explore) explore.hidden = false;
  };

  function setExplore(on: boolean): void {
    if (!live || !explore || !back || !box) return;
    // In explore mode the box leaves the sticky slot for the top layer (above the step cards, whatever
    // their stacking); a manual popover does that without moving the canvas in the DOM.
    if (on && typeof box.showPopover === 'function') {
      box.setAttribute('popover', 'manual');
      box.showPopover();
    } else if (!on && box.hasAttribute('popover')) {
      box.hidePopover();
      box.removeAttribute('popover');
    }
    root.classList.toggle('is-exploring', on);
    explore.hidden = on;
    back.hidden = !on;
    // Explore mode first: resizing outside it puts the story camera back.
    live.setExplore(on);
    live.resize();
    (on ? back : explore).focus();
  }

  /** Explore: the live map (brought in now if this device's story runs on the SVG), full screen. */
  async function openExplore(): Promise<void> {
    if (!explore) return;
    if (!shown || host.owner !== me) {
      explore.disabled = true;
      explore.setAttribute('aria-busy', 'true');
      // The reader asked for the map: its start-up runs now, task by task (the tap is no scroll).
      host.opening = true;
      try {
        const map = await claim(nextTask);
        await map.rendered();
        forExplore = !liveStory;
        reveal();
      } catch {
        root.dataset['live'] = 'failed';
        explore.hidden = true;
        return;
      } finally {
        host.opening = false;
        explore.disabled = false;
        explore.removeAttribute('aria-busy');
      }
    }
    setExplore(true);
  }

  function closeExplore(): void {
    setExplore(false);
    // Back in the story on a device that reads it on the SVG: the SVG again (the map stays, hidden, for next time).
    if (forExplore) {
      forExplore = false;
      shown = false;
      root.dataset['live'] = 'off';
      root.classList.remove('is-live');
    }
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && exploring()) closeExplore();
  };
  const onExplore = () => void openExplore();
  const onBack = () => closeExplore();
  // The box's size, not the window's: a phone's address bar sliding during a scroll resizes the
  // window, not the map.
  let size = box ? [box.clientWidth, box.clientHeight].join() : '';
  const sizes = box
    ? new ResizeObserver(() => {
        const now = [box.clientWidth, box.clientHeight].join();
        if (now === size) return;
        size = now;
        if (host.owner !== me || !live) return;
        if (exploring()) return live.resize();
        // In the story: the SVG now, the map resized (which clears its canvas) in the next pause.
        resized = true;
        hideLive();
        wake();
      })
    : null;
  if (box) sizes?.observe(box);
  explore?.addEventListener('click', onExplore);
  back?.addEventListener('click', onBack);
  document.addEventListener('keydown', onKey);

  /** Why a pass that has the live map ready must not show it now ('' when it may). */
  function notNow(want: string): string {
    if (destroyed) return 'destroyed';
    if (host.owner !== me) return 'taken';
    if (key !== want) return 'moved on';
    if (host.lost) return 'lost';
    if (when.gesturing()) return 'gesturing';
    if (!onScreen()) return 'off screen';
    return '';
  }

  /**
   * One pass of the live path, in a pause: take the page's live map (bringing it in the first time),
   * put it at this section's state, wait until the SVG's move has ended and the map has painted that
   * state, then fade it in, unless the reader started a gesture or moved on meanwhile. Returns '' when
   * shown, else why not (`notNow`).
   */
  async function sync(): Promise<string> {
    const want = key;
    const map = await claim(when.pause);
    await svg.settled();
    await map.rendered();
    const not = notNow(want);
    if (not) {
      // Why a pass ended without showing it (tests report it when the live map never comes).
      performance.mark('map:not-shown', { detail: not });
      return not;
    }
    reveal();
    return '';
  }

  /**
   * The live path: after the first scroll, in each pause while this section is on screen and not
   * showing the live map, `sync()`. Also offers explore mode once WebGL2 is known to work here.
   */
  let shownOnce: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (shownOnce = resolve));
  async function start(): Promise<void> {
    if (!box || !base || !current) throw new Error('static map only');
    await when.firstScroll();
    await when.pause();
    // One small WebGL context, once per page, in a pause, made in a worker (device.ts).
    const renderer = await webgl2RendererOffThread();
    if (destroyed || renderer === null) {
      root.dataset['live'] = 'off';
      throw new Error('no WebGL2: static map only');
    }
    if (explore) explore.hidden = false;
    const wanted = mode === 'live' || (mode === 'auto' && qualifies({ ...cheapSignals(), renderer }));
    // What the story runs on here, for tests and the benchmark: `off` (the SVG; MapLibre only for
    // explore mode), `wanted` (the live map, once the reader pauses on this map), `shown`, `failed`.
    root.dataset['live'] = wanted ? 'wanted' : 'off';
    if (!wanted) throw new Error('static map: this device reads the story on the SVG');
    liveStory = true;
    for (;;) {
      if (destroyed) return;
      const seen = wakes;
      let not = '';
      if (onScreen() && !(host.owner === me && shown) && !exploring()) {
        try {
          not = await sync();
        } catch (e) {
          if (destroyed) return;
          root.dataset['live'] = 'failed';
          throw e;
        }
        if (!not) {
          performance.mark('map:live');
          shownOnce();
        }
      }
      // A pass cut short by a gesture tries again in the pause after it: that gesture may have been the
      // reader's last (a wheel that changed no step came while the map painted), and waiting for the next
      // scroll kept the SVG until the reader scrolled again.
      if (wakes === seen && not !== 'gesturing') await Promise.race([when.nextScroll(), changed()]);
      await when.pause();
    }
  }
  const started = start();
  // The SVG stays when the live map cannot or need not start; that is an expected outcome, not an error.
  const settled = Promise.race([ready, started]);
  settled.catch(() => undefined);

  return {
    ready: settled,
    setState(_state: string, source: Element | null, o: SetStateOptions) {
      const from = source?.querySelector<HTMLElement>('.story-map') ?? null;
      if (!from) return;
      const mine = host.owner === me && !!live;
      // In the story the live map never follows a step during the gesture that reached it: it is
      // hidden at once (the SVG under it shows the same state) and the SVG moves, as on the default
      // path; the live map takes over again in the next pause. Explore mode keeps its camera.
      if (mine && !exploring()) hideLive();
      svg.show(from, o.animate && !opts.reducedMotion);
      root.dataset['state'] = from.dataset['state'] ?? '';
      key = `${graphic}/${root.dataset['state']}`;
      current = read<ClientState>(from, 'map');
      if (mine && exploring()) live?.show(key, { animate: false });
      wake();
    },
    getCamera() {
      if (live && shown && host.owner === me && root.classList.contains('is-live')) return live.getCamera();
      const c = current?.c ?? [0, 0, 0];
      return { center: [c[0], c[1]], zoom: c[2], bearing: 0, pitch: 0 };
    },
    destroy() {
      destroyed = true;
      when.cancel();
      wake();
      io?.disconnect();
      sizes?.disconnect();
      svg.finish();
      explore?.removeEventListener('click', onExplore);
      back?.removeEventListener('click', onBack);
      document.removeEventListener('keydown', onKey);
      if (host.owner === me) {
        me.release();
        host.owner = null;
      }
      root.classList.remove('is-live', 'is-exploring');
      if (box) host.near?.unobserve(box);
      host.users--;
      if (host.users === 0) {
        host.when?.cancel();
        host.when = null;
        host.near?.disconnect();
        host.near = null;
        if (host.map) {
          const map = host.map;
          host.map = null;
          void map.then(
            (m) => m.destroy(),
            () => undefined,
          );
        }
      }
    },
  };
};
