/**
 * The live map's MapLibre style as a pure function of a state (no MapLibre, no DOM): `styleFor(state,
 * { width, stage })` is the whole StyleSpecification a state is drawn with, and applying a state is
 * the diff between the style the map has and the next one (`diffStyle`: one setter per property that
 * differs). Unit-tested in maplibre-style.test.ts.
 *
 * Built so that nothing after start-up makes MapLibre re-tile its one source (a re-tile is a worker
 * round trip and a re-upload, hundreds of ms on a slow phone):
 * - every layer is `visible` from the start (MapLibre does not tile a `visibility: none` layer, so
 *   showing one re-tiles the source): a layer a state leaves out, or a start-up stage that has not
 *   come yet, has a constant opacity of 0, which MapLibre does not draw (nor compile its shaders for);
 * - what differs per feature (fills, highlights, which of the page's circles and label positions a
 *   state shows) is feature state, read by colour expressions (a transparent colour when off), so the
 *   opacities stay constants: changing a data-driven paint property would re-tile the source too.
 * Only the sizes (a new container width) change data-driven or layout properties.
 *
 * The source's data (the page's scene, live-style.ts) is not part of the style: the style's source is
 * empty and the controller gives MapLibre the data once, so styles stay small to build, diff and copy.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { VIEW } from './camera.ts';
import type { ClientState } from './model.ts';
import { MAP_SIZES, MAP_STYLE, MARKER_PAINT } from './style.ts';

/** The one source's id. */
export const SOURCE = 'map';
/** Tiles beyond this zoom are over-zoomed from it: enough detail for this simplified geometry. */
export const SOURCE_MAXZOOM = 10;
/** Nothing drawn. */
export const TRANSPARENT = 'rgba(0,0,0,0)';

/**
 * The layers of each start-up stage, in order. Stage `n` draws the layers of stages 0..n; a later
 * stage's layers are in the map (tiled with the rest) but not drawn, so each stage's first draw (its
 * shaders, its buffers) is a frame of its own.
 */
export const STAGES = [
  // The background alone first: the tiles' arrival then draws nothing of them (no program to compile,
  // no bucket drawn in that frame); the counties' fill is the next stage's first draw.
  ['background'],
  ['fill'],
  ['neighbours', 'borders', 'rivers', 'outline'],
  // One new shader program per stage where they differ (measured: 30–40 ms each to compile on a
  // software renderer): data-driven lines, the markers' circles, the zone's circle.
  ['highlight', 'marker-leaders'],
  ['markers'],
  ['zone'],
  ['county-labels', 'zone-label'],
  ['neighbour-labels', 'marker-labels'],
] as const;
export type LayerId = (typeof STAGES)[number][number];
/** The stage at which everything is drawn. */
export const LAST_STAGE = STAGES.length - 1;

export interface StyleOptions {
  /** The map's container width in CSS px: sizes in viewBox units scale with it, as the SVG does. */
  width: number;
  /** The start-up stage reached (0 … LAST_STAGE); LAST_STAGE after start-up. */
  stage: number;
}

/** The state's layers that a state can leave out (its `l`), by style layer. */
function stateShows(s: ClientState, id: LayerId): boolean {
  const has = (l: string) => s.l.includes(l as never);
  switch (id) {
    case 'neighbours':
      return has('neighbours');
    case 'rivers':
      return has('rivers');
    case 'county-labels':
    case 'zone-label':
      return has('labels');
    case 'neighbour-labels':
      return has('labels') && has('neighbours');
    default:
      return true;
  }
}

/** The background: the neighbours' land when they are shown, else the page's. */
export const backgroundFor = (s: ClientState) => (s.l.includes('neighbours' as never) ? MAP_STYLE.neighbourLand : MAP_STYLE.background);

/** `#rrggbb` at opacity `a`, as a CSS colour. */
export function withAlpha(hex: string, a: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`withAlpha: expected a #rrggbb colour, got "${hex}"`);
  return `rgba(${parseInt(m[1] as string, 16)},${parseInt(m[2] as string, 16)},${parseInt(m[3] as string, 16)},${a})`;
}

const ofKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
const fs = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];
/** `colour` where the feature's state shows it, else nothing. */
const whenOn = (colour: string | ExpressionSpecification): ExpressionSpecification => ['case', fs('on'), colour, TRANSPARENT];
const hlColour = (normal: string): ExpressionSpecification => ['case', fs('hl'), MAP_STYLE.highlight, normal];
const hollow: ExpressionSpecification = ['==', ['get', 'hollow'], 1];

/** A marker's radius at map scale `k`. The SVG's circle is centred on its stroke; MapLibre's lies outside. */
export const markerRadius = (k: number): ExpressionSpecification => ['*', ['-', ['get', 'r'], MARKER_PAINT.filled.strokeWidth / 2], k];
/** The circles' labels' text size at map scale `k`: numbers larger than names, as in the SVG. */
export const markerLabelTextSize = (k: number): ExpressionSpecification => [
  'case',
  ['==', ['get', 'numbered'], 1],
  MAP_SIZES.markerNumber * k,
  MAP_SIZES.markerLabel * k,
];

/** The style state `s` is drawn with, at container width `width`, with start-up stage `stage` reached. */
export function styleFor(s: ClientState, o: StyleOptions): StyleSpecification {
  if (!(o.width > 0)) throw new Error(`styleFor: width must be a positive number of px, got ${o.width}`);
  if (!Number.isInteger(o.stage) || o.stage < 0 || o.stage > LAST_STAGE)
    throw new Error(`styleFor: stage must be an integer from 0 to ${LAST_STAGE}, got ${o.stage}`);
  const k = o.width / VIEW.width;
  const drawn = new Set<string>(STAGES.slice(0, o.stage + 1).flat());
  /** 1 where the layer is drawn: its stage has come and the state shows it. A constant, never data-driven. */
  const opacity = (id: LayerId) => (drawn.has(id) && stateShows(s, id) ? 1 : 0);
  const line = (id: LayerId, kind: string, color: string | ExpressionSpecification, width: number): LayerSpecification => ({
    id,
    type: 'line',
    source: SOURCE,
    filter: ofKind(kind),
    layout: { 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': width, 'line-opacity': opacity(id) },
  });
  const label = (
    id: LayerId,
    kind: string,
    size: number | ExpressionSpecification,
    colour: string | ExpressionSpecification,
    halo: string,
  ) =>
    ({
      id,
      type: 'symbol',
      source: SOURCE,
      filter: ofKind(kind),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['sans-serif'],
        'text-size': size,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': whenOn(colour),
        'text-halo-color': whenOn(halo),
        'text-halo-width': 1.75 * k,
        'text-opacity': opacity(id),
      },
    }) satisfies LayerSpecification;
  const { filled, hollow: empty } = MARKER_PAINT;
  return {
    version: 8,
    sources: { [SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, maxzoom: SOURCE_MAXZOOM } },
    layers: [
      {
        id: 'background',
        type: 'background',
        paint: { 'background-color': backgroundFor(s), 'background-opacity': opacity('background') },
      },
      line('neighbours', 'neighbours', MAP_STYLE.neighbourBorder, MAP_SIZES.neighbourBorder),
      {
        id: 'fill',
        type: 'fill',
        source: SOURCE,
        filter: ofKind('county'),
        paint: {
          'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], MAP_STYLE.land]],
          'fill-antialias': false,
          'fill-opacity': opacity('fill'),
        },
      },
      line('borders', 'borders', MAP_STYLE.countyBorder, MAP_SIZES.countyBorder),
      line('rivers', 'rivers', MAP_STYLE.river, MAP_SIZES.river),
      line('outline', 'outline', MAP_STYLE.outline, MAP_SIZES.outline),
      line('highlight', 'county', ['case', fs('hl'), MAP_STYLE.highlight, TRANSPARENT], MAP_SIZES.highlight),
      {
        id: 'markers',
        type: 'circle',
        source: SOURCE,
        filter: ofKind('marker'),
        paint: {
          'circle-radius': markerRadius(k),
          // The fill's opacity is in its colour (MapLibre premultiplies: the same pixels as circle-opacity).
          'circle-color': whenOn(['case', hollow, withAlpha(empty.fill, empty.fillOpacity), withAlpha(filled.fill, filled.fillOpacity)]),
          'circle-stroke-color': whenOn(['case', hollow, empty.stroke, filled.stroke]),
          'circle-stroke-width': filled.strokeWidth * k,
          'circle-opacity': opacity('markers'),
          'circle-stroke-opacity': opacity('markers'),
        },
      },
      {
        id: 'zone',
        type: 'circle',
        source: SOURCE,
        filter: ofKind('zone'),
        paint: {
          'circle-radius': MAP_SIZES.zoneRadius * k,
          'circle-color': hlColour(MAP_STYLE.zone),
          'circle-stroke-color': MAP_STYLE.halo,
          'circle-stroke-width': 1.5,
          'circle-opacity': opacity('zone'),
          'circle-stroke-opacity': opacity('zone'),
        },
      },
      label('neighbour-labels', 'neighbour-label', MAP_SIZES.neighbourLabel * k, MAP_STYLE.neighbourText, MAP_STYLE.neighbourLand),
      label('county-labels', 'county-label', MAP_SIZES.countyLabel * k, hlColour(MAP_STYLE.text), MAP_STYLE.halo),
      label('zone-label', 'zone-label', MAP_SIZES.zoneLabel * k, hlColour(MAP_STYLE.text), MAP_STYLE.halo),
      line('marker-leaders', 'leader', whenOn(MAP_STYLE.markerText), MAP_SIZES.leader * k),
      label('marker-labels', 'marker-label', markerLabelTextSize(k), MAP_STYLE.markerText, MAP_STYLE.halo),
    ],
  };
}

