import { describe, expect, it } from 'vitest';
import { distanceMetres, GRID_STEP, gridGcj02ToWgs84, mapPositions } from './gcj02.ts';

describe('gridGcj02ToWgs84()', () => {
  it('moves 科尔沁区 centre (as printed by the source) ≈ 0.58 km south-west', () => {
    const gcj: [number, number] = [122.255671, 43.623078];
    const wgs = gridGcj02ToWgs84(gcj);
    expect(wgs[0]).toBeLessThan(gcj[0]);
    expect(wgs[1]).toBeLessThan(gcj[1]);
    expect(distanceMetres(gcj, wgs)).toBeGreaterThan(500);
    expect(distanceMetres(gcj, wgs)).toBeLessThan(650);
    expect(wgs.map((v) => v.toFixed(4))).toEqual(['122.2496', '43.6202']);
  });

  it('includes the half-step grid correction (half of 1/1024° in both axes ≈ 67 m here)', () => {
    const p: [number, number] = [121.5, 43.5];
    const withHalf = gridGcj02ToWgs84(p);
    const withoutHalf = gridGcj02ToWgs84([p[0] + GRID_STEP / 2, p[1] + GRID_STEP / 2]);
    const d = distanceMetres(withHalf, withoutHalf);
    expect(d).toBeGreaterThan(60);
    expect(d).toBeLessThan(75);
  });
});

describe('mapPositions()', () => {
  it('maps every vertex of a multipolygon and keeps its nesting', () => {
    const g = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [5, 6],
            [5, 5],
          ],
        ],
      ],
    };
    const out = mapPositions(g, ([x, y]) => [(x as number) + 10, (y as number) * 2]);
    expect(out.coordinates[1]?.[0]?.[2]).toEqual([15, 12]);
    expect(out.coordinates[0]?.[0]).toHaveLength(4);
    expect(g.coordinates[0]?.[0]?.[1]).toEqual([1, 0]);
  });
});

describe('distanceMetres()', () => {
  it('is ≈ 111 km for one degree of latitude', () => {
    expect(distanceMetres([122, 43], [122, 44]) / 1000).toBeCloseTo(111.2, 0);
  });
});
