/**
 * The live map's scene and feature states as pure functions of the page's states (no MapLibre, no
 * DOM), so the MapLibre side is a thin diff-and-apply (map-controller.ts) and the rules are unit-tested;
 * the style itself is maplibre-style.ts.
 *
 * One GeoJSON source holds everything a page's map can show: the counties, the lines, the labels and
 * every state's circles and label positions (labels nudged off circles are baked into positions per
 * state, as the SVG draws them). A state is then a set of feature states (fill, highlight, shown or
 * not) and a few constant paint properties (maplibre-style.ts): changing state never re-tiles the
 * source, and start-up is one source, tiled once.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { projector, unproject, type LngLat } from './camera.ts';
import type { MapLayers } from './layers.ts';
import type { ClientState, MapBase } from './model.ts';
import { MAP_STYLE } from './style.ts';

export type Kind =
  | 'county'
  | 'neighbours'
  | 'borders'
  | 'outline'
  | 'rivers'
  | 'county-label'
  | 'neighbour-label'
  | 'zone'
  | 'zone-label'
  | 'marker'
  | 'marker-label'
  | 'leader';

export interface SceneProps {
  kind: Kind;
  code?: string;
  name?: string;
  /** Markers: radius in viewBox units, hollow (1) or filled (0). */
  r?: number;
  hollow?: 0 | 1;
  /** Marker labels: a number of a numbered state (1) or a name (0). */
  numbered?: 0 | 1;
}

/** A feature's state: what a state shows. Fill colour (counties), highlighted, shown (labels, markers). */
export interface FeatureState {
  fill?: string;
  hl?: boolean;
  on?: boolean;
}

export interface Scene {
  data: FeatureCollection<Geometry, SceneProps>;
  /** Ids of the features each state key shows from the per-state sets (circles and label positions). */
  perState: Map<string, number[]>;
  /** Every id that belongs to a per-state set (off unless its state shows it). */
  setIds: number[];
  counties: Map<string, number>;
  neighbourLabels: Map<string, number>;
  zone: number;
}

const point = (lngLat: LngLat): Geometry => ({ type: 'Point', coordinates: lngLat });

/** Where a label drawn at `anchor` nudged by `offset` (viewBox units) is, for `state`'s camera. */
function nudged(state: ClientState, anchor: LngLat, offset: [number, number] | undefined): LngLat {
  if (!offset || (offset[0] === 0 && offset[1] === 0)) return anchor;
  const camera = { center: [state.c[0], state.c[1]] as LngLat, zoom: state.c[2] };
  const [x, y] = projector(camera)(anchor);
  const [lon, lat] = unproject(camera)([x + offset[0], y + offset[1]]);
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** The page's one source: geometry, labels and every state's circles and label positions. */
export function buildScene(L: MapLayers, base: MapBase, states: Record<string, ClientState>): Scene {
  const features: Feature<Geometry, SceneProps>[] = [];
  const add = (geometry: Geometry, properties: SceneProps): number => {
    const id = features.length + 1;
    features.push({ type: 'Feature', id, properties, geometry });
    return id;
  };
  const counties = new Map<string, number>();
  for (const f of L.counties.features)
    counties.set(String(f.id), add(f.geometry, { kind: 'county', code: String(f.id), name: f.properties.name }));
  add(L.neighbourBorders, { kind: 'neighbours' });
  add(L.innerBorders, { kind: 'borders' });
  add(L.outline, { kind: 'outline' });
  for (const f of L.rivers.features) add(f.geometry, { kind: 'rivers' });
  const neighbourLabels = new Map<string, number>();
  for (const n of L.neighbourLabels) neighbourLabels.set(n.name, add(point(n.label), { kind: 'neighbour-label', name: n.name }));
  const zone = add(point(base.zone), { kind: 'zone', name: base.names['etdz'] ?? '' });

  // Per state: its circles and its label positions; identical sets are shared between states.
  const perState = new Map<string, number[]>();
  const sets = new Map<string, number[]>();
  const setIds: number[] = [];
  const once = (json: string, make: () => number[]): number[] => {
    const known = sets.get(json);
    if (known) return known;
    const ids = make();
    sets.set(json, ids);
    setIds.push(...ids);
    return ids;
  };
  for (const [key, s] of Object.entries(states)) {
    const labels = [
      ...L.counties.features.map((f) => ({
        kind: 'county-label' as const,
        code: String(f.id),
        name: base.names[String(f.id)] ?? f.properties.name,
        at: nudged(s, f.properties.label, s.o[String(f.id)]),
      })),
      { kind: 'zone-label' as const, code: 'etdz', name: base.names['etdz'] ?? '', at: nudged(s, base.zone, s.o['zone']) },
    ];
    const labelIds = once(`l${JSON.stringify(labels)}`, () =>
      labels.map((l) => add(point(l.at), { kind: l.kind, code: l.code, name: l.name })),
    );
    const markerIds = once(`m${JSON.stringify(s.m)}`, () =>
      s.m.flatMap(([lon, lat, r, hollow, name, code, label, at, leader]) => [
        add(point([lon, lat]), { kind: 'marker', r, hollow, name, code }),
        // The name (or number) where the SVG prints it, and its leader line.
        ...(label && at ? [add(point(at), { kind: 'marker-label', name: label, code, numbered: /^\d+$/.test(label) ? 1 : 0 })] : []),
        ...(leader
          ? [
              add(
                {
                  type: 'LineString',
                  coordinates: [
                    [leader[0], leader[1]],
                    [leader[2], leader[3]],
                  ],
                },
                { kind: 'leader', code },
              ),
            ]
          : []),
      ]),
    );
    perState.set(key, [...labelIds, ...markerIds]);
  }
  return { data: { type: 'FeatureCollection', features }, perState, setIds, counties, neighbourLabels, zone };
}

/** Every feature state a state needs, by feature id (complete: a diff against the last one is what to apply). */
export function featureStates(scene: Scene, key: string, s: ClientState): Map<number, FeatureState> {
  const out = new Map<number, FeatureState>();
  for (const [code, id] of scene.counties) out.set(id, { fill: s.f[code] ?? MAP_STYLE.land, hl: s.h.includes(code) });
  for (const [name, id] of scene.neighbourLabels) out.set(id, { on: s.n.includes(name) });
  out.set(scene.zone, { hl: s.h.includes('etdz') });
  const shown = new Set(scene.perState.get(key) ?? []);
  const props = new Map(scene.data.features.map((f) => [f.id as number, f.properties]));
  for (const id of scene.setIds) {
    const p = props.get(id);
    const hl = p?.kind === 'county-label' || p?.kind === 'zone-label' ? s.h.includes(p.code ?? '') : false;
    out.set(id, { on: shown.has(id), hl });
  }
  return out;
}

/**
 * The feature states that differ from `prev` (nothing applied: `prev` null). A feature without a
 * state reads as off and not highlighted (the style's expressions default to false), so those are
 * not set when nothing was: on a new map or tile, MapLibre re-applies every state set to every
 * bucket, and most of a page's features (other states' circles and labels) are off.
 */
export function diffFeatureStates(prev: Map<number, FeatureState> | null, next: Map<number, FeatureState>): [number, FeatureState][] {
  const out: [number, FeatureState][] = [];
  for (const [id, st] of next) {
    const was = prev?.get(id) ?? {};
    if (was.fill !== st.fill || !!was.hl !== !!st.hl || !!was.on !== !!st.on) out.push([id, st]);
  }
  return out;
}