/** One setter call on the map, as `diffStyle` chooses them. */
export interface StyleOp {
  kind: 'paint' | 'layout';
  layer: string;
  property: string;
  value: unknown;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The setter calls that take a map showing style `prev` to style `next` (every paint and layout
 * property of `next` when there is no `prev`). Both must have the same sources and layers in the same
 * order (as every `styleFor` style has): anything else is not a state change and throws.
 */
export function diffStyle(prev: StyleSpecification | null, next: StyleSpecification): StyleOp[] {
  if (prev) {
    const ids = (st: StyleSpecification) => st.layers.map((l) => `${l.id}:${l.type}`).join(',');
    if (ids(prev) !== ids(next))
      throw new Error(`diffStyle: the layers differ (${ids(prev)} → ${ids(next)}); only property changes are diffed`);
    if (!same(prev.sources, next.sources)) throw new Error('diffStyle: the sources differ; only property changes are diffed');
    next.layers.forEach((l, i) => {
      const p = prev.layers[i] as LayerSpecification;
      if (!same((p as { filter?: unknown }).filter, (l as { filter?: unknown }).filter))
        throw new Error(`diffStyle: layer "${l.id}" has another filter; only property changes are diffed`);
    });
  }
  const ops: StyleOp[] = [];
  next.layers.forEach((l, i) => {
    const p = prev?.layers[i] as (LayerSpecification & { paint?: object; layout?: object }) | undefined;
    for (const kind of ['layout', 'paint'] as const) {
      const before = (p?.[kind] ?? {}) as Record<string, unknown>;
      const after = ((l as { paint?: object; layout?: object })[kind] ?? {}) as Record<string, unknown>;
      for (const property of new Set([...Object.keys(before), ...Object.keys(after)]))
        if (!p || !same(before[property], after[property])) ops.push({ kind, layer: l.id, property, value: after[property] });
    }
  });
  return ops;
}

/**
 * Whether MapLibre re-tiles the source for this setter: any layout property, and any paint property
 * that is or was an expression (data-driven); a constant paint value only repaints.
 */
export function retiles(op: StyleOp, prev: StyleSpecification | null): boolean {
  if (op.kind === 'layout') return true;
  const was = (prev?.layers.find((l) => l.id === op.layer) as { paint?: Record<string, unknown> } | undefined)?.paint?.[op.property];
  return Array.isArray(op.value) || Array.isArray(was);
}

/**
 * `style` with only the layers of stages 0..`stage`, in paint order: how start-up builds the map's
 * layers a few per slice while its source is still empty (adding a layer to an empty source costs no
 * tiling; creating them all at once is one long task of expression parsing).
 */
export function withLayersUpTo(style: StyleSpecification, stage: number): StyleSpecification {
  const upTo = new Set<string>(STAGES.slice(0, stage + 1).flat());
  return { ...style, layers: style.layers.filter((l) => upTo.has(l.id)) };
}
