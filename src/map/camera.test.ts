import { describe, expect, it } from 'vitest';
import {
  fitCamera,
  fromMapZoom,
  mercator,
  moveCamera,
  projector,
  referenceTransform,
  toMapZoom,
  unmercator,
  unproject,
  VIEW,
  worldSize,
  type CameraTarget,
} from './camera.ts';

const TONGLIAO: [number, number, number, number] = [119.3, 42.3, 123.7, 45.7];
const round = (xs: number[], d = 6) => xs.map((x) => Number(x.toFixed(d)));

/** A map that records camera calls and throws if anything else is touched. */
function fakeMap(width: number) {
  const calls: [string, unknown][] = [];
  const target: CameraTarget = {
    getContainer: () => ({ clientWidth: width }),
    jumpTo: (o) => calls.push(['jumpTo', o]),
    easeTo: (o) => calls.push(['easeTo', o]),
  };
  const map = new Proxy(target, {
    get(t, key) {
      if (!(key in t)) throw new Error(`fake map: unexpected access to ${String(key)}`);
      return t[key as keyof CameraTarget];
    },
  });
  return { map, calls };
}

describe('mercator()', () => {
  it('mercator() puts (0, 0) in the middle of the world and round-trips', () => {
    expect(mercator([0, 0])).toEqual([0.5, 0.5]);
    expect(round(unmercator(mercator([122.26, 43.62])))).toEqual([122.26, 43.62]);
  });
});

describe('fitCamera()', () => {
  it('fitCamera() makes the bounds touch the padded box on the limiting axis', () => {
    const cam = fitCamera(TONGLIAO);
    const project = projector(cam);
    const [x0, y0] = project([TONGLIAO[0], TONGLIAO[3]]);
    const [x1, y1] = project([TONGLIAO[2], TONGLIAO[1]]);
    const touchesX = Math.abs(x0 - 36) < 1e-6 && Math.abs(x1 - (VIEW.width - 36)) < 1e-6;
    const touchesY = Math.abs(y0 - 36) < 1e-6 && Math.abs(y1 - (VIEW.height - 36)) < 1e-6;
    expect(touchesX || touchesY).toBe(true);
    expect(x0).toBeGreaterThanOrEqual(36 - 1e-6);
    expect(y1).toBeLessThanOrEqual(VIEW.height - 36 + 1e-6);
  });

  it('fitCamera() shifts the centre away from the larger padding', () => {
    const sym = fitCamera(TONGLIAO, VIEW, { top: 0, right: 0, bottom: 0, left: 0 });
    const left = fitCamera(TONGLIAO, VIEW, { top: 0, right: 0, bottom: 0, left: 200 });
    expect(left.center[0]).toBeLessThan(sym.center[0]);
    const [x] = projector(left)([TONGLIAO[0], 44]);
    expect(x).toBeCloseTo(200, 6);
  });

  it('fitCamera() caps the zoom for a single point', () => {
    const cam = fitCamera([122.33, 43.58, 122.33, 43.58], VIEW, undefined, 10);
    expect(cam.zoom).toBe(10);
    expect(round(cam.center, 6)).toEqual([122.33, 43.58]);
  });

  it('fitCamera() rejects padding that leaves no room', () => {
    expect(() => fitCamera(TONGLIAO, VIEW, { top: 300, right: 0, bottom: 300, left: 0 })).toThrow(/no room/);
  });
});

describe('referenceTransform()', () => {
  it('referenceTransform() maps reference pixels to the same place as projector()', () => {
    const cam = fitCamera([121, 43, 122.5, 44]);
    const refZoom = 10;
    const origin: [number, number] = [worldSize(refZoom) * 0.83, worldSize(refZoom) * 0.37];
    const p: [number, number] = [121.7, 43.4];
    const [mx, my] = mercator(p);
    const ref = [mx * worldSize(refZoom) - origin[0], my * worldSize(refZoom) - origin[1]] as const;
    const t = referenceTransform(cam, refZoom, origin);
    const [px, py] = projector(cam)(p);
    expect(t.k * ref[0] + t.x).toBeCloseTo(px, 6);
    expect(t.k * ref[1] + t.y).toBeCloseTo(py, 6);
  });
});

describe('toMapZoom() / fromMapZoom()', () => {
  it('a container twice as wide as the viewBox needs one zoom level more, and back', () => {
    expect(toMapZoom({ center: [122, 44], zoom: 7.25 }, VIEW.width * 2)).toBeCloseTo(8.25, 9);
    expect(fromMapZoom(8.25, VIEW.width * 2)).toBeCloseTo(7.25, 9);
  });
});

describe('moveCamera()', () => {
  it('moveCamera() jumps with explicit zero padding when not animating', () => {
    const { map, calls } = fakeMap(VIEW.width / 2);
    moveCamera(map, { center: [122, 44], zoom: 8 }, { animate: false });
    expect(calls).toEqual([
      ['jumpTo', { center: [122, 44], zoom: 7, bearing: 0, pitch: 0, padding: { top: 0, right: 0, bottom: 0, left: 0 } }],
    ]);
  });

  it('moveCamera() eases when animating, and touches nothing else on the map', () => {
    const { map, calls } = fakeMap(VIEW.width);
    moveCamera(map, { center: [121, 43], zoom: 7.5 }, { animate: true, duration: 500 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe('easeTo');
    expect(calls[0]?.[1]).toMatchObject({ center: [121, 43], zoom: 7.5, duration: 500 });
  });
});

describe('unproject()', () => {
  it('unproject() inverts projector()', () => {
    const cam = { center: [122, 44] as [number, number], zoom: 7.3 };
    const p = unproject(cam)(projector(cam)([121.37, 43.05]));
    expect(round(p, 9)).toEqual([121.37, 43.05]);
  });
});
