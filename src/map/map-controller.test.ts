/**
 * The live map's start-up, pinned structurally (not by timings) with MapLibre replaced by a recorder:
 * one MapLibre instance, created alone in its slice with no style (the empty style set in a later one); one GeoJSON source for every
 * state of the page; the labels' glyphs drawn a few per slice, each slice after a gate (a reading
 * pause), before the stages that show labels.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { glyphSlices, GLYPHS_PER_SLICE } from './loader.ts';
import type { LiveMapOptions } from './map-controller.ts';
import type { ClientState, MapBase } from './model.ts';

const log: string[] = [];
const instances: FakeMap[] = [];
/** Whether the source's first (empty) update has been answered by the worker. */
const updates = { idle: false, waiting: [] as (() => void)[] };

class FakeMap {
  sources: string[] = [];
  private handlers = new Map<string, (() => void)[]>();
  layers: string[] = [];
  style: {
    glyphManager: { getGlyphs(g: Record<string, Record<string, string[]>>): Promise<unknown> };
    addLayer(l: { id: string; paint?: Record<string, unknown> }, before: string | undefined, o: { validate?: boolean }): void;
  };
  container: { clientWidth: number };
  constructor(o: {
    container: { clientWidth: number };
    style?: { sources: Record<string, unknown>; layers: unknown[] };
    pixelRatio?: number;
  }) {
    this.container = o.container;
    log.push(`pixelRatio ${o.pixelRatio}`);
    instances.push(this);
    // MapLibre makes its canvas with document.createElement and asks it for a WebGL2 context.
    const canvas = (globalThis as unknown as { document: { createElement(t: string): Record<string, unknown> } }).document.createElement(
      'canvas',
    );
    log.push(canvas['context'] ? 'canvas with its context' : 'canvas without a context');
    log.push(`new Map ${o.style ? `${o.style.layers.length} layer(s)` : 'no style'}`);
    this.style = {
      addLayer: (l, before, opts) => {
        if (opts.validate !== false) log.push('validated');
        const at = before === undefined ? this.layers.length : this.layers.indexOf(before);
        if (at < 0) throw new Error(`no layer ${before}`);
        this.layers.splice(at, 0, l.id);
        if (Object.entries(l.paint ?? {}).some(([k, v]) => k.endsWith('opacity') && v === 1)) log.push(`show ${l.id}`);
      },
      glyphManager: {
        getGlyphs: async (g) => {
          log.push(`glyphs ${Object.entries(g).map(([stack, v]) => `${stack}:${(v['default'] ?? []).length}`)}`);
          return {};
        },
      },
    };
  }
  _render() {
    log.push('render');
    return this;
  }
  triggerRepaint() {
    setTimeout(() => this.emit('idle'), 0);
  }
  on() {
    return this;
  }
  once(type: string, f: () => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), f]);
    return this;
  }
  emit(type: string) {
    const fs = this.handlers.get(type) ?? [];
    this.handlers.delete(type);
    fs.forEach((f) => f());
  }
  setStyle(st: { layers: unknown[]; transition?: { duration?: number } } | null) {
    log.push(`setStyle ${st ? `${st.layers.length} layer(s)` : 'null'}`);
    if (st?.transition?.duration !== 0) log.push('transitions');
    setTimeout(() => this.emit('style.load'), 0);
  }
  addSource(id: string) {
    this.sources.push(id);
    log.push(`addSource ${id}`);
    // the worker answers the empty source's update a while later (after every layer's slice)
    setTimeout(() => {
      updates.idle = true;
      log.push('updates idle');
      updates.waiting.splice(0).forEach((f) => f());
    }, 50);
  }
  getLayer(id: string) {
    return this.layers.includes(id) ? { id } : undefined;
  }
  addLayer() {
    log.push('validated');
  }
  _update() {}
  source: object | null = null;
  getSource(id: string) {
    if (!this.sources.includes(id)) return undefined;
    this.source ??= {
      // MapLibre's update queue: the empty source's update is answered when the test says so
      _workerUpdates: {
        isIdle: () => updates.idle,
        flush: () => (updates.idle ? Promise.resolve() : new Promise<void>((r) => updates.waiting.push(r))),
      },
      setData: async (d: { features: unknown[] }) => {
        log.push(`setData ${d.features.length} feature(s)${updates.idle ? '' : ' while an update is on its way'}`);
        setTimeout(() => this.emit('idle'), 0);
      },
    };
    return this.source;
  }
  setLayoutProperty(id: string, k: string) {
    if (k === 'visibility') log.push(`visibility ${id}`);
  }
  setPixelRatio(p: number) {
    log.push(`pixelRatio ${p}`);
  }
  setPaintProperty(id: string, k: string, v: unknown) {
    if (k.endsWith('opacity') && v === 1) log.push(`show ${id}`);
  }
  setFeatureState() {
    if (!log.at(-1)?.startsWith('setFeatureState')) log.push('setFeatureState');
  }
  getContainer() {
    return this.container;
  }
  jumpTo() {}
  easeTo() {}
  isStyleLoaded() {
    return true;
  }
  isMoving() {
    return false;
  }
  loaded() {
    return true;
  }
  remove() {}
}

