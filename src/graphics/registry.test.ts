import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { BarSpec } from '../charts/bar/spec.ts';
import type { MapSpec } from '../map/spec.ts';
import { FAMILIES } from '../lib/graphic.ts';
import { ChapterWithGraphics, familyOf, GRAPHIC_KINDS, kindNames } from './registry.ts';

const bar = { kind: 'bar', title: '标题', rows: [{ id: 'a', value: { indicator: 'gdp', period: '2024' } }], states: { all: {} } };

describe('the graphics registry', () => {
  it('every kind declares a known family and draws its own thumbnail', () => {
    for (const name of kindNames()) {
      const k = GRAPHIC_KINDS[name]!;
      expect(FAMILIES, name).toContain(k.family);
      expect(typeof k.thumbnail, name).toBe('function');
    }
    expect(familyOf('map')).toBe('map');
    expect(familyOf('line')).toBe('chart');
    expect(() => familyOf('pie')).toThrow(/unknown graphic kind "pie"; use one of: bar, bignumber/);
  });

  it("types a chapter's graphics with their kinds' own schemas: a field the kind lacks is refused", () => {
    expect(ChapterWithGraphics.safeParse({ title: '一章', graphics: { g: bar } }).success).toBe(true);
    const wrong = ChapterWithGraphics.safeParse({ title: '一章', graphics: { g: { ...bar, camera: 'city' } } });
    expect(wrong.success).toBe(false);
    const unknown = ChapterWithGraphics.safeParse({ title: '一章', graphics: { g: { ...bar, kind: 'pie' } } });
    expect(unknown.success).toBe(false);
  });

  it('gives code the union of the kinds’ spec types', () => {
    type Graphic = z.infer<typeof ChapterWithGraphics>['graphics'][string];
    expectTypeOf<BarSpec>().toExtend<Graphic>();
    expectTypeOf<MapSpec>().toExtend<Graphic>();
    expectTypeOf<Extract<Graphic, { kind: 'bar' }>>().toEqualTypeOf<BarSpec>();
  });
});
