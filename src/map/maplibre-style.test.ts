import { describe, expect, it } from 'vitest';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { VIEW } from './camera.ts';
import {
  diffStyle,
  LAST_STAGE,
  retiles,
  SOURCE,
  STAGES,
  styleFor,
  TRANSPARENT,
  withAlpha,
  withLayersUpTo,
  type StyleOp,
} from './maplibre-style.ts';
import { clientState, resolveMapState } from './model.ts';
import { MAP_SIZES, MAP_STYLE, MARKER_PAINT } from './style.ts';
import { fixture, fixtureSpec } from './test-fixture.ts';

const state = (k: string) => clientState(resolveMapState(fixtureSpec, k, fixture));
const W = 358;
const k = W / VIEW.width;
const full = (key: string, width = W) => styleFor(state(key), { width, stage: LAST_STAGE });
const layer = (st: StyleSpecification, id: string) =>
  st.layers.find((l) => l.id === id) as LayerSpecification & {
    paint: Record<string, unknown>;
    layout?: Record<string, unknown>;
  };
/** A stand-in for MapLibre: the style a map has after the setter calls. */
function run(st: StyleSpecification, ops: StyleOp[]): StyleSpecification {
  const out = structuredClone(st) as StyleSpecification;
  for (const op of ops) {
    const l = out.layers.find((x) => x.id === op.layer) as unknown as Record<string, Record<string, unknown>>;
    l[op.kind] = { ...l[op.kind], [op.property]: op.value };
  }
  return out;
}
const STATES = ['city', 'horqin', 'money', 'gva', 'bare', 'plain'];