vi.mock('maplibre-gl', () => ({
  Map: FakeMap,
  setWorkerUrl: () => undefined,
  prewarm: () => log.push('prewarm'),
  clearPrewarmedResources: () => undefined,
}));
vi.mock('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url', () => ({ default: '/worker.js' }));
vi.mock('../../data/geo/tongliao.topo.json?url', () => ({ default: '/topo.json' }));

const TOPO = readFileSync(new URL('../../data/geo/tongliao.topo.json', import.meta.url), 'utf8');

function el(): Record<string, unknown> {
  const e: Record<string, unknown> = {
    clientWidth: 390,
    clientHeight: 420,
    className: '',
    hidden: false,
    setAttribute() {},
    classList: { toggle() {} },
    append(...kids: unknown[]) {
      for (const k of kids) (k as Record<string, unknown>)['parentElement'] = e;
    },
    remove() {},
    getContext(type: string) {
      log.push(`context ${type}`);
      e['context'] = { getExtension: () => null };
      return e['context'];
    },
  };
  return e;
}

describe('glyphSlices()', () => {
  it('slices the distinct characters of the texts, without blanks', () => {
    expect(glyphSlices(['科尔沁区', '开鲁县 科尔沁'], 3)).toEqual([['科', '尔', '沁'], ['区', '开', '鲁'], ['县']]);
    expect(glyphSlices([])).toEqual([]);
    expect(() => glyphSlices(['a'], 0)).toThrow(/perSlice/);
  });
});

describe('withCanvas()', () => {
  it('hands out the canvas once, to the first canvas asked for, and restores createElement, thrown or not', async () => {
    const { withCanvas } = await import('./map-controller.ts');
    const made: string[] = [];
    const doc = { createElement: (t: string) => (made.push(t), { made: t }) } as unknown as Pick<Document, 'createElement'>;
    const original = doc.createElement;
    const mine = { mine: true } as unknown as HTMLCanvasElement;
    const got = withCanvas(mine, () => [doc.createElement('div'), doc.createElement('canvas'), doc.createElement('canvas')], doc);
    expect(got[0]).toEqual({ made: 'div' });
    expect(got[1]).toBe(mine);
    expect(got[2]).toEqual({ made: 'canvas' });
    expect(made).toEqual(['div', 'canvas']);
    expect(doc.createElement).toBe(original);
    expect(() =>
      withCanvas(
        mine,
        () => {
          throw new Error('no WebGL');
        },
        doc,
      ),
    ).toThrow('no WebGL');
    expect(doc.createElement).toBe(original);
    expect(withCanvas(null, () => doc.createElement('canvas'), doc)).toEqual({ made: 'canvas' });
  });
});

