/**
 * The SVG path's frames (enhance.ts `svgStates`, `placeAt`) on the counting fake DOM: a frame writes
 * only the attributes whose value changes (a write of the same value restyles and lays out the element
 * again in Chromium: the geometry's non-scaling strokes, each label), the outgoing state's fade is
 * one Web Animation (run by the compositor), not an attribute written in every frame, and an animated
 * state change waits for the frame after the step change's.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake, FakeElement, installFakeDom, mutations } from '../scrolly/fake-dom.ts';
import type { Placed } from './enhance.ts';
import { formatMatrix, type Similarity } from './tween.ts';

const BASE: Similarity = { k: 0.0765, x: -87.3248, y: -117.7356 };

function mapSvg(cam: Similarity): FakeElement {
  return new FakeElement('svg', { class: 'story-map__svg' }).append(
    new FakeElement('title'),
    new FakeElement('g', { 'data-key': 'geometry', transform: formatMatrix(cam) }),
  );
}

/** Every attribute write (set or remove) on the fake elements, as `tag attr`. */
function recordWrites(): { writes: string[]; stop: () => void } {
  const writes: string[] = [];
  const set = vi.spyOn(FakeElement.prototype, 'setAttribute').mockImplementation(function (this: FakeElement, k, v) {
    writes.push(`${this.tagName} ${k}`);
    this.attrs.set(k, String(v));
  });
  const remove = vi.spyOn(FakeElement.prototype, 'removeAttribute').mockImplementation(function (this: FakeElement, k) {
    writes.push(`${this.tagName} -${k}`);
    this.attrs.delete(k);
  });
  return {
    writes,
    stop: () => {
      set.mockRestore();
      remove.mockRestore();
    },
  };
}

/** The outgoing state's fade (its frames until 350 ms): one Web Animation, and no attribute written in any frame. */
function fadeWritesNothing(outgoing: FakeElement): void {
  const { writes, stop } = recordWrites();
  try {
    for (let t = 16; t < 350; t += 16) fake.frame(t);
  } finally {
    stop();
  }
  expect(writes).toEqual([]);
  expect(outgoing.animations).toEqual([
    { keyframes: [{ opacity: 1 }, { opacity: 0 }], options: { duration: 350, easing: 'linear', fill: 'forwards' } },
  ]);
}

/** A sticky map showing the state at BASE, and a step whose state has another camera (a move to it). */
function moveScene() {
  const box = new FakeElement('div', { class: 'story-map__box' }).append(mapSvg(BASE));
  const root = new FakeElement('div', { class: 'story-map' }).append(box);
  const to: Similarity = { k: 0.2722, x: -1425.8077, y: -1357.0777 };
  const from = new FakeElement('div', { class: 'story-map', 'data-state': 'b' }).append(mapSvg(to));
  return { box, root, to, from };
}

