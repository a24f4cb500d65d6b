/**
 * The MapLibre map (browser only, loaded lazily by enhance.ts once the reader pauses). Everything it
 * draws comes from our own origin: the committed TopoJSON, MapLibre's worker, and local fonts (no
 * `glyphs`, so text is rendered with the system's CJK font). It shows `ClientState`s, the same
 * resolved states the static SVG was drawn from, with the same camera maths, colours and sizes.
 */
import { Map as MapLibre, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource, type MapLayerMouseEvent, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import topoUrl from '../../data/geo/tongliao.topo.json?url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import { fromMapZoom, moveCamera, VIEW, type LngLat } from './camera.ts';
import { EXTENT, mapLayers } from './layers.ts';
import type { ClientState, MapBase } from './model.ts';
import { LABEL_OFFSET, MAP_FONT, MAP_SIZES, MAP_STYLE } from './style.ts';

setWorkerUrl(workerUrl);


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

/** `['match', ['get', 'code'], '150502', '#…', …, fallback]` from a code → colour record. */
function fillExpression(fills: Record<string, string>): ExpressionSpecification {
  const pairs = Object.entries(fills).flat();
  return (pairs.length > 0 ? ['match', ['get', 'code'], ...pairs, MAP_STYLE.land] : ['literal', MAP_STYLE.land]) as unknown as ExpressionSpecification;
}

/** Create the map inside `box` (hidden until the caller fades it in) and resolve once it has rendered `initial`. */
export async function createLiveMap(box: HTMLElement, initial: ClientState, base: MapBase, events: LiveMapEvents): Promise<LiveMap> {
  const names = base.names;
  const topo = (await (await fetch(topoUrl)).json()) as Topology;
  const L = mapLayers(topo);
  const counties: FeatureCollection = {
    type: 'FeatureCollection',
    features: L.counties.features.map((f) => ({ ...f, properties: { code: String(f.id), name: f.properties.name } })),
  };
  const countyLabels: FeatureCollection = {
    type: 'FeatureCollection',
    features: L.counties.features.map((f) => point(f.properties.label, { code: String(f.id), name: names[String(f.id)] ?? f.properties.name })),
  };
  const neighbourLabels: FeatureCollection = { type: 'FeatureCollection', features: L.neighbourLabels.map((n) => point(n.label, { name: n.name })) };
  const zone = base.zone;

  const container = document.createElement('div');
  container.className = 'story-map__gl';
  container.setAttribute('aria-hidden', 'true');
  box.append(container);
  const scale = () => container.clientWidth / VIEW.width;
  const k = scale();

  const line = (id: string, source: string, color: string, width: number) => ({ id, type: 'line' as const, source, paint: { 'line-color': color, 'line-width': width }, layout: { 'line-join': 'round' as const } });
  const style: StyleSpecification = {
    version: 8,
    sources: {
      counties: { type: 'geojson', data: counties },
      borders: { type: 'geojson', data: L.innerBorders },
      outline: { type: 'geojson', data: L.outline },
      neighbours: { type: 'geojson', data: L.neighbourBorders },
      rivers: { type: 'geojson', data: L.rivers },
      'county-labels': { type: 'geojson', data: countyLabels },
      'neighbour-labels': { type: 'geojson', data: neighbourLabels },
      zone: { type: 'geojson', data: point(zone, { name: names['etdz'] ?? '' }) },
      markers: { type: 'geojson', data: markerFeatures(initial) },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': MAP_STYLE.neighbourLand } },
      line('neighbours', 'neighbours', MAP_STYLE.neighbourBorder, MAP_SIZES.neighbourBorder),
      { id: 'fill', type: 'fill', source: 'counties', paint: { 'fill-color': MAP_STYLE.land, 'fill-antialias': false } },
      line('borders', 'borders', MAP_STYLE.countyBorder, MAP_SIZES.countyBorder),
      line('rivers', 'rivers', MAP_STYLE.river, MAP_SIZES.river),
      line('outline', 'outline', MAP_STYLE.outline, MAP_SIZES.outline),
      { ...line('highlight', 'counties', MAP_STYLE.highlight, MAP_SIZES.highlight), filter: ['in', ['get', 'code'], ['literal', []]] },
      {
        id: 'markers', type: 'circle', source: 'markers',
        paint: {
          'circle-radius': ['*', ['get', 'r'], k],
          'circle-color': ['case', ['==', ['get', 'hollow'], 1], MAP_STYLE.halo, MAP_STYLE.marker],
          'circle-opacity': ['case', ['==', ['get', 'hollow'], 1], 1, 0.8],
          'circle-stroke-color': ['case', ['==', ['get', 'hollow'], 1], MAP_STYLE.marker, MAP_STYLE.markerStroke],
          'circle-stroke-width': ['case', ['==', ['get', 'hollow'], 1], 2, 1.2],
        },
      },
      { id: 'zone', type: 'circle', source: 'zone', paint: { 'circle-radius': MAP_SIZES.zoneRadius * k, 'circle-color': MAP_STYLE.zone, 'circle-stroke-color': MAP_STYLE.halo, 'circle-stroke-width': 1.5 } },
      {
        id: 'neighbour-labels', type: 'symbol', source: 'neighbour-labels',
        layout: { 'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': MAP_SIZES.neighbourLabel * k, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': MAP_STYLE.neighbourText, 'text-halo-color': MAP_STYLE.neighbourLand, 'text-halo-width': 1.75 * k },
      },
      {
        id: 'county-labels', type: 'symbol', source: 'county-labels',
        layout: {
          'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': MAP_SIZES.countyLabel * k,
          'text-offset': ['match', ['get', 'code'], ...Object.entries(LABEL_OFFSET).flatMap(([code, [dx, dy]]) => [code, ['literal', [dx / MAP_SIZES.countyLabel, dy / MAP_SIZES.countyLabel]]]), ['literal', [0, 0]]] as unknown as ExpressionSpecification,
          'text-allow-overlap': true, 'text-ignore-placement': true,
        },
        paint: { 'text-color': MAP_STYLE.text, 'text-halo-color': MAP_STYLE.halo, 'text-halo-width': 1.75 * k },
      },
      {
        id: 'zone-label', type: 'symbol', source: 'zone',
        layout: { 'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': MAP_SIZES.zoneLabel * k, 'text-anchor': 'left', 'text-offset': [8 / MAP_SIZES.zoneLabel, 0], 'text-allow-overlap': true, 'text-ignore-placement': true },
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
  });

  let current = initial;
  let exploring = false;
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
    map.setFilter('neighbour-labels', ['in', ['get', 'name'], ['literal', s.n]]);
    map.setPaintProperty('fill', 'fill-color', fillExpression(s.f));
    map.setFilter('highlight', ['in', ['get', 'code'], ['literal', s.h]]);
    map.setPaintProperty('county-labels', 'text-color', ['case', ['in', ['get', 'code'], ['literal', s.h]], MAP_STYLE.highlight, MAP_STYLE.text]);
    map.setPaintProperty('zone-label', 'text-color', s.h.includes('etdz') ? MAP_STYLE.highlight : MAP_STYLE.text);
    map.setPaintProperty('zone', 'circle-color', s.h.includes('etdz') ? MAP_STYLE.highlight : MAP_STYLE.zone);
    (map.getSource('markers') as GeoJSONSource).setData(markerFeatures(s));
  };

  /** Sizes in viewBox units follow the container's width, as they do in the scaled SVG. */
  const rescale = () => {
    const f = scale();
    map.setPaintProperty('markers', 'circle-radius', ['*', ['get', 'r'], f]);
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