describe('createLiveMap(): the start-up', () => {
  /** What every start-up test passes: its own states and gate; nothing held, no pause to wait for. */
  const startOptions = (base: MapBase, states: Record<string, ClientState>, gate: () => Promise<void>): LiveMapOptions => ({
    base,
    states,
    initial: 'where/city',
    pixelRatio: 2,
    events: { lost() {}, restored() {} },
    gate,
    held: () => false,
    whenFree: async () => undefined,
  });
  const saved: Record<string, PropertyDescriptor | undefined> = {};
  const put = (k: string, v: unknown) => {
    saved[k] = Object.getOwnPropertyDescriptor(globalThis, k);
    Object.defineProperty(globalThis, k, { value: v, configurable: true, writable: true });
  };
  beforeAll(() => {
    put('document', { createElement: () => el() });
    put('window', { setTimeout, clearTimeout });
    put('devicePixelRatio', 3);
    put('requestAnimationFrame', (f: (t: number) => void) => setTimeout(() => f(0), 0));
    put('fetch', async (url: string) => new Response(url === '/topo.json' ? TOPO : '', { status: 200 }));
  });
  afterAll(() => {
    for (const [k, d] of Object.entries(saved)) {
      if (d) Object.defineProperty(globalThis, k, d);
      else delete (globalThis as Record<string, unknown>)[k];
    }
  });

  it('creates one MapLibre instance with one source, and draws the label glyphs a few per gated slice before the label stages', async () => {
    const [{ createLiveMap }, { fixture }, { MapSpec }, model] = await Promise.all([
      import('./map-controller.ts'),
      import('./test-fixture.ts'),
      import('./spec.ts'),
      import('./model.ts'),
    ]);
    const spec = MapSpec.parse({
      kind: 'map',
      title: '测试地图',
      states: { city: { projects: 'all' }, horqin: { camera: { fit: ['150502', 'etdz'] }, highlight: ['150502'] } },
    });
    const states = Object.fromEntries(
      Object.keys(spec.states).map((k) => [`where/${k}`, model.clientState(model.resolveMapState(spec, k, fixture))]),
    );
    const { messageGate } = await import('./worker-gate.ts');
    let gates = 0;
    /** What the message gate and the render did in a stage slice of start-up (checked once, below). */
    let booting: Record<string, unknown> | null = null;
    let probing = false;
    let early: boolean | null = null;
    const probe = async () => {
      const mg = messageGate();
      const fake = instances[0] as unknown as { _render(t: number): unknown };
      if (!mg) throw new Error('no message gate during start-up');
      const seen: Record<string, unknown> = { heldBefore: mg.held() };
      let n = log.length;
      fake._render(0);
      seen['renderWithoutAnswer'] = log.slice(n).includes('render');
      await mg.whenFree();
      seen['heldAfterSlice'] = mg.held();
      mg.delivered?.();
      seen['heldAfterAnswer'] = mg.held();
      n = log.length;
      fake._render(0);
      seen['renderAfterAnswer'] = log.slice(n).includes('render');
      booting = seen;
    };
    const map = await createLiveMap(
      el() as never,
      startOptions(model.mapBase(fixture), states, async () => {
        gates++;
        log.push('gate');
        if (early === null && log.some((l) => l.startsWith('glyphs ')) && instances[0]) {
          // before the layers: MapLibre's renders wait (the first frames come with the layers slices)
          const n = log.length;
          (instances[0] as unknown as { _render(t: number): unknown })._render(0);
          early = log.slice(n).includes('render');
        }
        if (!probing && !booting && log.includes('setFeatureState')) {
          probing = true;
          await probe();
        }
      }),
    );
    expect(instances).toHaveLength(1);
    expect(instances[0]?.sources).toEqual(['map']);
    // new Map() in a slice of its own, without a style (MapLibre would load it in the frame of that
    // slice): the empty style comes after a gate, its layers after another, the data after another
    const create = log.indexOf('new Map no style');
    expect(create).toBeGreaterThan(0);
    // the WebGL context made in a slice before (a gate between), on the canvas MapLibre then gets
    const context = log.indexOf('context webgl2');
    expect(context).toBeGreaterThan(0);
    expect(log.slice(0, context)).toContain('gate');
    expect(log.slice(context + 1, create)).toContain('canvas with its context');
    expect(log).not.toContain('canvas without a context');
    const empty = log.indexOf('setStyle 0 layer(s)');
    expect(log.slice(create + 1, empty)).toContain('gate');
    const style = log.findIndex((l) => l.startsWith('addSource'));
    const data = log.findIndex((l) => l.startsWith('setData'));
    // the data goes to the worker only once the empty source's update is answered (MapLibre would
    // send it, ~80 ms of serializing, in the task of that answer), in a slice of its own
    expect(log[data]).toBe(`setData ${log[data]?.split(' ')[1]} feature(s)`);
    expect(log.indexOf('updates idle')).toBeGreaterThan(0);
    expect(log.indexOf('updates idle')).toBeLessThan(data);
    expect(log.slice(empty + 1, style)).toContain('gate');
    expect(log.slice(style + 1, data)).toContain('gate');
    // every layer is in the style from the start and none is ever hidden by `visibility` (which re-tiles)
    expect(log.some((l) => l.startsWith('visibility'))).toBe(false);
    // added directly (not validated, not setStyle), a stage per gated slice, ending in the style's paint order
    expect(log).not.toContain('validated');
    expect(log.filter((l) => l.startsWith('setStyle'))).toEqual(['setStyle 0 layer(s)']);
    // no paint transitions (each would be 300 ms of renders while the map is hidden)
    expect(log).not.toContain('transitions');
    const { styleFor, LAST_STAGE, STAGES } = await import('./maplibre-style.ts');
    expect(instances[0]?.layers).toEqual(styleFor(states['where/city']!, { width: 390, stage: LAST_STAGE }).layers.map((l) => l.id));
    expect(log.slice(style, data).filter((l) => l === 'gate').length).toBeGreaterThanOrEqual(STAGES.length);
    // glyphs: each slice after a gate, no slice bigger than GLYPHS_PER_SLICE, all before the first label stage
    const glyphs = log.flatMap((l, i) => (l.startsWith('glyphs ') ? [i] : []));
    expect(glyphs.length).toBeGreaterThan(1);
    for (const i of glyphs) {
      expect(log[i - 1]).toBe('gate');
      expect(i).toBeLessThan(style);
      expect(Number(/sans-serif:(\d+)/.exec(log[i] as string)?.[1])).toBeLessThanOrEqual(GLYPHS_PER_SLICE);
    }
    const firstLabels = log.findIndex((l) => /^show .*label/.test(l));
    expect(firstLabels).toBeGreaterThan(glyphs.at(-1) as number);
    expect(gates).toBeGreaterThan(glyphs.length);
    // MapLibre's worker started in a gated slice of its own before new Map()
    const worker = log.indexOf('prewarm');
    expect(log[worker - 1]).toBe('gate');
    expect(worker).toBeLessThan(context);
    // feature states only once the data is in and drawn, in a slice after the first render's
    const statesAt = log.indexOf('setFeatureState');
    expect(statesAt).toBeGreaterThan(data);
    expect(log.slice(data + 1, statesAt).filter((l) => l === 'gate').length).toBeGreaterThanOrEqual(2);
    // while starting, worker answers one per slice, and a render asked for after an answer waits for the next slice
    expect(booting).toEqual({
      heldBefore: true,
      renderWithoutAnswer: true,
      heldAfterSlice: false,
      heldAfterAnswer: true,
      renderAfterAnswer: false,
    });
    expect(early).toBe(false);
    // the hidden map starts at a small fraction of its pixels (every start-up frame draws 1/64 of
    // them), and gets its own pixel ratio in a gated slice after the last stage, then paints a frame
    // at it before createLiveMap resolves (before it can be shown)
    const { START_PIXEL_RATIO } = await import('./map-controller.ts');
    expect(START_PIXEL_RATIO).toBeLessThanOrEqual(1 / 4);
    const ratios = log.flatMap((l, i) => (l.startsWith('pixelRatio ') ? [[i, Number(l.split(' ')[1])] as const] : []));
    expect(ratios.map(([, r]) => r)).toEqual([START_PIXEL_RATIO, 2]);
    const full = ratios[1]![0];
    expect(log[full - 1]).toBe('gate');
    const lastShow = log.findLastIndex((l) => l.startsWith('show '));
    expect(full).toBeGreaterThan(lastShow);
    expect(full).toBeGreaterThan(log.lastIndexOf('setFeatureState'));
    // once started, a render without an answer runs at once; a worker answer (a zoomed step's new
    // tiles) has its frame to itself: the render asked for in it comes after that frame, and the next
    // answer waits for that frame to have passed
    const after = messageGate();
    const render = () => {
      const n = log.length;
      (instances[0] as unknown as { _render(t: number): unknown })._render(0);
      return log.slice(n).includes('render');
    };
    expect(after?.held()).toBe(false);
    // the first render after the pixel ratio's resize waits for a frame of its own, then renders run at once
    expect(render()).toBe(false);
    expect(render()).toBe(true);
    after?.delivered?.();
    expect(after?.held()).toBe(true);
    expect(render()).toBe(false);
    await after?.whenFree();
    expect(after?.held()).toBe(false);
    expect(render()).toBe(true);
    // a state change and a move reuse the one instance
    map.show('where/horqin', { animate: false });
    map.moveTo(el() as never);
    expect(instances).toHaveLength(1);
  });
  it('does not time out while a start-up slice waits for its gate (the reader away from every map section)', async () => {
    const [{ createLiveMap }, { fixture }, { MapSpec }, model] = await Promise.all([
      import('./map-controller.ts'),
      import('./test-fixture.ts'),
      import('./spec.ts'),
      import('./model.ts'),
    ]);
    log.length = 0;
    instances.length = 0;
    updates.idle = false;
    const spec = MapSpec.parse({ kind: 'map', title: '测试地图', states: { city: { projects: 'all' } } });
    const states = { 'where/city': model.clientState(model.resolveMapState(spec, 'city', fixture)) };
    // The start timeout's clock, run by hand: `lapse()` is 30 s passing.
    const timers = new Map<number, () => void>();
    let id = 0;
    let armed = 0;
    const realWindow = globalThis.window;
    Object.defineProperty(globalThis, 'window', {
      value: {
        setTimeout: (f: () => void) => {
          timers.set(++id, f);
          armed++;
          return id;
        },
        clearTimeout: (t: number) => timers.delete(t),
      },
      configurable: true,
      writable: true,
    });
    const lapse = () => [...timers.values()].forEach((f) => f());
    let away = 0;
    performance.clearMarks('map:render');
    // As in a browser: the first render's frame waits for the data's worker answer, which waits for a
    // slice (worker-gate.ts).
    const { messageGate } = await import('./worker-gate.ts');
    const repaint = FakeMap.prototype.triggerRepaint;
    FakeMap.prototype.triggerRepaint = function (this: FakeMap) {
      const mg = messageGate();
      if (!mg?.held()) return repaint.call(this);
      void Promise.resolve(mg.whenFree()).then(() => {
        mg.delivered?.();
        this.emit('idle');
      });
    };
    try {
      const started = createLiveMap(
        el() as never,
        startOptions(model.mapBase(fixture), states, async () => {
          // once the first render is asked for: each slice waits longer than the timeout
          if (performance.getEntriesByName('map:render').length > 0) {
            away++;
            lapse();
          }
          await new Promise((r) => setTimeout(r, 0));
        }),
      );
      await expect(started).resolves.toBeDefined();
      // it was armed (the first render asked for, no slice waiting) and 30 s passed in slices after it
      expect(armed).toBeGreaterThan(0);
      expect(away).toBeGreaterThan(1);
    } finally {
      FakeMap.prototype.triggerRepaint = repaint;
      Object.defineProperty(globalThis, 'window', { value: realWindow, configurable: true, writable: true });
    }
  });
});
