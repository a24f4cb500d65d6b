import { describe, expect, it } from 'vitest';
import { projector } from './camera.ts';
import { layers } from './geo.ts';
import {
  buildScene,
  diffFeatureStates,
  diffLiveState,
  featureStates,
  layerProps,
  liveState,
  type LiveState,
  type SetterOp,
} from './live-style.ts';
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
    // Everything on the first application.
    expect(diffFeatureStates(null, a)).toHaveLength(a.size);
    // Applying the diff to a gives b.
    const applied = new Map(a);
    for (const [id, s] of d) applied.set(id, s);
    expect(applied).toEqual(b);
  });

  it('layer visibility and background follow the state’s layers', () => {
    expect(layerProps(states['where/bare']!)).toEqual({
      visible: { neighbours: false, rivers: false, 'county-labels': true, 'zone-label': true, 'neighbour-labels': false },
      background: MAP_STYLE.background,
    });
    expect(layerProps(states['where/city']!).visible.rivers).toBe(true);
  });
});

describe('liveState and diffLiveState: the setter calls a state change needs, chosen without a browser', () => {
  const LAYERS = ['background', 'fill', 'neighbours', 'rivers', 'county-labels', 'zone-label', 'neighbour-labels', 'markers'];
  const none = new Set<string>();
  const live = (k: string, held: ReadonlySet<string> = none) => liveState(scene, `where/${k}`, states[`where/${k}`]!, LAYERS, held);
  /** A stand-in for MapLibre: what the map holds after the setter calls. */
  const run = (map: LiveState, ops: SetterOp[]): LiveState => {
    const out = { features: new Map(map.features), visibility: new Map(map.visibility), background: map.background };
    for (const op of ops) {
      if (op.kind === 'feature-state') out.features.set(op.id, { ...out.features.get(op.id), ...op.state });
      else if (op.kind === 'layout') out.visibility.set(op.layer, op.value);
      else out.background = op.value;
    }
    return out;
  };
  const states_ = ['city', 'horqin', 'money', 'bare', 'plain'];

  it('a state against itself needs nothing; against any other, what the diff says brings the map there', () => {
    for (const a of states_)
      for (const b of states_) {
        const ops = diffLiveState(live(a), live(b));
        if (a === b) expect(ops).toEqual([]);
        expect(run(live(a), ops)).toEqual(live(b));
      }
  });

  it('hides the toggled layers a state leaves out, and changes the background with the neighbours', () => {
    const ops = diffLiveState(live('city'), live('bare'));
    expect(ops.filter((o) => o.kind === 'layout')).toEqual([
      { kind: 'layout', layer: 'neighbours', property: 'visibility', value: 'none' },
      { kind: 'layout', layer: 'rivers', property: 'visibility', value: 'none' },
      { kind: 'layout', layer: 'neighbour-labels', property: 'visibility', value: 'none' },
    ]);
    expect(ops.filter((o) => o.kind === 'paint')).toEqual([
      { kind: 'paint', layer: 'background', property: 'background-color', value: MAP_STYLE.background },
    ]);
    // No layer changes between two states with the same layers: feature states only.
    expect(diffLiveState(live('city'), live('horqin')).every((o) => o.kind === 'feature-state')).toBe(true);
  });

  it('keeps the layers of a start-up stage still to come hidden, and shows them when it comes', () => {
    const held = new Set(['markers', 'county-labels']);
    expect(live('city', held).visibility.get('markers')).toBe('none');
    const ops = diffLiveState(live('city', held), live('city'));
    expect(ops).toEqual([
      { kind: 'layout', layer: 'county-labels', property: 'visibility', value: 'visible' },
      { kind: 'layout', layer: 'markers', property: 'visibility', value: 'visible' },
    ]);
  });

  it('with nothing applied yet (start, a restored context) everything is set', () => {
    const ops = diffLiveState(null, live('city'));
    expect(ops.filter((o) => o.kind === 'layout')).toHaveLength(LAYERS.length);
    expect(ops.filter((o) => o.kind === 'feature-state')).toHaveLength(live('city').features.size);
    expect(run({ features: new Map(), visibility: new Map(), background: '' }, ops)).toEqual(live('city'));
  });
});
