/**
 * The MapLibre map (browser only, loaded lazily by enhance.ts: in a reading pause on a device that
 * qualifies, with `?map=live`, or when the reader opens explore mode). Everything it draws comes from
 * our own origin: the committed TopoJSON, MapLibre's worker, and local fonts (no `glyphs`, so text is
 * rendered with the system's CJK font). One instance per page: `moveTo()` carries it from one map
 * section to the next. It shows the same resolved states the static SVG was drawn from, with the same
 * camera maths, colours and sizes; the style is a pure function of the state (live-style.ts) applied
 * as a diff of feature states, so a state change never re-tiles the source.
 */
// First: MapLibre's code in this chunk is evaluated only once this lets it (a reading pause).
import './evaluation-gate.ts';
import {
  clearPrewarmedResources,
  Map as MapLibre,
  prewarm,
  setWorkerUrl,
  type GeoJSONSource,
  type LayerSpecification,
  type MapLayerMouseEvent,
  type SourceSpecification,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import topoUrl from '../../data/geo/tongliao.topo.json?url';
import type { Topology } from 'topojson-specification';
import { fromMapZoom, moveCamera, VIEW, type LngLat } from './camera.ts';
import { EXTENT, mapLayers } from './layers.ts';
import { buildScene, diffFeatureStates, featureStates, type FeatureState } from './live-style.ts';
import { glyphSlices, nextTask } from './loader.ts';
import { diffStyle, LAST_STAGE, SOURCE, styleFor, withLayersUpTo } from './maplibre-style.ts';
import { installWorkerGate, setMessageGate } from './worker-gate.ts';
import type { ClientState, MapBase } from './model.ts';
import { MAP_FONT } from './style.ts';

setWorkerUrl(workerUrl);
// MapLibre's worker answers wait for a pause while a gesture is in progress (worker-gate.ts).
installWorkerGate(workerUrl, nextTask);

/** A map that has not rendered by then is given up (a worker that never answers, a stalled context). */
const START_TIMEOUT_MS = 30_000;
/**
 * The style the map is created with: nothing yet, but a style (and its glyph cache) to fill. No
 * transitions: a state or a start-up stage is drawn in one frame (MapLibre would otherwise animate
 * every changed paint property for 300 ms, a render per frame, while the map is still hidden).
 */
export const EMPTY_STYLE: StyleSpecification = { version: 8, sources: {}, layers: [], transition: { duration: 0, delay: 0 } };
/**
 * The pixel ratio the hidden map starts at: its drawing buffer an eighth of the box's width and
 * height. Every start-up frame (the tiles' uploads, each stage's new shader programs) then draws
 * 1/64 of the pixels; on a software renderer drawing the pixels was half of each such frame. The
 * transform (and so the tiles, the placement, the camera) is in CSS px and does not change with it;
 * the map's own pixel ratio comes in a slice of its own at the end, before the map is shown (its
 * caller shows it after `rendered()`, the first frame at that ratio).
 */
export const START_PIXEL_RATIO = 1 / 8;

export interface LiveMap {
  /** Show the state `key` (one of the states the map was created with); `animate` eases the camera. */
  show(key: string, opts: { animate: boolean }): void;
  /** Move the map into another map section's box (one instance per page). */
  moveTo(box: HTMLElement): void;
  /** The camera in the spec's terms (zoom for the 600-unit reference width), for the debug view. */
  getCamera(): { center: LngLat; zoom: number; bearing: number; pitch: number };
  /** Explore mode: pan, zoom, hover/tap for names and figures. Off: a non-interactive scroll graphic. */
  setExplore(on: boolean): void;
  /** The container changed size (explore overlay, rotation). */
  resize(): void;
  /** Resolves after the map has drawn everything it was asked to (for a seamless fade-in). */
  idle(): Promise<void>;
  /**
   * Resolves once the map has painted a frame with everything it was asked to so far (MapLibre's
   * `idle` after a forced repaint): the state on the canvas is the state last `show`n. While renders
   * are held (a gesture) that frame waits for the next pause.
   */
  rendered(): Promise<void>;
  destroy(): void;
}

export interface LiveMapEvents {
  /** The WebGL context was lost: show the static SVG until `restored`. */
  lost(): void;
  /** MapLibre rebuilt its resources and rendered the current state again. */
  restored(): void;
}

export interface LiveMapOptions {
  base: MapBase;
  /** Every state of the page, by key (graphic/state): one source holds them all. */
  states: Record<string, ClientState>;
  /** The key shown first. */
  initial: string;
  /** The canvas's pixels per CSS px (device.ts: `livePixelRatio`). */
  pixelRatio: number;
  events: LiveMapEvents;
  /** Resolves when the next slice of start-up may run (a reading pause, or the next task). */
  gate: () => Promise<void>;
  /**
   * True while MapLibre must not render (a scroll gesture in progress; explore mode excepted): a
   * frame MapLibre asks for then waits for `whenFree()`, so no render, tile upload, placement or
   * camera frame lands in a gesture.
   */
  held: () => boolean;
  /** Resolves when held renders may run again (the next reading pause). */
  whenFree: () => Promise<void>;
}

/** The font stack of every symbol layer (`text-font: ['sans-serif']`), as MapLibre keys its glyphs. */
const LABEL_STACK = 'sans-serif';

/** MapLibre's glyph manager (internal, checked against maplibre-gl 6.17): where its glyphs are drawn and cached. */
interface GlyphManager {
  getGlyphs(glyphs: Record<string, Record<string, string[]>>): Promise<unknown>;
}

/**
 * Draws the label texts' glyphs into MapLibre's cache, `GLYPHS_PER_SLICE` per slice, each slice after
 * `gate()`. Without the internal glyph manager (another MapLibre version) it does nothing: the glyphs
 * are then drawn when the stages ask for them, as before.
 */
async function warmGlyphs(
  map: MapLibre,
  features: readonly { properties: { kind?: string; name?: string } | null }[],
  gate: () => Promise<void>,
) {
  const gm = (map as unknown as { style?: { glyphManager?: Partial<GlyphManager> } }).style?.glyphManager;
  if (typeof gm?.getGlyphs !== 'function') return;
  const texts = features.flatMap((f) => (f.properties?.kind?.endsWith('label') && f.properties.name ? [f.properties.name] : []));
  for (const slice of glyphSlices(texts)) {
    await gate();
    performance.mark('map:glyph-slice');
    await (gm as GlyphManager).getGlyphs({ [LABEL_STACK]: { default: slice } });
  }
}

/**
 * Resolves once a GeoJSON source has no update on its way to the worker or waiting (MapLibre's
 * internal update queue, checked against maplibre-gl 6.17: `flush()` resolves when it is idle; at
 * once when there is none to ask: another version). An event, not a poll: a loop of slices on
 * `scheduler.yield()` would starve the worker's answer (its continuations run before other tasks).
 */
export function updatesDone(source: object): Promise<void> {
  const q = (source as { _workerUpdates?: { isIdle?: () => boolean; flush?: () => Promise<void> } })._workerUpdates;
  if (typeof q?.isIdle !== 'function' || typeof q.flush !== 'function' || q.isIdle()) return Promise.resolve();
  return q.flush();
}

/** MapLibre's style (internal, checked against maplibre-gl 6.17): adds a layer without validating it. */
interface InternalStyle {
  addLayer(layer: LayerSpecification, before?: string, options?: { validate?: boolean }): void;
}

/**
 * Adds `style`'s source (the first time) and the layers of stage `stage` to `map`, in paint order.
 * Direct calls, not `setStyle(…, { diff: true })`: MapLibre's diff validates each layer it adds against
 * a serialization of the whole style, a third of the cost.
 */
function addLayers(map: MapLibre, style: StyleSpecification, stage: number) {
  if (!map.getSource(SOURCE)) map.addSource(SOURCE, style.sources[SOURCE] as SourceSpecification);
  const internal = (map as unknown as { style?: Partial<InternalStyle>; _update?: (styleChanged: boolean) => void }).style;
  const add = (l: LayerSpecification, before: string | undefined) =>
    typeof internal?.addLayer === 'function' ? internal.addLayer(l, before, { validate: false }) : map.addLayer(l, before);
  const wanted = new Set(withLayersUpTo(style, stage).layers.map((l) => l.id));
  // From the top down, so each layer goes below the next one in paint order that the map has.
  let above: string | undefined;
  for (const l of [...style.layers].reverse()) {
    if (!map.getLayer(l.id) && wanted.has(l.id)) add(l, above);
    if (map.getLayer(l.id)) above = l.id;
  }
  (map as unknown as { _update?: (styleChanged: boolean) => void })._update?.(true);
}

/**
 * The context attributes MapLibre asks for (checked against maplibre-gl 6.17: its default
 * `canvasContextAttributes` and what `_setupPainter` adds). A canvas has one context: `getContext`
 * returns the one made first, whatever attributes a later call asks for.
 */
export const GL_ATTRIBUTES: WebGLContextAttributes = {
  antialias: false,
  preserveDrawingBuffer: false,
  powerPreference: 'high-performance',
  failIfMajorPerformanceCaveat: false,
  desynchronized: false,
  alpha: true,
  depth: true,
  stencil: true,
  premultipliedAlpha: true,
};

/**
 * Runs `make` with `canvas` (when given) handed out as the first `<canvas>` that `doc.createElement`
 * makes meanwhile: MapLibre creates its canvas that way in its constructor, and so finds the context
 * made on `canvas` in an earlier slice. `doc.createElement` is itself again afterwards, thrown or not.
 */
export function withCanvas<T>(canvas: HTMLCanvasElement | null, make: () => T, doc: Pick<Document, 'createElement'> = document): T {
  if (!canvas) return make();
  let spare: HTMLCanvasElement | null = canvas;
  const own = Object.prototype.hasOwnProperty.call(doc, 'createElement');
  const original = doc.createElement;
  (doc as { createElement: unknown }).createElement = function (this: unknown, tag: string, ...rest: unknown[]) {
    if (spare && String(tag).toLowerCase() === 'canvas') {
      const c = spare;
      spare = null;
      return c;
    }
    return (original as (...a: unknown[]) => unknown).call(this, tag, ...rest);
  };
  try {
    return make();
  } finally {
    if (own) (doc as { createElement: unknown }).createElement = original;
    else delete (doc as { createElement?: unknown }).createElement;
  }
}

/**
 * Create the map inside `box` (hidden until the caller fades it in) and resolve once it has rendered
 * the initial state at 1/8 of its pixel ratio and has been given its own (the caller waits for
 * `rendered()` before showing it). Start-up runs in slices, each after `gate()`: fetching, building the one source,
 * `new Map()` alone in its task, then MapLibre's own frames. Rejects (leaving nothing behind: no
 * element, no WebGL context) when the worker is missing, the map reports an error before its first
 * render or it has not rendered in 30 s.
 */
export async function createLiveMap(box: HTMLElement, o: LiveMapOptions): Promise<LiveMap> {
  const [topoRes, workerRes] = await Promise.all([fetch(topoUrl), fetch(workerUrl, { method: 'HEAD' })]);
  if (!workerRes.ok) throw new Error(`MapLibre's worker ${workerUrl}: HTTP ${workerRes.status}`);
  if (!topoRes.ok) throw new Error(`${topoUrl}: HTTP ${topoRes.status}`);
  const topo = (await topoRes.json()) as Topology;
  /**
   * The start timeout (set once the first render is asked for) does not run while a slice waits for
   * `o.gate()`: that waits for reading pauses and while the reader is away from every map section
   * (enhance.ts), as long as they like; the 30 s are for a worker or a context that does not answer.
   */
  let timer = 0;
  let waiting = 0;
  let onTimeout: (() => void) | null = null;
  const arm = () => {
    window.clearTimeout(timer);
    if (onTimeout && waiting === 0) timer = window.setTimeout(onTimeout, START_TIMEOUT_MS);
  };
  const gate = (): Promise<void> => {
    waiting++;
    window.clearTimeout(timer);
    return o.gate().finally(() => {
      waiting--;
      arm();
    });
  };
  await gate();
  performance.mark('map:scene');
  const scene = buildScene(mapLayers(topo), o.base, o.states);
  await gate();
  const container = document.createElement('div');
  container.className = 'story-map__gl';
  container.setAttribute('aria-hidden', 'true');
  const tooltip = document.createElement('p');
  tooltip.className = 'story-map__tip';
  tooltip.hidden = true;
  box.append(container, tooltip);
  // Text and circles scale with the box like the SVG does; in explore mode (full screen) they keep the
  // size they had in the story instead of growing with the screen.
  let storyWidth = container.clientWidth;
  let exploring = false;
  const styleWidth = () => (exploring ? storyWidth : (storyWidth = container.clientWidth));
  let key = o.initial;
  let current = o.states[key] as ClientState;
  if (!current) throw new Error(`no state "${key}"`);
  /** The start-up stage reached: the style draws the layers of stages 0..stage (maplibre-style.ts). */
  let stage = 0;

  // `new Map()` (WebGL context, worker) in a task of its own, and its first render in a later frame.
  let starting = true;
  /**
   * Until start-up is done, MapLibre's worker answers come one per slice (each after `gate()`), and a
   * render asked for in the task of an answer waits for the next slice: an answer (a tile's buffers
   * deserialized, its feature states set up) and a render (placement, uploads, first draws) are long
   * enough each; together they were the longest frame of start-up.
   */
  let booting = true;
  /** A slice was granted to the next worker answer. */
  let turn = false;
  /**
   * A worker answer was handed over and its frame has not passed yet. After start-up too (a zoomed
   * step's new tiles, explore mode excepted): the answer's frame draws nothing, the render comes in a
   * later frame, and the next answer waits for a frame to have passed (one answer per frame). Measured:
   * two answers and their render in one frame were 147 ms (answers 24 ms, render 121 ms).
   */
  let answered = false;
  /** Resolves after the next frame (a rendering opportunity) has passed: the answer's frame is over. */
  let frameOver: Promise<void> | null = null;
  const afterFrame = (): Promise<void> =>
    (frameOver ??= new Promise<void>((resolve) =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          frameOver = null;
          answered = false;
          resolve();
        }, 0),
      ),
    ));
  /**
   * The next render waits for a frame of its own: set after the pixel ratio's resize (a canvas and
   * its buffers reallocated at full size, 40–65 ms on SwiftShader), whose task would otherwise share
   * a frame with the first full-size render (measured together: 148 ms).
   */
  let alone = false;
  let lost = false;
  let removed = false;
  setMessageGate({
    held: () => !removed && !exploring && (o.held() || (booting ? !turn : answered)),
    whenFree: () =>
      booting
        ? gate().then(() => {
            turn = true;
          })
        : o.held()
          ? o.whenFree()
          : afterFrame(),
    delivered: () => {
      turn = false;
      if (!exploring) answered = true;
    },
  });
  // MapLibre's worker, started in a slice of its own (MapLibre would start it in the empty style's).
  await gate();
  performance.mark('map:worker');
  prewarm();
  // The WebGL context first, in a slice of its own (on a software renderer it is the longest part of
  // `new Map()`); MapLibre gets it with the canvas (withCanvas).
  await gate();
  performance.mark('map:context');
  const canvas = document.createElement('canvas');
  const gl = typeof canvas.getContext === 'function' ? canvas.getContext('webgl2', GL_ATTRIBUTES) : null;
  await nextTask();
  if (removed) {
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    throw new Error('removed');
  }
  performance.mark('map:create');
  // No style yet: MapLibre loads a style in the next animation frame, which would land in the frame of
  // this task (a long one: the WebGL context). The empty style comes in a slice of its own below.
  const map = withCanvas(
    gl ? canvas : null,
    () =>
      new MapLibre({
        container,
        validateStyle: false,
        center: [current.c[0], current.c[1]],
        zoom: current.c[2] + Math.log2(container.clientWidth / VIEW.width),
        interactive: false,
        attributionControl: false,
        renderWorldCopies: false,
        fadeDuration: 0,
        localIdeographFontFamily: MAP_FONT,
        pixelRatio: Math.min(START_PIXEL_RATIO, o.pixelRatio),
      }),
  );

  // MapLibre draws in `_render`, which `triggerRepaint` calls from an animation frame (a private
  // method, looked up on the instance each time: checked against maplibre-gl 6.17). While renders
  // are held the frame is dropped and asked for again in the next pause.
  const internal = map as unknown as { _render: (t: number) => unknown };
  const renderNow = internal._render.bind(map);
  let deferred = false;
  const deferRender = (until: () => Promise<void>) => {
    if (deferred) return;
    deferred = true;
    void until().then(() => {
      deferred = false;
      if (!removed) map.triggerRepaint();
    });
  };
  internal._render = (t: number) => {
    if (!removed && !exploring && (starting || o.held())) {
      deferRender(o.whenFree);
      return map;
    }
    if (!removed && !exploring && (answered || alone)) {
      // A worker answer (or the resize) was handled in this frame's tasks: the render in a frame of
      // its own (while starting, in the next slice; afterwards, after this frame).
      answered = false;
      alone = false;
      deferRender(booting ? gate : afterFrame);
      return map;
    }
    return renderNow(t);
  };

  /** What the map has now, as the setters last applied it (null: nothing yet, or a restored context). */
  let applied: { style: StyleSpecification; features: Map<number, FeatureState> } | null = null;
  /**
   * Whether feature states are set. Not before the first tiles have been drawn: MapLibre sets up every
   * state on each bucket of a tile as it arrives, and a slice of its own for them splits that frame.
   */
  let withStates = false;

  /**
   * Shows state `k2`: the diff between the style the map has and `styleFor` the state (at the
   * container's width and the stage reached), one setter per property, and the feature states that differ.
   */
  const apply = (k2: string, s: ClientState) => {
    const style = styleFor(s, { width: styleWidth(), stage });
    const features = withStates ? featureStates(scene, k2, s) : new Map<number, FeatureState>();
    for (const op of diffStyle(applied?.style ?? null, style)) {
      if (op.kind === 'layout') map.setLayoutProperty(op.layer, op.property as never, op.value as never, { validate: false });
      else map.setPaintProperty(op.layer, op.property as never, op.value as never, { validate: false });
    }
    for (const [id, state] of diffFeatureStates(applied?.features ?? null, features))
      map.setFeatureState({ source: SOURCE, id }, state as Record<string, unknown>);
    applied = { style, features };
  };

  const showTip = (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (!f) return;
    const code = String(f.properties['code']);
    const value = current.v[code];
    const projects = current.m.filter((m) => m[5] === code).map((m) => m[4]);
    tooltip.textContent = [f.properties['name'], value, projects.length > 0 ? `项目：${projects.join('、')}` : '']
      .filter(Boolean)
      .join(' · ');
    tooltip.hidden = false;
  };
  const hideTip = () => {
    tooltip.hidden = true;
  };

  // MapLibre keeps the context restorable (preventDefault on loss) and rebuilds its painter on restore.
  // While it is lost nothing is sent to the map; on restore the current state is applied.
  map.on('webglcontextlost', () => {
    lost = true;
    o.events.lost();
  });
  map.on('webglcontextrestored', () => {
    lost = false;
    try {
      // The style and feature states live on in MapLibre (only its GPU resources were rebuilt): what
      // changed while the context was lost is the diff from what was applied before.
      apply(key, current);
      moveCamera(map, { center: [current.c[0], current.c[1]], zoom: current.c[2] }, { animate: false });
    } catch {
      /* the next restore or state change tries again */
    }
    map.once('idle', () => o.events.restored());
  });

  const destroy = () => {
    if (removed) return;
    removed = true;
    setMessageGate(null);
    try {
      map.remove();
    } finally {
      container.remove();
      tooltip.remove();
      // The worker prewarm() started (the pool keeps it otherwise).
      try {
        clearPrewarmedResources();
      } catch {
        /* nothing to clear */
      }
    }
  };

  // An 'error' without a listener would be logged to the console; before the first render it means
  // the map cannot start (the caller keeps the SVG), afterwards a failed update leaves the last picture.
  let failStart: ((e: Error) => void) | null = null;
  map.on('error', (e) => failStart?.(new Error(e.error.message)));
  const rendered = () =>
    new Promise<void>((resolve) => {
      if (lost || removed) return resolve();
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
  try {
    // The empty style (its glyph cache is filled ahead of the labels; the real style's layers and the
    // source's data come in later slices; we write it, so MapLibre need not validate it), set in a slice
    // after `new Map()`, loads in the frame after it. Then the labels' glyphs, a few per slice, before
    // any layer asks for them: MapLibre draws each one (canvas text and a distance transform, on the
    // main thread) when the worker first asks for it, and it asks for all of them at once.
    await gate();
    if (removed) throw new Error('removed');
    performance.mark('map:style');
    const styled = new Promise<void>((resolve) => map.once('style.load', () => resolve()));
    map.setStyle(EMPTY_STYLE, { validate: false });
    await styled;
    await warmGlyphs(map, scene.data.features, gate);
    performance.mark('map:glyphs');
    // Every layer, the first stage's style, a stage's layers per slice while the source is empty (no
    // tiling yet), added onto the empty style (which keeps its glyph cache).
    const first = styleFor(current, { width: styleWidth(), stage });
    for (let j = 0; j <= LAST_STAGE; j++) {
      await gate();
      if (removed) throw new Error('removed');
      performance.mark('map:layers');
      addLayers(map, first, j);
    }
    applied = { style: first, features: new Map() };
    apply(key, current);
    // The data, tiled once for every layer (they are all visible), in a slice of its own: the worker
    // tiles it meanwhile, and its answer is handled in a pause (worker-gate.ts).
    const source = map.getSource<GeoJSONSource>(SOURCE);
    if (!source) throw new Error(`the live map's style has no source "${SOURCE}"`);
    // MapLibre sends a source's updates to the worker one after the other: the data (serialized on
    // the main thread, ~80 ms at 4× CPU) would go out in the task that hands over the answer to the
    // empty source's update, wherever the message gate lets that through (measured: in the first
    // render's frame, 234 ms). So the data waits, slice by slice, until that answer is in, and is sent
    // in a slice of its own.
    await updatesDone(source);
    await gate();
    if (removed) throw new Error('removed');
    performance.mark('map:data');
    const loaded = source.setData(scene.data);
    loaded.catch(() => undefined); // (handled below; not an unhandled rejection meanwhile)
    // The first render, in a later slice.
    await gate();
    if (removed) throw new Error('removed');
    starting = false;
    performance.mark('map:render');
    await new Promise<void>((resolve, reject) => {
      failStart = reject;
      onTimeout = () => reject(new Error(`the live map did not render in ${START_TIMEOUT_MS / 1000} s of slices`));
      arm();
      loaded.catch(reject);
      void rendered().then(() => {
        performance.mark('map:first-idle');
        resolve();
      });
    });
    // The feature states, now that the tiles are in, in a slice of their own.
    await gate();
    if (removed) throw new Error('removed');
    withStates = true;
    apply(key, current);
    await rendered();
    performance.mark('map:states');
    // The later stages, each in a slice of its own: a constant opacity each, no re-tiling.
    while (stage < LAST_STAGE) {
      await gate();
      if (removed) throw new Error('removed');
      stage++;
      apply(key, current);
      await rendered();
      performance.mark('map:stage');
    }
    // The map's own pixel ratio (every program compiled, every tile uploaded by now). Its first frame
    // at it is the one the caller waits for before showing the map (`rendered()`): a frame of our own
    // here would be a second full-size render in a row (measured 120–130 ms each on SwiftShader).
    await gate();
    if (removed) throw new Error('removed');
    map.setPixelRatio(o.pixelRatio);
    alone = true;
    performance.mark('map:full-res');
    booting = false;
  } catch (e) {
    // Nothing of a map that did not start stays in the page: its element, its canvas, its WebGL context.
    destroy();
    throw e;
  } finally {
    failStart = null;
    onTimeout = null;
    window.clearTimeout(timer);
  }

  const idle = () =>
    new Promise<void>((resolve) => (lost || (!map.isMoving() && map.loaded()) ? resolve() : map.once('idle', () => resolve())));

  return {
    show(k2, opts) {
      const s = o.states[k2];
      if (!s) return;
      key = k2;
      current = s;
      if (lost || removed) return;
      apply(k2, s);
      if (!exploring) moveCamera(map, { center: [s.c[0], s.c[1]], zoom: s.c[2] }, opts);
    },
    moveTo(next) {
      if (container.parentElement === next) return;
      const was = container.clientWidth;
      next.append(container, tooltip);
      if (lost || removed) return;
      // Map sections of a page have the same size as a rule: then the move costs no re-layout at all.
      if (container.clientWidth !== was) {
        map.resize();
        apply(key, current);
      }
      moveCamera(map, { center: [current.c[0], current.c[1]], zoom: current.c[2] }, { animate: false });
    },
    getCamera() {
      const c = map.getCenter();
      const r = (v: number) => Math.round(v * 1e4) / 1e4;
      return {
        center: [r(c.lng), r(c.lat)],
        zoom: r(fromMapZoom(map.getZoom(), container.clientWidth)),
        bearing: map.getBearing(),
        pitch: map.getPitch(),
      };
    },
    setExplore(on) {
      exploring = on;
      const handlers = [map.dragPan, map.scrollZoom, map.doubleClickZoom, map.keyboard, map.touchZoomRotate];
      for (const h of handlers) {
        if (on) h.enable();
        else h.disable();
      }
      if (on) map.touchZoomRotate.disableRotation();
      // Explorers stay within the geometry's extent; story cameras are never constrained (they must match the SVG).
      map.setMaxBounds(
        on
          ? [
              [EXTENT[0], EXTENT[1]],
              [EXTENT[2], EXTENT[3]],
            ]
          : null,
      );
      container.classList.toggle('is-interactive', on);
      // In the story the canvas is decoration (the SVG underneath carries the description); exploring,
      // it is a control that keyboard users can reach and pan with the arrow keys.
      if (on) container.removeAttribute('aria-hidden');
      else container.setAttribute('aria-hidden', 'true');
      const canvas = map.getCanvas();
      canvas.tabIndex = on ? 0 : -1;
      canvas.setAttribute('aria-label', '可探索的地图：拖动或用方向键平移，滚轮、双指或加减号缩放');
      if (on) {
        map.on('mousemove', 'fill', showTip);
        map.on('click', 'fill', showTip);
        map.on('mouseleave', 'fill', hideTip);
      } else {
        map.off('mousemove', 'fill', showTip);
        map.off('click', 'fill', showTip);
        map.off('mouseleave', 'fill', hideTip);
        hideTip();
      }
    },
    resize() {
      if (lost || removed) return;
      map.resize();
      apply(key, current);
      if (!exploring) moveCamera(map, { center: [current.c[0], current.c[1]], zoom: current.c[2] }, { animate: false });
    },
    idle,
    rendered,
    destroy,
  };
}
