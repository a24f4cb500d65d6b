/**
 * The MapLibre map (browser only, loaded lazily by enhance.ts once the reader pauses). Everything it
 * draws comes from our own origin: the committed TopoJSON, MapLibre's worker, and local fonts (no
 * `glyphs`, so text is rendered with the system's CJK font). It shows `ClientState`s, the same
 * resolved states the static SVG was drawn from, with the same camera maths, colours and sizes.
 */
import { Map as MapLibre, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource, type MapLayerMouseEvent, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import topoUrl from '../../data/geo/tongliao.topo.json?url';
import type { Feature, FeatureCollection, MultiLineString, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import { fromMapZoom, moveCamera, VIEW, type LngLat } from './camera.ts';
import { EXTENT, mapLayers } from './layers.ts';
import type { ClientState, MapBase } from './model.ts';
import { MAP_FONT, MAP_SIZES, MAP_STYLE, MARKER_PAINT } from './style.ts';

setWorkerUrl(workerUrl);

/** Tiles beyond this zoom are over-zoomed from it: enough detail for this simplified geometry. */
const SOURCE_MAXZOOM = 10;
/** Phones at 3× render 2.25 times the pixels of 2× for no visible gain on a schematic map. */
const MAX_PIXEL_RATIO = 2;


export interface LiveMap {
  /** Show a state; `animate` eases the camera, otherwise it jumps. */
  show(state: ClientState, opts: { animate: boolean }): void;
  /** The camera in the spec's terms (zoom for the 600-unit reference width), for the debug view. */
  getCamera(): { center: LngLat; zoom: number; bearing: number; pitch: number };
  /** Explore mode: pan, zoom, hover/tap for names and figures. Off: a non-interactive scroll graphic. */
  setExplore(on: boolean): void;
  /** The container changed size (explore overlay, rotation). */
  resize(): void;
  destroy(): void;
}

export interface LiveMapEvents {
  /** The WebGL context was lost: show the static SVG until `restored`. */
  lost(): void;
  /** MapLibre rebuilt its resources and rendered again. */
  restored(): void;
}

const point = <P>(lngLat: LngLat, properties: P): Feature<Point, P> => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: lngLat } });

function markerFeatures(s: ClientState): FeatureCollection<Point> {
  return { type: 'FeatureCollection', features: s.m.map(([lon, lat, r, hollow, name]) => point([lon, lat], { r, hollow, name })) };
}

/**
 * A marker's radius at map scale `f`. The SVG's circle is centred on its stroke; MapLibre's stroke
 * lies outside the radius, so half the stroke comes off.
 */
function markerRadius(f: number): ExpressionSpecification {
  return ['*', ['-', ['get', 'r'], MARKER_PAINT.filled.strokeWidth / 2], f];
}

/** The state's county label nudges (viewBox units, model.ts) as `text-offset` ems of the label size. */
function countyOffsets(s: ClientState): ExpressionSpecification {
  const pairs = Object.entries(s.o).filter(([id]) => id !== 'zone').flatMap(([code, [dx, dy]]) => [code, ['literal', [dx / MAP_SIZES.countyLabel, dy / MAP_SIZES.countyLabel]]]);
  return (pairs.length > 0 ? ['match', ['get', 'code'], ...pairs, ['literal', [0, 0]]] : ['literal', [0, 0]]) as unknown as ExpressionSpecification;
}

/** The zone label's place beside its point, in ems. */
function zoneOffset(s: ClientState): [number, number] {
  const [dx, dy] = s.o['zone'] ?? [0, 0];
  return [dx / MAP_SIZES.zoneLabel, dy / MAP_SIZES.zoneLabel];
}

/** `['match', ['get', 'code'], '150502', '#…', …, fallback]` from a code → colour record. */
function fillExpression(fills: Record<string, string>): ExpressionSpecification {
  const pairs = Object.entries(fills).flat();
  return (pairs.length > 0 ? ['match', ['get', 'code'], ...pairs, MAP_STYLE.land] : ['literal', MAP_STYLE.land]) as unknown as ExpressionSpecification;
}

/**
 * Create the map inside `box` (hidden until the caller fades it in) and resolve once it has rendered
 * `initial`. `pause` resolves when the reader pauses; the map is created only then.
 */
