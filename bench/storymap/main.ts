/**
 * The comparison page of the benchmark (issue 13): our chapters told the way the common MapLibre
 * storymap templates do it (mapbox "storytelling" and its MapLibre ports): MapLibre, scrollama and
 * d3 loaded eagerly, the map created on load with one GeoJSON source per layer group, a chapter card
 * per step over a full-screen sticky map, `flyTo` and layer filters per chapter on scrollama's
 * `onStepEnter`. A competent, typical implementation: self-hosted libraries and data, no third-party
 * requests, MapLibre's stylesheet, reduced motion respected. Built by bench/storymap.ts.
 */
import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import scrollama from 'scrollama';
import { select, selectAll } from 'd3-selection';
import 'd3-transition';
import topoUrl from '../../data/geo/tongliao.topo.json?url';
import type { Topology } from 'topojson-specification';
import { mapLayers } from '../../src/map/layers.ts';
import { MAP_FONT, MAP_SIZES, MAP_STYLE, MARKER_PAINT } from '../../src/map/style.ts';

interface Chapter {
  id: string;
  /** The chapter's text (HTML of the step card). */
  html: string;
  /** The step's map state, or null for a chart step (its static SVG is in `figure`). */
  map: {
    c: [number, number, number];
    h: string[];
    f: Record<string, string>;
    l: string[];
    m: [number, number, number, 0 | 1, string, string][];
  } | null;
  figure: string | null;
}
interface Story {
  title: string;
  names: Record<string, string>;
  zone: [number, number];
  chapters: Chapter[];
}

maplibregl.setWorkerUrl(workerUrl);
const story = JSON.parse(document.getElementById('chapters')!.textContent!) as Story;
const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;

// The chapter cards, built with d3 as the templates do.
const features = select('#features');
features
  .selectAll('section')
  .data(story.chapters)
  .join('section')
  .attr('id', (d) => d.id)
  .attr('class', (_d, i) => `step${i === 0 ? ' active' : ''}`)
  .append('div')
  .attr('class', 'card')
  .html((d) => d.html + (d.figure ?? ''));

const first = story.chapters.find((c) => c.map)?.map ?? {
  c: [121.5, 44, 6.3] as [number, number, number],
  h: [],
  f: {},
  l: ['neighbours', 'rivers', 'labels'],
  m: [],
};
const zoomFor = (z: number) => z + Math.log2(window.innerWidth / 600);

const map = new maplibregl.Map({
  container: 'map',
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_STYLE.neighbourLand } }],
  },
  center: [first.c[0], first.c[1]],
  zoom: zoomFor(first.c[2]),
  interactive: false,
  attributionControl: false,
  localIdeographFontFamily: MAP_FONT,
});

const markerData = (m: Chapter['map']) => ({
  type: 'FeatureCollection' as const,
  features: (m?.m ?? []).map(([lon, lat, r, hollow, name]) => ({
    type: 'Feature' as const,
    properties: { r, hollow, name },
    geometry: { type: 'Point' as const, coordinates: [lon, lat] },
  })),
});

