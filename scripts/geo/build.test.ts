import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { normaliseCounties } from './build.ts';

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});
const fc = (features: { id?: string; props: Record<string, unknown>; x: number }[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: features.map((f) => ({ type: 'Feature', ...(f.id ? { id: f.id } : {}), properties: f.props, geometry: square(f.x, 43) })),
});

describe('normaliseCounties(): another boundary source with the same codes can replace the pinned one', () => {
  it('reads the code from `id`, `code` or `adcode` and keeps WGS84 coordinates as they are', () => {
    const out = normaliseCounties(
      fc([
        { id: '150502', props: { name: 'A' }, x: 120 },
        { props: { adcode: 150523, name: 'B' }, x: 121 },
      ]),
      'wgs84',
      ['150502', '150523'],
    );
    expect(out.features.map((f) => f.properties)).toEqual([
      { code: '150502', name: 'A' },
      { code: '150523', name: 'B' },
    ]);
    expect(out.features[1]?.geometry).toEqual(square(121, 43));
  });

  it('corrects GCJ-02 grid coordinates when told the source is in them', () => {
    const out = normaliseCounties(fc([{ id: '150502', props: { name: 'A' }, x: 122 }]), 'gcj02-grid', ['150502']);
    const [lon, lat] = (out.features[0]?.geometry as { coordinates: number[][][] }).coordinates[0]![0]!;
    expect(lon).toBeLessThan(122);
    expect(lat).toBeLessThan(43);
  });

  it('fails on a missing or an unexpected code, naming it', () => {
    expect(() => normaliseCounties(fc([{ id: '150502', props: { name: 'A' }, x: 120 }]), 'wgs84', ['150502', '150523'])).toThrow(
      /no feature for code\(s\) 150523/,
    );
    expect(() => normaliseCounties(fc([{ id: '150599', props: { name: 'X' }, x: 120 }]), 'wgs84', ['150502'])).toThrow(
      /unexpected feature code "150599" \(X\)/,
    );
  });
});