describe('the SVG map path writes nothing a frame does not change', () => {
  let uninstall: () => void;
  const g = globalThis as Record<string, unknown>;
  beforeAll(() => {
    uninstall = installFakeDom();
    g['SVGSVGElement'] = FakeElement;
    vi.spyOn(performance, 'now').mockReturnValue(0);
  });
  afterAll(() => {
    uninstall();
    delete g['SVGSVGElement'];
    vi.restoreAllMocks();
  });

  it('a cross-fade at one camera: no attribute is written in its frames; the outgoing fade is one animation', async () => {
    const { svgStates } = await import('./enhance.ts');
    const box = new FakeElement('div', { class: 'story-map__box' }).append(mapSvg(BASE));
    const root = new FakeElement('div', { class: 'story-map' }).append(box);
    const from = new FakeElement('div', { class: 'story-map', 'data-state': 'b' }).append(mapSvg(BASE));
    const outgoing = box.children[0] as FakeElement;
    const states = svgStates(root as unknown as HTMLElement);
    mutations.count = 0;
    states.show(from as unknown as HTMLElement, true);
    // The step change's frame: nothing inserted yet.
    expect(mutations.count).toBe(0);
    expect(box.children).toEqual([outgoing]);
    fake.frame(0);
    expect(box.children.map((c) => [...c.classes].join())).toEqual(['story-map__svg', 'story-map__svg-out']);

    fadeWritesNothing(outgoing);
    fake.frame(400);
    // The move has ended: the outgoing state is gone, the next one stays.
    expect(box.children.map((c) => [...c.classes].join())).toEqual(['story-map__svg']);
    await states.settled();
  });

  it('a camera move: the outgoing state fades out at the camera on screen, then the next one moves alone (no frame draws both)', async () => {
    const { svgStates } = await import('./enhance.ts');
    const { box, root, to, from } = moveScene();
    const outgoing = box.children[0] as FakeElement;
    const states = svgStates(root as unknown as HTMLElement);
    states.show(from as unknown as HTMLElement, true);
    fake.frame(0);
    const incoming = box.children[0] as FakeElement;
    const geometry = (el: FakeElement) => (el.children[1] as FakeElement).getAttribute('transform');
    // The fade: one animation on the outgoing state, both at the camera on screen, nothing written per frame.
    expect(geometry(incoming)).toBe(formatMatrix(BASE));
    fadeWritesNothing(outgoing);
    expect(box.children).toEqual([incoming, outgoing]);
    // Faded: the outgoing state goes, and the camera moves the next one alone.
    fake.frame(500);
    expect(box.children).toEqual([incoming]);
    const mid = geometry(incoming);
    expect(mid).not.toBe(formatMatrix(BASE));
    expect(mid).not.toBe(formatMatrix(to));
    fake.frame(800);
    expect(geometry(incoming)).not.toBe(mid);
    fake.frame(350 + 900);
    expect(geometry(incoming)).toBe(formatMatrix(to));
    await states.settled();
  });

  it('states cloned ahead in idle time: the move inserts the clone made then (no copy in its frame), and clones the state again, idle', async () => {
    const { svgStates } = await import('./enhance.ts');
    const { box, root, from } = moveScene();
    const states = svgStates(root as unknown as HTMLElement);
    const clones = vi.spyOn(FakeElement.prototype, 'cloneNode');
    /** The SVGs copied (a deep copy copies their children too). */
    const copied = () => clones.mock.contexts.filter((c) => (c as FakeElement).tagName === 'svg');
    try {
      states.prepare([from as unknown as HTMLElement]);
      expect(copied(), 'nothing is cloned before the page is idle').toEqual([]);
      fake.tasks();
      expect(copied()).toHaveLength(1);
      const early = clones.mock.results[clones.mock.contexts.indexOf(copied()[0])]!.value as FakeElement;
      clones.mockClear();
      states.show(from as unknown as HTMLElement, true);
      fake.frame(0);
      expect(copied(), 'the move copies nothing in its frame').toEqual([]);
      expect(box.children[0]).toBe(early);
      fake.tasks();
      expect(copied(), 'the state is cloned again for the next time').toHaveLength(1);
      fake.frame(350 + 900);
      await states.settled();
      // Without the clone made ahead (finish() drops them), a move copies the state in its frame.
      states.finish();
      clones.mockClear();
      states.show(state0() as unknown as HTMLElement, true);
      fake.frame(2000);
      expect(copied()).toHaveLength(1);
      fake.frame(4000);
    } finally {
      clones.mockRestore();
    }
    function state0() {
      return new FakeElement('div', { class: 'story-map', 'data-state': 'a' }).append(mapSvg(BASE));
    }
  });

  it('two state changes before the next frame: only the last is shown; finish() shows a waiting one at once', async () => {
    const { svgStates } = await import('./enhance.ts');
    const box = new FakeElement('div', { class: 'story-map__box' }).append(mapSvg(BASE));
    const root = new FakeElement('div', { class: 'story-map' }).append(box);
    const state = (s: string) =>
      new FakeElement('div', { class: 'story-map', 'data-state': s }).append(mapSvg(BASE).append(new FakeElement('desc', { 'data-s': s })));
    const shown = () => box.children.map((c) => c.querySelector('desc')?.getAttribute('data-s') ?? 'first');
    const states = svgStates(root as unknown as HTMLElement);
    states.show(state('b') as unknown as HTMLElement, true);
    states.show(state('c') as unknown as HTMLElement, true);
    let settled = false;
    void states.settled().then(() => (settled = true));
    fake.frame(0);
    expect(shown()).toEqual(['c', 'first']);
    fake.frame(400);
    await Promise.resolve();
    expect(shown()).toEqual(['c']);
    expect(settled).toBe(true);
    states.show(state('d') as unknown as HTMLElement, true);
    states.finish();
    expect(shown()).toEqual(['d']);
  });

  it('a camera move writes each element once per frame that moves it, and nothing again at the same camera', async () => {
    const { placeAt } = await import('./enhance.ts');
    const geometry = new FakeElement('g', { 'data-key': 'geometry', transform: formatMatrix(BASE) });
    const label = new FakeElement('text', { x: '300', y: '300' });
    const circle = new FakeElement('circle', { cx: '100', cy: '200', transform: 'translate(1 2)' });
    const p = {
      svg: new FakeElement('svg'),
      geometry,
      base: BASE,
      at: formatMatrix(BASE),
      anchored: [
        { el: label, x: 300, y: 300, at: '' },
        { el: circle, x: 100, y: 200, at: 'translate(1 2)' },
      ],
    } as unknown as Placed;
    const { writes, stop } = recordWrites();
    try {
      // At home: only the circle left translated by an interrupted move is written (its transform goes).
      placeAt(p, BASE);
      expect(writes.splice(0)).toEqual(['circle -transform']);
      placeAt(p, BASE);
      expect(writes.splice(0)).toEqual([]);
      const mid = { k: 0.1, x: -120, y: -150 };
      placeAt(p, mid);
      expect(writes.splice(0)).toEqual(['g transform', 'text transform', 'circle transform']);
      placeAt(p, mid);
      expect(writes.splice(0)).toEqual([]);
      placeAt(p, BASE);
      expect(writes.splice(0)).toEqual(['g transform', 'text -transform', 'circle -transform']);
    } finally {
      stop();
    }
    expect(label.hasAttribute('transform')).toBe(false);
    expect(geometry.getAttribute('transform')).toBe(formatMatrix(BASE));
  });
});