export async function createLiveMap(box: HTMLElement, initial: ClientState, base: MapBase, events: LiveMapEvents, pause: () => Promise<void>): Promise<LiveMap> {
  const names = base.names;
  const topo = (await (await fetch(topoUrl)).json()) as Topology;
  // Creating the map (WebGL context, style, worker) is the costly step: only in a reading pause.
  await pause();
  performance.mark('map:create');
  const L = mapLayers(topo);
  const counties: FeatureCollection = {
    type: 'FeatureCollection',
    features: L.counties.features.map((f) => ({ ...f, properties: { code: String(f.id), name: f.properties.name } })),
  };
  const lineOf = (kind: string, geometry: MultiLineString): Feature => ({ type: 'Feature', properties: { kind }, geometry });
  const lines: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      lineOf('neighbours', L.neighbourBorders),
      lineOf('borders', L.innerBorders),
      lineOf('outline', L.outline),
      ...L.rivers.features.map((f) => lineOf('rivers', f.geometry)),
    ],
  };
  const labels: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      ...L.counties.features.map((f) => point(f.properties.label, { kind: 'county', code: String(f.id), name: names[String(f.id)] ?? f.properties.name })),
      ...L.neighbourLabels.map((n) => point(n.label, { kind: 'neighbour', name: n.name })),
      point(base.zone, { kind: 'zone', name: names['etdz'] ?? '' }),
    ],
  };

  const container = document.createElement('div');
  container.className = 'story-map__gl';
  container.setAttribute('aria-hidden', 'true');
  box.append(container);
  // Text and circles scale with the box like the SVG does; in explore mode (full screen) they keep the
  // size they had in the story instead of growing with the screen.
  let storyScale = container.clientWidth / VIEW.width;
  let exploring = false;
  const scale = () => (exploring ? storyScale : (storyScale = container.clientWidth / VIEW.width));
  const k = scale();

  const line = (id: string, kind: string, color: string, width: number) => ({
    id, type: 'line' as const, source: 'lines', filter: ['==', ['get', 'kind'], kind] as ExpressionSpecification,
    paint: { 'line-color': color, 'line-width': width }, layout: { 'line-join': 'round' as const },
  });
  const ofKind = (kind: string) => ['==', ['get', 'kind'], kind] as ExpressionSpecification;
  const style: StyleSpecification = {
    version: 8,
    // Few sources, few tile levels: every source is tiled in the worker and uploaded on the main thread.
    sources: {
      counties: { type: 'geojson', data: counties, maxzoom: SOURCE_MAXZOOM },
      lines: { type: 'geojson', data: lines, maxzoom: SOURCE_MAXZOOM },
      labels: { type: 'geojson', data: labels, maxzoom: SOURCE_MAXZOOM },
      markers: { type: 'geojson', data: markerFeatures(initial), maxzoom: SOURCE_MAXZOOM },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': MAP_STYLE.neighbourLand } },
      line('neighbours', 'neighbours', MAP_STYLE.neighbourBorder, MAP_SIZES.neighbourBorder),
      { id: 'fill', type: 'fill', source: 'counties', paint: { 'fill-color': MAP_STYLE.land, 'fill-antialias': false } },
      line('borders', 'borders', MAP_STYLE.countyBorder, MAP_SIZES.countyBorder),
      line('rivers', 'rivers', MAP_STYLE.river, MAP_SIZES.river),
      line('outline', 'outline', MAP_STYLE.outline, MAP_SIZES.outline),
      { id: 'highlight', type: 'line', source: 'counties', filter: ['in', ['get', 'code'], ['literal', []]], paint: { 'line-color': MAP_STYLE.highlight, 'line-width': MAP_SIZES.highlight }, layout: { 'line-join': 'round' } },
      {
        id: 'markers', type: 'circle', source: 'markers',
        paint: {
          'circle-radius': markerRadius(k),
          'circle-color': ['case', ['==', ['get', 'hollow'], 1], MARKER_PAINT.hollow.fill, MARKER_PAINT.filled.fill],
          'circle-opacity': ['case', ['==', ['get', 'hollow'], 1], MARKER_PAINT.hollow.fillOpacity, MARKER_PAINT.filled.fillOpacity],
          'circle-stroke-color': ['case', ['==', ['get', 'hollow'], 1], MARKER_PAINT.hollow.stroke, MARKER_PAINT.filled.stroke],
          'circle-stroke-width': MARKER_PAINT.filled.strokeWidth * k,
        },
      },
      { id: 'zone', type: 'circle', source: 'labels', filter: ofKind('zone'), paint: { 'circle-radius': MAP_SIZES.zoneRadius * k, 'circle-color': MAP_STYLE.zone, 'circle-stroke-color': MAP_STYLE.halo, 'circle-stroke-width': 1.5 } },
      {
        id: 'neighbour-labels', type: 'symbol', source: 'labels', filter: ofKind('neighbour'),
        layout: { 'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': MAP_SIZES.neighbourLabel * k, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': MAP_STYLE.neighbourText, 'text-halo-color': MAP_STYLE.neighbourLand, 'text-halo-width': 1.75 * k },
      },
      {
        id: 'county-labels', type: 'symbol', source: 'labels', filter: ofKind('county'),
        layout: {
          'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': MAP_SIZES.countyLabel * k,
          'text-offset': countyOffsets(initial),
          'text-allow-overlap': true, 'text-ignore-placement': true,
        },
        paint: { 'text-color': MAP_STYLE.text, 'text-halo-color': MAP_STYLE.halo, 'text-halo-width': 1.75 * k },
      },
      {
        id: 'zone-label', type: 'symbol', source: 'labels', filter: ofKind('zone'),
        layout: { 'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': MAP_SIZES.zoneLabel * k, 'text-offset': zoneOffset(initial), 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': MAP_STYLE.text, 'text-halo-color': MAP_STYLE.halo, 'text-halo-width': 1.75 * k },
      },
    ],
  };

  const map = new MapLibre({
    container,
    style,
    center: [initial.c[0], initial.c[1]],
    zoom: initial.c[2] + Math.log2(container.clientWidth / VIEW.width),
    interactive: false,
    attributionControl: false,
    renderWorldCopies: false,
    fadeDuration: 0,
    localIdeographFontFamily: MAP_FONT,
    pixelRatio: Math.min(devicePixelRatio, MAX_PIXEL_RATIO),
  });

  let current = initial;
  const tooltip = document.createElement('p');
  tooltip.className = 'story-map__tip';
  tooltip.hidden = true;
  box.append(tooltip);

  const apply = (s: ClientState) => {
    const has = (l: string) => s.l.includes(l as never);
    const visible = (on: boolean) => (on ? 'visible' : 'none');
    map.setPaintProperty('background', 'background-color', has('neighbours') ? MAP_STYLE.neighbourLand : MAP_STYLE.background);
    map.setLayoutProperty('neighbours', 'visibility', visible(has('neighbours')));
    map.setLayoutProperty('rivers', 'visibility', visible(has('rivers')));
    map.setLayoutProperty('county-labels', 'visibility', visible(has('labels')));
    map.setLayoutProperty('zone-label', 'visibility', visible(has('labels')));
    map.setLayoutProperty('neighbour-labels', 'visibility', visible(has('labels') && has('neighbours')));
    map.setFilter('neighbour-labels', ['all', ofKind('neighbour'), ['in', ['get', 'name'], ['literal', s.n]]]);
    map.setPaintProperty('fill', 'fill-color', fillExpression(s.f));
    map.setFilter('highlight', ['in', ['get', 'code'], ['literal', s.h]]);
    map.setPaintProperty('county-labels', 'text-color', ['case', ['in', ['get', 'code'], ['literal', s.h]], MAP_STYLE.highlight, MAP_STYLE.text]);
    map.setPaintProperty('zone-label', 'text-color', s.h.includes('etdz') ? MAP_STYLE.highlight : MAP_STYLE.text);
    map.setPaintProperty('zone', 'circle-color', s.h.includes('etdz') ? MAP_STYLE.highlight : MAP_STYLE.zone);
    (map.getSource('markers') as GeoJSONSource).setData(markerFeatures(s));
    map.setLayoutProperty('county-labels', 'text-offset', countyOffsets(s));
    map.setLayoutProperty('zone-label', 'text-offset', zoneOffset(s));
  };

  /** Sizes in viewBox units follow the container's width, as they do in the scaled SVG. */
  const rescale = () => {
    const f = scale();
    map.setPaintProperty('markers', 'circle-radius', markerRadius(f));
    map.setPaintProperty('markers', 'circle-stroke-width', MARKER_PAINT.filled.strokeWidth * f);
    map.setPaintProperty('zone', 'circle-radius', MAP_SIZES.zoneRadius * f);
    for (const [id, size] of [['neighbour-labels', MAP_SIZES.neighbourLabel], ['county-labels', MAP_SIZES.countyLabel], ['zone-label', MAP_SIZES.zoneLabel]] as const) {
      map.setLayoutProperty(id, 'text-size', size * f);
      map.setPaintProperty(id, 'text-halo-width', 1.75 * f);
    }
  };

  const showTip = (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (!f) return;
    const code = String(f.properties['code']);
    const value = current.v[code];
    const projects = current.m.filter((m) => m[5] === code).map((m) => m[4]);
    tooltip.textContent = [f.properties['name'], value, projects.length > 0 ? `项目：${projects.join('、')}` : ''].filter(Boolean).join(' · ');
    tooltip.hidden = false;
  };
  const hideTip = () => {
    tooltip.hidden = true;
  };

  // MapLibre keeps the context restorable (preventDefault on loss) and rebuilds its painter on restore.
  map.on('webglcontextlost', () => events.lost());
  map.on('webglcontextrestored', () => map.once('idle', () => events.restored()));

  // An 'error' without a listener would be logged to the console; before the first render it means
  // the map cannot start (the caller keeps the SVG), afterwards a failed update leaves the last picture.
  let failStart: ((e: Error) => void) | null = null;
  map.on('error', (e) => failStart?.(new Error(e.error.message)));
  await new Promise<void>((resolve, reject) => {
    failStart = reject;
    map.once('load', () => {
      apply(initial);
      map.once('idle', () => resolve());
    });
  }).finally(() => {
    failStart = null;
  });

  return {
    show(s, opts) {
      current = s;
      apply(s);
      if (!exploring) moveCamera(map, { center: [s.c[0], s.c[1]], zoom: s.c[2] }, opts);
    },
    getCamera() {
      const c = map.getCenter();
      const r = (v: number) => Math.round(v * 1e4) / 1e4;
      return { center: [r(c.lng), r(c.lat)], zoom: r(fromMapZoom(map.getZoom(), container.clientWidth)), bearing: map.getBearing(), pitch: map.getPitch() };
    },
    setExplore(on) {
      exploring = on;
      const handlers = [map.dragPan, map.scrollZoom, map.doubleClickZoom, map.keyboard, map.touchZoomRotate];
      for (const h of handlers) {
        if (on) h.enable();
        else h.disable();
      }
      if (on) map.touchZoomRotate.disableRotation();
      // Explorers stay within the geometry's extent; story cameras are never constrained (they must match the SVG).
      map.setMaxBounds(on ? [[EXTENT[0], EXTENT[1]], [EXTENT[2], EXTENT[3]]] : null);
      container.classList.toggle('is-interactive', on);
      // In the story the canvas is decoration (the SVG underneath carries the description); exploring,
      // it is a control that keyboard users can reach and pan with the arrow keys.
      if (on) container.removeAttribute('aria-hidden');
      else container.setAttribute('aria-hidden', 'true');
      const canvas = map.getCanvas();
      canvas.tabIndex = on ? 0 : -1;
      canvas.setAttribute('aria-label', '可探索的地图：拖动或用方向键平移，滚轮、双指或加减号缩放');
      if (on) {
        map.on('mousemove', 'fill', showTip);
        map.on('click', 'fill', showTip);
        map.on('mouseleave', 'fill', hideTip);
      } else {
        map.off('mousemove', 'fill', showTip);
        map.off('click', 'fill', showTip);
        map.off('mouseleave', 'fill', hideTip);
        hideTip();
      }
    },
    resize() {
      map.resize();
      rescale();
      if (!exploring) moveCamera(map, { center: [current.c[0], current.c[1]], zoom: current.c[2] }, { animate: false });
    },
    destroy() {
      map.remove();
      container.remove();
      tooltip.remove();
    },
  };
}
