import { describe, expect, it } from 'vitest';
import { matrixOf } from './render.ts';
import { easeCubicInOut, formatMatrix, interpolateCamera, parseMatrix, sameCamera, shift } from './tween.ts';
import { fitCamera, projector, referenceTransform } from './camera.ts';
import { REF_EXTENT, REF_ZOOM } from './geo.ts';

const city = fitCamera([119.2, 42.3, 123.8, 45.7]);
const horqin = fitCamera([121.9, 43.4, 122.6, 43.9]);

describe('parseMatrix', () => {
  it('reads what the renderer writes', () => {
    const { k } = referenceTransform(city, REF_ZOOM, REF_EXTENT.origin);
    const matrix = matrixOf(referenceTransform(city, REF_ZOOM, REF_EXTENT.origin));
    const t = parseMatrix(matrix);
    expect(t?.k).toBeCloseTo(k, 4);
    expect(formatMatrix(t!)).toBe(matrix);
  });
  it('refuses anything but a uniform scale and a translation', () => {
    expect(parseMatrix('matrix(1 0 0 2 0 0)')).toBeNull();
    expect(parseMatrix('matrix(1 0.1 0 1 0 0)')).toBeNull();
    expect(parseMatrix('translate(3 4)')).toBeNull();
    expect(parseMatrix(null)).toBeNull();
  });
});

describe('interpolateCamera', () => {
  const a = referenceTransform(city, REF_ZOOM, REF_EXTENT.origin);
  const b = referenceTransform(horqin, REF_ZOOM, REF_EXTENT.origin);
  it('starts at a and ends at b', () => {
    expect(sameCamera(interpolateCamera(a, b, 0), a)).toBe(true);
    expect(sameCamera(interpolateCamera(a, b, 1), b)).toBe(true);
  });
  it('is linear in zoom, like MapLibre', () => {
    const mid = interpolateCamera(a, b, 0.5);
    expect(Math.log2(mid.k)).toBeCloseTo((Math.log2(a.k) + Math.log2(b.k)) / 2, 9);
  });
  it('matches the camera maths at every step: the view centre is the interpolated reference point', () => {
    const mid = interpolateCamera(a, b, 0.3);
    const centre = (s: typeof a): [number, number] => [(300 - s.x) / s.k, (300 - s.y) / s.k];
    const [ax, ay] = centre(a);
    const [bx, by] = centre(b);
    const [mx, my] = centre(mid);
    expect(mx).toBeCloseTo(ax + (bx - ax) * 0.3, 6);
    expect(my).toBeCloseTo(ay + (by - ay) * 0.3, 6);
  });
});

describe('shift', () => {
  it('moves a point drawn for one camera to where another camera projects it', () => {
    const a = referenceTransform(city, REF_ZOOM, REF_EXTENT.origin);
    const b = referenceTransform(horqin, REF_ZOOM, REF_EXTENT.origin);
    const seat: [number, number] = [122.26, 43.62];
    const [x, y] = projector(city)(seat);
    const [dx, dy] = shift(a, b, x, y);
    const [wx, wy] = projector(horqin)(seat);
    expect(x + dx).toBeCloseTo(wx, 1);
    expect(y + dy).toBeCloseTo(wy, 1);
    expect(shift(a, a, x, y)).toEqual([0, 0]);
  });
});

describe('easeCubicInOut', () => {
  it('runs from 0 to 1 through 0.5', () => {
    expect(easeCubicInOut(0)).toBe(0);
    expect(easeCubicInOut(0.5)).toBe(0.5);
    expect(easeCubicInOut(1)).toBe(1);
  });
});