describe('styleFor: the style of a state', () => {
  it('one empty source, every layer in paint order, none hidden by visibility (MapLibre does not tile those)', () => {
    const st = full('city');
    expect(Object.keys(st.sources)).toEqual([SOURCE]);
    expect(st.sources[SOURCE]).toMatchObject({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    expect(st.layers.map((l) => l.id)).toEqual([
      'background',
      'neighbours',
      'fill',
      'borders',
      'rivers',
      'outline',
      'highlight',
      'markers',
      'zone',
      'neighbour-labels',
      'county-labels',
      'zone-label',
      'marker-leaders',
      'marker-labels',
    ]);
    expect(new Set(st.layers.map((l) => l.id))).toEqual(new Set(STAGES.flat()));
    for (const s of STATES)
      for (const l of full(s).layers) expect((l as { layout?: { visibility?: string } }).layout?.visibility).toBeUndefined();
  });

  it('shows the layers a state has, by constant opacity, and the neighbours’ land behind them', () => {
    const op = (key: string, id: string) => {
      const p = layer(full(key), id).paint;
      return p[Object.keys(p).find((n) => n.endsWith('-opacity') && !n.includes('stroke')) as string];
    };
    // city: neighbours, rivers and labels
    expect(['neighbours', 'rivers', 'county-labels', 'zone-label', 'neighbour-labels'].map((id) => op('city', id))).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(layer(full('city'), 'background').paint['background-color']).toBe(MAP_STYLE.neighbourLand);
    // bare: labels only
    expect(['neighbours', 'rivers', 'county-labels', 'zone-label', 'neighbour-labels'].map((id) => op('bare', id))).toEqual([
      0, 0, 1, 1, 0,
    ]);
    expect(layer(full('bare'), 'background').paint['background-color']).toBe(MAP_STYLE.background);
    // plain: no labels either; the counties, their borders, the circles are always drawn
    expect(['county-labels', 'zone-label', 'fill', 'borders', 'outline', 'markers', 'marker-labels'].map((id) => op('plain', id))).toEqual([
      0, 0, 1, 1, 1, 1, 1,
    ]);
  });

  it('draws what differs per feature from feature state, through colours: a feature that is off is transparent', () => {
    const st = full('city');
    expect(layer(st, 'county-labels').paint['text-color']).toEqual([
      'case',
      ['boolean', ['feature-state', 'on'], false],
      ['case', ['boolean', ['feature-state', 'hl'], false], MAP_STYLE.highlight, MAP_STYLE.text],
      TRANSPARENT,
    ]);
    expect(layer(st, 'highlight').paint['line-color']).toEqual([
      'case',
      ['boolean', ['feature-state', 'hl'], false],
      MAP_STYLE.highlight,
      TRANSPARENT,
    ]);
    // a filled circle's fill is the SVG's colour at the SVG's fill opacity; a hollow one has none
    expect(JSON.stringify(layer(st, 'markers').paint['circle-color'])).toContain(withAlpha(MARKER_PAINT.filled.fill, 0.3));
    expect(withAlpha(MARKER_PAINT.filled.fill, 0.3)).toBe('rgba(179,89,0,0.3)');
    expect(() => withAlpha('red', 1)).toThrow(/#rrggbb/);
  });

  it('sizes in viewBox units follow the container’s width, as the SVG scales', () => {
    const st = full('city');
    expect(layer(st, 'county-labels').layout?.['text-size']).toBeCloseTo(MAP_SIZES.countyLabel * k, 9);
    expect(layer(st, 'markers').paint['circle-stroke-width']).toBeCloseTo(MARKER_PAINT.filled.strokeWidth * k, 9);
    expect(layer(full('city', 2 * W), 'county-labels').layout?.['text-size']).toBeCloseTo(2 * MAP_SIZES.countyLabel * k, 9);
  });

  it('rejects a width or a stage it cannot draw, saying which', () => {
    expect(() => styleFor(state('city'), { width: 0, stage: 0 })).toThrow(/width must be a positive/);
    expect(() => styleFor(state('city'), { width: W, stage: LAST_STAGE + 1 })).toThrow(`stage must be an integer from 0 to ${LAST_STAGE}`);
  });
});

describe('the start-up stage: an input that changes only what it should', () => {
  it('stage n draws the layers of stages 0..n and nothing else; every later layer is in the style, at opacity 0', () => {
    for (let n = 0; n <= LAST_STAGE; n++) {
      const st = styleFor(state('city'), { width: W, stage: n });
      expect(st.layers).toHaveLength(full('city').layers.length);
      const later = new Set<string>(STAGES.slice(n + 1).flat());
      for (const l of st.layers) {
        const opacities = Object.entries((l as { paint?: Record<string, unknown> }).paint ?? {}).filter(([p]) => p.endsWith('-opacity'));
        expect(opacities.length).toBeGreaterThan(0);
        for (const [, v] of opacities) if (later.has(l.id)) expect(v, `${l.id} at stage ${n}`).toBe(0);
      }
    }
  });

  it('going from one stage to the next sets only constant opacities of that stage’s layers: no re-tiling', () => {
    for (let n = 0; n < LAST_STAGE; n++) {
      const a = styleFor(state('city'), { width: W, stage: n });
      const b = styleFor(state('city'), { width: W, stage: n + 1 });
      const ops = diffStyle(a, b);
      expect(ops.length).toBeGreaterThan(0);
      for (const op of ops) {
        expect(STAGES[n + 1] as readonly string[]).toContain(op.layer);
        expect(op).toMatchObject({ kind: 'paint', value: 1 });
        expect(op.property).toMatch(/-opacity$/);
        expect(retiles(op, a)).toBe(false);
      }
      expect(run(a, ops)).toEqual(b);
    }
    // the last stage is the style itself
    expect(styleFor(state('horqin'), { width: W, stage: LAST_STAGE })).toEqual(full('horqin'));
  });

  it('withLayersUpTo: the layers of stages 0..n in paint order, the rest of the style as is', () => {
    const st = full('city');
    const order = st.layers.map((l) => l.id);
    for (let n = 0; n <= LAST_STAGE; n++) {
      const part = withLayersUpTo(st, n);
      const ids = part.layers.map((l) => l.id);
      expect(new Set(ids)).toEqual(new Set(STAGES.slice(0, n + 1).flat()));
      expect(ids).toEqual(order.filter((id) => ids.includes(id)));
      expect(part.sources).toBe(st.sources);
    }
    expect(withLayersUpTo(st, LAST_STAGE)).toEqual(st);
  });

  it('a stage’s layer the state leaves out stays at 0 when its stage comes', () => {
    const labels = STAGES.findIndex((st) => (st as readonly string[]).includes('county-labels'));
    const a = styleFor(state('plain'), { width: W, stage: labels - 1 });
    const b = styleFor(state('plain'), { width: W, stage: labels });
    expect(diffStyle(a, b)).toEqual([]);
  });
});

describe('diffStyle: applying a state is the diff of two styles', () => {
  it('a state against itself needs nothing; against any other, the diff brings the map there', () => {
    for (const a of STATES)
      for (const b of STATES) {
        const ops = diffStyle(full(a), full(b));
        if (a === b) expect(ops).toEqual([]);
        expect(run(full(a), ops)).toEqual(full(b));
      }
  });

  it('a state change is constant paint values only (never a layout or data-driven property: MapLibre would re-tile)', () => {
    for (const a of STATES)
      for (const b of STATES)
        for (const op of diffStyle(full(a), full(b))) {
          expect(op.kind).toBe('paint');
          expect(retiles(op, full(a)), `${a} → ${b}: ${op.layer} ${op.property}`).toBe(false);
        }
    expect(diffStyle(full('city'), full('bare'))).toEqual([
      { kind: 'paint', layer: 'background', property: 'background-color', value: MAP_STYLE.background },
      { kind: 'paint', layer: 'neighbours', property: 'line-opacity', value: 0 },
      { kind: 'paint', layer: 'rivers', property: 'line-opacity', value: 0 },
      { kind: 'paint', layer: 'neighbour-labels', property: 'text-opacity', value: 0 },
    ]);
    // two states with the same layers differ in feature states only
    expect(diffStyle(full('city'), full('horqin'))).toEqual([]);
  });

  it('a new width changes the sizes only; with nothing applied yet everything is set', () => {
    const ops = diffStyle(full('city'), full('city', 2 * W));
    expect(ops.map((o) => `${o.layer}.${o.property}`).sort()).toEqual(
      [
        'markers.circle-radius',
        'markers.circle-stroke-width',
        'zone.circle-radius',
        'neighbour-labels.text-size',
        'neighbour-labels.text-halo-width',
        'county-labels.text-size',
        'county-labels.text-halo-width',
        'zone-label.text-size',
        'zone-label.text-halo-width',
        'marker-leaders.line-width',
        'marker-labels.text-size',
        'marker-labels.text-halo-width',
      ].sort(),
    );
    // with nothing applied yet, every paint and layout property of every layer, each once
    const all = diffStyle(null, full('city'));
    const props = full('city').layers.flatMap((l) =>
      (['layout', 'paint'] as const).flatMap((kind) =>
        Object.entries((l as unknown as Record<string, Record<string, unknown> | undefined>)[kind] ?? {}).map(([property, value]) => ({
          kind,
          layer: l.id,
          property,
          value,
        })),
      ),
    );
    expect(all).toEqual(props);
  });

  it('refuses what is not a property change (other layers, another source), saying so', () => {
    const st = full('city');
    expect(() => diffStyle(st, { ...st, layers: st.layers.slice(1) })).toThrow(/layers differ/);
    expect(() => diffStyle(st, { ...st, sources: {} })).toThrow(/sources differ/);
  });
});
