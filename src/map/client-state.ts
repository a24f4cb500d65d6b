/**
 * The compact form of a resolved map state that the browser needs (embedded in the page as JSON):
 * what MapLibre draws a state from, and what every state of a page shares. Pure.
 */
import type { DataIndex } from '../lib/data/index.ts';
import { unproject, type LngLat } from './camera.ts';
import type { MapStateModel } from './model.ts';
import { LAYERS, type LayerName } from './spec.ts';

/** The compact form of a state that the browser needs to draw it with MapLibre (embedded as JSON). */
export interface ClientState {
  /** Camera: [lon, lat, zoom for a VIEW-wide box]. */
  c: [number, number, number];
  /** Highlighted region ids. */
  h: string[];
  /** County code → fill colour. */
  f: Record<string, string>;
  /** Layers shown. */
  l: LayerName[];
  /** Neighbour names labelled (those that fit in the view). */
  n: string[];
  /**
   * Markers: [lon, lat, radius in viewBox units, hollow (1) or filled (0), full name, region code,
   * label printed beside it ('' for none), the label's [lon, lat], its leader line [lon, lat, lon, lat] or 0].
   */
  m: [number, number, number, 0 | 1, string, string, string, [number, number] | 0, [number, number, number, number] | 0][];
  /** County code → the choropleth's formatted value, for the explore mode's tooltips. */
  v: Record<string, string>;
  /** Label nudges in viewBox units, by county code and `zone` (only those that move). */
  o: Record<string, [number, number]>;
}

/** What every state of a page's map shares, embedded once on the sticky layer. */
export interface MapBase {
  /** Short label by region id. */
  names: Record<string, string>;
  /** The development zone's point. */
  zone: LngLat;
}

/** The shared part for the browser. */
export function mapBase(data: DataIndex): MapBase {
  const zone = data.getRegion('etdz').seat;
  return { names: Object.fromEntries(data.dataset.regions.map((r) => [r.id, r.short])), zone: [zone.lon, zone.lat] };
}

const r5 = (v: number) => Math.round(v * 1e5) / 1e5;
const r2 = (v: number) => Math.round(v * 100) / 100;

export function clientState(m: MapStateModel): ClientState {
  return {
    c: [r5(m.camera.center[0]), r5(m.camera.center[1]), r5(m.camera.zoom)],
    h: m.highlight,
    f: m.fills,
    l: LAYERS.filter((l) => m.layers[l]),
    n: m.neighbourLabels.map((l) => l.id),
    m: m.markers.map((k) => {
      const inv = unproject(m.camera);
      const leader = k.leader
        ? ([...inv([k.leader[0], k.leader[1]]), ...inv([k.leader[2], k.leader[3]])].map(r5) as [number, number, number, number])
        : 0;
      return [
        r5(k.lngLat[0]),
        r5(k.lngLat[1]),
        r2(k.r),
        k.investment === null ? 1 : 0,
        k.name,
        k.county,
        k.label?.text ?? '',
        k.label ? [r5(k.label.lngLat[0]), r5(k.label.lngLat[1])] : 0,
        leader,
      ];
    }),
    v: Object.fromEntries((m.choropleth?.rows ?? []).flatMap((r) => (r.value === null ? [] : [[r.region, r.value]]))),
    o: m.labelOffsets,
  };
}
