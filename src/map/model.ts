/**
 * One map state resolved against the dataset and the geometry: the camera, fills, markers, labels,
 * legend, table rows and text alternative. Pure. Each concern lives in its own module (choropleth.ts,
 * markers.ts, region-labels.ts, describe.ts; client-state.ts for the browser's compact form); this
 * puts them together in the order they depend on each other. The SVG is drawn from it through the
 * scene (scene.ts → render.ts), MapLibre from its `ClientState`, so the two cannot disagree.
 */
import type { DataIndex } from '../lib/data/index.ts';
import { fitCamera, projector, unproject, type Camera } from './camera.ts';
import { locatedProjects } from './check.ts';
import { countyFills, type ChoroplethModel } from './choropleth.ts';
import { describeState } from './describe.ts';
import { CITY_BOUNDS, regionBounds } from './geo.ts';
import type { Circle } from './labels.ts';
import { labelMarkers, placeMarkers, sizeLegend, type KeyItem, type MarkerModel } from './markers.ts';
import {
  BADGE,
  clearOfMarkers,
  CONTROLS,
  neighbourLabelsInView,
  placeRegionLabels,
  regionLabelBoxes,
  type LabelModel,
  type ZoneModel,
} from './region-labels.ts';
import { LAYERS, type LayerName, type MapSpec, type MapStateSpec } from './spec.ts';
import { MAP_SIZES, MARKER_PAINT } from './style.ts';

export type { ChoroplethModel, LegendBin } from './choropleth.ts';
export type { KeyItem, MarkerModel } from './markers.ts';
export { MAX_NAMED, markerLabelSize, markerRadius } from './markers.ts';
export type { LabelModel, ZoneModel } from './region-labels.ts';
export { BADGE, CONTROLS, keepInView } from './region-labels.ts';
export { clientState, mapBase, type ClientState, type MapBase } from './client-state.ts';

export interface MapStateModel {
  camera: Camera;
  highlight: string[];
  /** County code → fill colour. */
  fills: Record<string, string>;
  layers: Record<LayerName, boolean>;
  countyLabels: LabelModel[];
  neighbourLabels: LabelModel[];
  /** The development zone's point (always drawn; in the highlight colour when highlighted) and its label's centre. */
  zone: ZoneModel;
  /** Label nudges off the circles (labels.ts), by county code and `zone`: what MapLibre needs to agree. */
  labelOffsets: Record<string, [number, number]>;
  markers: MarkerModel[];
  /** The key of a numbered state (its circles carry numbers, in this order); empty when they carry names. */
  markerKey: KeyItem[];
  /** Reference circles for the size legend (largest first), when markers are shown. */
  sizeLegend: { r: number; label: string }[];
  hasHollowMarkers: boolean;
  choropleth: ChoroplethModel | null;
  /** Text alternative: what the map shows, in one or two sentences. */
  description: string;
}

function cameraFor(s: MapStateSpec, data: DataIndex): Camera {
  const cam = s.camera;
  if (typeof cam === 'string') return fitCamera(CITY_BOUNDS);
  if ('fit' in cam) return fitCamera(regionBounds(cam.fit, data));
  return { center: cam.center, zoom: cam.zoom };
}

/** Resolve one state of a map graphic. */
export function resolveMapState(spec: MapSpec, stateName: string, data: DataIndex): MapStateModel {
  const s = spec.states[stateName];
  if (!s) throw new Error(`map "${spec.title}" has no state "${stateName}"; its states: ${Object.keys(spec.states).join(', ')}`);
  const camera = cameraFor(s, data);
  const project = projector(camera);
  const highlight = s.highlight;
  const shown = new Set(s.layers ?? LAYERS);
  const layerFlags = Object.fromEntries(LAYERS.map((l) => [l, shown.has(l)])) as Record<LayerName, boolean>;
  const { fills, choropleth } = countyFills(s, data, highlight);

  const all = locatedProjects(data);
  const maxInvestment = Math.max(0, ...all.map((p) => p.investment?.value ?? 0));
  const selected =
    s.projects === undefined
      ? []
      : s.projects === 'all'
        ? all.filter((p) => !s.sectors || s.sectors.includes(p.sector))
        : s.projects.map((id) => data.getProject(id));
  const markers = placeMarkers(selected, data, camera, maxInvestment);

  // Labels go where no circle is: the zone's label first (beside its point), then the counties'.
  const zonePoint = project([data.getRegion('etdz').seat.lon, data.getRegion('etdz').seat.lat]);
  const circles: Circle[] = [
    ...markers.map((k) => ({ x: k.x, y: k.y, r: k.r + MARKER_PAINT.filled.strokeWidth / 2 + 1 })),
    { x: zonePoint[0], y: zonePoint[1], r: MAP_SIZES.zoneRadius + 2.5 },
  ];
  const { countyLabels, zone, offsets } = placeRegionLabels(project, data, circles, highlight);
  // Then the circles' names, clear of everything drawn so far.
  const taken = [BADGE, CONTROLS, ...(layerFlags.labels ? regionLabelBoxes(countyLabels, zone) : [])];
  const markerKey = labelMarkers(markers, circles, taken, unproject(camera));
  const neighbourLabels = clearOfMarkers(neighbourLabelsInView(project), markers, circles);

  return {
    camera,
    highlight,
    fills,
    layers: layerFlags,
    countyLabels,
    neighbourLabels,
    zone,
    labelOffsets: offsets,
    markers,
    markerKey,
    sizeLegend: sizeLegend(markers, maxInvestment),
    hasHollowMarkers: markers.some((m) => m.investment === null),
    choropleth,
    description: describeState(s, data, markers, choropleth),
  };
}