map.on('load', async () => {
  const topo = (await (await fetch(topoUrl)).json()) as Topology;
  const L = mapLayers(topo);
  map.addSource('counties', {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: L.counties.features.map((f) => ({
        ...f,
        properties: { code: String(f.id), name: story.names[String(f.id)] ?? f.properties.name },
      })),
    },
  });
  map.addSource('borders', { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: L.innerBorders } });
  map.addSource('outline', { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: L.outline } });
  map.addSource('neighbours', { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: L.neighbourBorders } });
  map.addSource('rivers', { type: 'geojson', data: L.rivers });
  map.addSource('labels', {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: [
        ...L.counties.features.map((f) => ({
          type: 'Feature' as const,
          properties: { code: String(f.id), name: story.names[String(f.id)] ?? '' },
          geometry: { type: 'Point' as const, coordinates: f.properties.label },
        })),
        {
          type: 'Feature' as const,
          properties: { code: 'etdz', name: story.names['etdz'] ?? '' },
          geometry: { type: 'Point' as const, coordinates: story.zone },
        },
      ],
    },
  });
  map.addSource('markers', { type: 'geojson', data: markerData(first) });
  map.addLayer({
    id: 'neighbours',
    type: 'line',
    source: 'neighbours',
    paint: { 'line-color': MAP_STYLE.neighbourBorder, 'line-width': MAP_SIZES.neighbourBorder },
  });
  map.addLayer({ id: 'fill', type: 'fill', source: 'counties', paint: { 'fill-color': MAP_STYLE.land } });
  map.addLayer({
    id: 'borders',
    type: 'line',
    source: 'borders',
    paint: { 'line-color': MAP_STYLE.countyBorder, 'line-width': MAP_SIZES.countyBorder },
  });
  map.addLayer({ id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': MAP_STYLE.river, 'line-width': MAP_SIZES.river } });
  map.addLayer({
    id: 'outline',
    type: 'line',
    source: 'outline',
    paint: { 'line-color': MAP_STYLE.outline, 'line-width': MAP_SIZES.outline },
  });
  map.addLayer({
    id: 'highlight',
    type: 'line',
    source: 'counties',
    filter: ['in', ['get', 'code'], ['literal', first.h]],
    paint: { 'line-color': MAP_STYLE.highlight, 'line-width': MAP_SIZES.highlight },
  });
  map.addLayer({
    id: 'markers',
    type: 'circle',
    source: 'markers',
    paint: {
      'circle-radius': ['*', ['get', 'r'], 0.65],
      'circle-color': MARKER_PAINT.filled.fill,
      'circle-opacity': ['case', ['==', ['get', 'hollow'], 1], 0, MARKER_PAINT.filled.fillOpacity],
      'circle-stroke-color': MARKER_PAINT.filled.stroke,
      'circle-stroke-width': 1.4,
    },
  });
  map.addLayer({
    id: 'labels',
    type: 'symbol',
    source: 'labels',
    layout: { 'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': 12 },
    paint: { 'text-color': MAP_STYLE.text, 'text-halo-color': MAP_STYLE.halo, 'text-halo-width': 1.2 },
  });
  setup();
});

let lastMap: Chapter['map'] = first;
function enter(chapter: Chapter): void {
  if (!chapter.map || !map.isStyleLoaded()) return;
  const m = chapter.map;
  lastMap = m;
  const visible = (on: boolean) => (on ? 'visible' : 'none');
  map.setLayoutProperty('rivers', 'visibility', visible(m.l.includes('rivers')));
  map.setLayoutProperty('neighbours', 'visibility', visible(m.l.includes('neighbours')));
  map.setLayoutProperty('labels', 'visibility', visible(m.l.includes('labels')));
  const fills = Object.entries(m.f).flat();
  map.setPaintProperty(
    'fill',
    'fill-color',
    (fills.length ? ['match', ['get', 'code'], ...fills, MAP_STYLE.land] : MAP_STYLE.land) as unknown as ExpressionSpecification,
  );
  map.setFilter('highlight', ['in', ['get', 'code'], ['literal', m.h]]);
  (map.getSource('markers') as GeoJSONSource).setData(markerData(m));
  const target = { center: [m.c[0], m.c[1]] as [number, number], zoom: zoomFor(m.c[2]), bearing: 0, pitch: 0 };
  if (reduced) map.jumpTo(target);
  else map.flyTo({ ...target, speed: 1.2, essential: true });
}

function setup(): void {
  const scroller = scrollama();
  scroller.setup({ step: '.step', offset: 0.5, progress: true }).onStepEnter(({ element, index }) => {
    selectAll('.step').classed('active', false);
    select(element).classed('active', true).select('.card').style('opacity', 0.6).transition().duration(300).style('opacity', 1);
    const chapter = story.chapters[index];
    if (chapter) enter(chapter);
  });
  window.addEventListener('resize', () => {
    scroller.resize();
    if (lastMap) map.jumpTo({ center: [lastMap.c[0], lastMap.c[1]], zoom: zoomFor(lastMap.c[2]) });
  });
}
