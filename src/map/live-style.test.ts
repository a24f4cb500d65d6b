import { describe, expect, it } from 'vitest';
import { projector } from './camera.ts';
import { layers } from './geo.ts';
import { buildScene, diffFeatureStates, featureStates } from './live-style.ts';
import { clientState, mapBase, resolveMapState } from './model.ts';
import { MAP_STYLE } from './style.ts';
import { fixture, fixtureSpec } from './test-fixture.ts';

const spec = fixtureSpec;
const models = Object.fromEntries(Object.keys(spec.states).map((k) => [k, resolveMapState(spec, k, fixture)]));
const states = Object.fromEntries(Object.entries(models).map(([k, m]) => [`where/${k}`, clientState(m)]));
const scene = buildScene(layers, mapBase(fixture), states);
const byId = new Map(scene.data.features.map((f) => [f.id as number, f]));

describe('buildScene: one source for every state of the page', () => {
  it('holds the counties once and every state’s circles, identical sets shared', () => {
    const kinds = scene.data.features.map((f) => f.properties.kind);
    expect(kinds.filter((k) => k === 'county')).toHaveLength(layers.counties.features.length);
    expect(kinds.filter((k) => k === 'marker')).toHaveLength(models['city']!.markers.length + models['horqin']!.markers.length);
    // Two states with the same labels and no circles share one set.
    expect(scene.perState.get('where/bare')).toEqual(scene.perState.get('where/bare2'));
    expect(new Set(scene.data.features.map((f) => f.id)).size).toBe(scene.data.features.length);
  });

  it('bakes a state’s label nudges into positions: the label sits where the SVG draws it', () => {
    const m = models['horqin']!;
    const ids = scene.perState.get('where/horqin')!;
    const horqin = ids.map((id) => byId.get(id)!).find((f) => f.properties.kind === 'county-label' && f.properties.code === '150502')!;
    const [x, y] = projector(m.camera)((horqin.geometry as unknown as { coordinates: [number, number] }).coordinates);
    const svg = m.countyLabels.find((l) => l.id === '150502')!;
    expect(x).toBeCloseTo(svg.x, 0);
    expect(y).toBeCloseTo(svg.y, 0);
  });
});

describe('featureStates and their diff', () => {
  it('a state shows its own circles and labels only, its fills and highlight', () => {
    const fs = featureStates(scene, 'where/horqin', states['where/horqin']!);
    const on = [...fs]
      .filter(([, s]) => s.on)
      .map(([id]) => id)
      .sort((a, b) => a - b);
    const mine = [
      ...scene.perState.get('where/horqin')!,
      ...[...scene.neighbourLabels].filter(([n]) => states['where/horqin']!.n.includes(n)).map(([, id]) => id),
    ].sort((a, b) => a - b);
    expect(on).toEqual(mine);
    expect(fs.get(scene.counties.get('150502')!)).toEqual({ fill: MAP_STYLE.highlightLand, hl: true });
    expect(fs.get(scene.zone)).toEqual({ hl: true });
  });

  it('applies only what changes between two states, nothing between a state and itself', () => {
    const a = featureStates(scene, 'where/city', states['where/city']!);
    const b = featureStates(scene, 'where/money', states['where/money']!);
    expect(diffFeatureStates(a, a)).toEqual([]);
    const d = diffFeatureStates(a, b);
    expect(d.length).toBeGreaterThan(0);
    expect(d.length).toBeLessThan(b.size);
    // On the first application everything but the default (off, not highlighted: how a feature without a state reads).
    const first = diffFeatureStates(null, a);
    expect(first.length).toBeLessThan(a.size);
    expect(first).toEqual([...a].filter(([, s]) => s.fill !== undefined || s.hl || s.on));
    const fromNothing = new Map<number, { fill?: string; hl?: boolean; on?: boolean }>();
    for (const [id, s] of first) fromNothing.set(id, s);
    for (const [id, s] of a) expect({ on: false, hl: false, ...fromNothing.get(id) }).toMatchObject({ on: !!s.on, hl: !!s.hl });
    // Applying the diff to a gives b.
    const applied = new Map(a);
    for (const [id, s] of d) applied.set(id, s);
    expect(applied).toEqual(b);
  });
});
