/**
 * One map state resolved against the dataset and the geometry: the camera, fills, markers, labels,
 * legend, table rows and text alternative. Both renderers draw from this (the SVG at build; MapLibre
 * from its compact `ClientState` form embedded in the page), so they cannot disagree. Pure.
 */
import { scaleQuantize } from 'd3-scale';
import type { DataIndex, Project } from '../lib/data/index.ts';
import { formatNumber, formatValue } from '../lib/data/format.ts';
import { parsePeriod } from '../lib/data/period.ts';
import { SECTORS } from '../lib/data/schema.ts';
import { fitCamera, projector, unproject, VIEW, type Camera, type LngLat } from './camera.ts';
import { locatedProjects, mapName, mapNameProblem } from './check.ts';
import { CITY_BOUNDS, counties, layers, regionBounds } from './geo.ts';
import { LAYERS, type LayerName, type MapSpec, type MapStateSpec } from './spec.ts';
import {
  besideCircle,
  boxesOverlap,
  circleHitsBox,
  labelBox,
  leaderLine,
  segmentHitsBox,
  placeLabels,
  placeLabelsScored,
  type Box,
  type Circle,
  type LabelInput,
} from './labels.ts';
import { MAP_SIZES, MAP_STYLE, MARKER_PAINT } from './style.ts';

export interface MarkerModel {
  id: string;
  /** The project's full name (text alternative, data table, tooltips). */
  name: string;
  /** The name printed on the map (its `short`, else its name). */
  short: string;
  /** Region id the project is placed in. */
  region: string;
  /** The county of that region (the zone's projects are in 科尔沁区). */
  county: string;
  /** Where the circle is drawn (the region seat, spread when several share it). */
  lngLat: LngLat;
  /** Position in the viewBox. */
  x: number;
  y: number;
  /** Radius in viewBox units. */
  r: number;
  /** "120亿元", or null when no investment is known (drawn hollow). */
  investment: string | null;
  sector: string;
  /**
   * What the map prints beside the circle: its short name, or its number in the key when the state
   * has too many circles to name legibly; null when the circle's centre is outside the view.
   */
  label: { text: string; x: number; y: number; lngLat: LngLat; numbered: boolean } | null;
  /** A line from the circle's edge to its label, when the label had to move away from the circle. */
  leader: [number, number, number, number] | null;
}

/** One line of a numbered state's key: the number on the map, the project's map name and its place. */
export interface KeyItem {
  n: number;
  id: string;
  short: string;
  region: string;
}

export interface LabelModel {
  id: string;
  text: string;
  x: number;
  y: number;
  /** Drawn in the highlight colour. */
  highlighted: boolean;
}

export interface LegendBin {
  colour: string;
  label: string;
}

export interface ChoroplethModel {
  /** What is coloured, e.g. "项目投资额（亿元）". */
  title: string;
  bins: LegendBin[];
  /** One row per county, in dataset order; value null when the county has none. */
  rows: { region: string; name: string; value: string | null }[];
}

export interface MapStateModel {
  camera: Camera;
  highlight: string[];
  /** County code → fill colour. */
  fills: Record<string, string>;
  layers: Record<LayerName, boolean>;
  countyLabels: LabelModel[];
  neighbourLabels: LabelModel[];
  /** The development zone's point (always drawn; in the highlight colour when highlighted) and its label's centre. */
  zone: { x: number; y: number; lngLat: LngLat; label: string; labelX: number; labelY: number; highlighted: boolean };
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

/**
 * The corner the 示意图 badge covers (viewBox units, as large as it gets: on a phone-sized map).
 * Neighbour names there are dropped rather than hidden under it; county labels move out of it.
 */
export const BADGE = { left: 460, right: 600, top: 0, bottom: 72 };

/**
 * The corner the 探索地图 / 返回故事 button covers (bottom left; viewBox units where it is largest: an
 * 82 × 44 px button 8 px from the edges of a phone's map, which can be as small as ~275 px when a
 * numbered state's key shares the screen). No label goes there.
 */
export const CONTROLS = { left: 0, right: 200, top: 485, bottom: 600 };

/** More circles in view than this and the state numbers them with a key instead of naming them. */
export const MAX_NAMED = 8;

/** Space between the zone's point and its label. */
const ZONE_GAP = 8;

/** Whether a centred label lies wholly inside the view (half-cut neighbour names are dropped, not clipped). */
function fitsInView(l: { text: string; x: number; y: number }, size: number): boolean {
  const half = (l.text.length * size) / 2 + 4;
  return l.x - half >= 0 && l.x + half <= VIEW.width && l.y - size >= 0 && l.y + size <= VIEW.height;
}

/**
 * A county label that the camera cuts (its county runs off the edge of a zoomed view) moves inside the
 * view, so the name is read whole; one wholly outside stays where it is (the view clips it away).
 */
export function keepInView(text: string, x: number, y: number, size: number): [number, number] {
  const b = labelBox(text, x, y, size);
  if (b.right <= 0 || b.left >= VIEW.width || b.bottom <= 0 || b.top >= VIEW.height) return [x, y];
  const dx = b.left < 0 ? -b.left : b.right > VIEW.width ? VIEW.width - b.right : 0;
  const dy = b.top < 0 ? -b.top : b.bottom > VIEW.height ? VIEW.height - b.bottom : 0;
  return [x + dx, y + dy];
}

function cameraFor(s: MapStateSpec, data: DataIndex): Camera {
  const cam = s.camera;
  if (typeof cam === 'string') return fitCamera(CITY_BOUNDS);
  if ('fit' in cam) return fitCamera(regionBounds(cam.fit, data));
  return { center: cam.center, zoom: cam.zoom };
}

/** The smallest of 1, 2, 2.5 or 5 × 10ⁿ that is at least `v` (a legend step). */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((x) => x >= v) ?? 10 * p;
}

/** 1, 2 or 5 × 10ⁿ, at most `v`. */
function niceFloor(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [5, 2, 1].map((m) => m * p).find((x) => x <= v) ?? p;
}

/** Circle radius for an investment: area proportional, the dataset's largest project at `markerMax`. */
export function markerRadius(investment: number | undefined, max: number): number {
  if (investment === undefined || max <= 0) return MAP_SIZES.markerMin;
  return Math.max(MAP_SIZES.markerMin, MAP_SIZES.markerMax * Math.sqrt(investment / max));
}

/**
 * Place markers around their region's seat: the largest at the seat, the others on a sunflower
 * spiral around it, so several projects in one county stay visible and the layout never changes
 * between builds. Positions are in the viewBox, then converted back to longitude/latitude.
 */
function placeMarkers(projects: Project[], data: DataIndex, camera: Camera, max: number): MarkerModel[] {
  const project = projector(camera);
  const invert = unproject(camera);
  const byRegion = new Map<string, Project[]>();
  for (const p of projects) byRegion.set(p.region, [...(byRegion.get(p.region) ?? []), p]);
  const out: MarkerModel[] = [];
  for (const p of projects) {
    const why = mapNameProblem(p);
    if (why) throw new Error(why);
  }
  for (const [region, group] of byRegion) {
    const { seat, code, within } = data.getRegion(region);
    const [sx, sy] = project([seat.lon, seat.lat]);
    const sorted = [...group].sort((a, b) => (b.investment?.value ?? 0) - (a.investment?.value ?? 0) || a.id.localeCompare(b.id));
    const radii = sorted.map((p) => markerRadius(p.investment?.value, max));
    // Neighbours on the spiral sit about one big circle apart, and small circles never touch.
    const step = Math.max(Math.max(...radii) * 1.2, 2 * MAP_SIZES.markerMin + 3);
    sorted.forEach((p, i) => {
      const angle = i * 2.399963; // the golden angle
      const dist = step * Math.sqrt(i);
      const x = sx + dist * Math.cos(angle);
      const y = sy + dist * Math.sin(angle);
      out.push({
        id: p.id,
        name: p.name,
        region,
        county: code ?? within ?? region,
        lngLat: invert([x, y]),
        x,
        y,
        r: radii[i] as number,
        investment: p.investment ? formatValue(p.investment.value, '亿元', { approx: p.investment.approx }) : null,
        sector: SECTORS[p.sector],
        short: mapName(p),
        label: null,
        leader: null,
      });
    });
  }
  // Big circles first, so small ones stay on top and visible.
  return out.sort((a, b) => b.r - a.r || a.id.localeCompare(b.id));
}

/** The font size of a circle's label (viewBox units): names, or the larger numbers of a numbered state. */
export const markerLabelSize = (numbered: boolean): number => (numbered ? MAP_SIZES.markerNumber : MAP_SIZES.markerLabel);

const inView = (x: number, y: number) => x >= 0 && y >= 0 && x <= VIEW.width && y <= VIEW.height;

/**
 * Name every circle whose centre is in view, beside it, clear of every circle, of the labels already
 * on the map (`taken`) and of each other; inside the view. When more than MAX_NAMED circles are in view,
 * or the names do not all fit, the circles get numbers instead (north to south, then west to east)
 * and the state a key. Sets `label` and `leader` on the markers; returns the key (empty when named).
 */
function labelMarkers(markers: MarkerModel[], circles: Circle[], taken: Box[], invert: (p: [number, number]) => LngLat): KeyItem[] {
  const shown = markers.filter((k) => inView(k.x, k.y));
  if (shown.length === 0) return [];
  let size: number = MAP_SIZES.markerLabel;
  const place = (text: (k: MarkerModel) => string, order: MarkerModel[] = shown) =>
    placeLabelsScored(
      order.map((k) => ({
        id: k.id,
        text: text(k),
        x: k.x,
        y: k.y,
        size,
        candidates: besideCircle(text(k), size, k.r + MARKER_PAINT.filled.strokeWidth / 2),
        leaderFrom: { x: k.x, y: k.y, r: k.r },
      })),
      circles,
      { width: VIEW.width, height: VIEW.height, avoid: taken },
    );
  type Placed = ReturnType<typeof place>;
  const total = (p: Placed) => (Object.keys(p).length < shown.length ? Infinity : Object.values(p).reduce((n, x) => n + x.cost, 0));
  /**
   * The largest circles choose first (they are the hardest to label around); when that leaves a label
   * without a free place, other orders are tried (north first, south first, west, east first). The
   * first order that places every label freely wins, else the least crowded.
   */
  const bestOf = (text: (k: MarkerModel) => string): Placed => {
    let best: Placed | null = null;
    for (const order of [
      shown,
      [...shown].sort((a, b) => a.y - b.y),
      [...shown].sort((a, b) => b.y - a.y),
      [...shown].sort((a, b) => a.x - b.x),
      [...shown].sort((a, b) => b.x - a.x),
    ]) {
      const p = place(text, order);
      if (!best || total(p) < total(best)) best = p;
      if (total(p) === 0) break;
    }
    return best as Placed;
  };
  let numbered = shown.length > MAX_NAMED;
  let order: MarkerModel[] = [];
  let placed: Placed | null = numbered ? null : bestOf((k) => k.short);
  if (!placed || total(placed) > 0) {
    numbered = true;
    order = [...shown].sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
    const number = new Map(order.map((k, i) => [k.id, String(i + 1)]));
    size = MAP_SIZES.markerNumber;
    placed = bestOf((k) => number.get(k.id) as string);
  }
  for (const k of shown) {
    const p = placed[k.id];
    if (!p) continue;
    const x = k.x + p.off[0];
    const y = k.y + p.off[1];
    const text = numbered ? String(order.indexOf(k) + 1) : k.short;
    k.label = { text, x, y, lngLat: invert([x, y]), numbered };
    k.leader = leaderLine({ x: k.x, y: k.y, r: k.r }, p.box);
  }
  return numbered ? order.map((k, i) => ({ n: i + 1, id: k.id, short: k.short, region: k.region })) : [];
}

function choroplethFor(s: MapStateSpec, data: DataIndex): { values: Map<string, number>; title: string; unit: string } | null {
  const c = s.choropleth;
  if (!c) return null;
  const values = new Map<string, number>();
  if ('projects' in c) {
    // A sum over known projects: a county without any has 0, not "no data".
    for (const f of counties.features) values.set(String(f.id), 0);
    for (const p of locatedProjects(data)) {
      if (c.sectors && !c.sectors.includes(p.sector)) continue;
      // Zone projects count towards the county that contains the zone.
      const region = data.getRegion(p.region);
      const county = region.code ?? region.within;
      if (!county) continue;
      const add = c.projects === 'count' ? 1 : p.investment?.value;
      if (add !== undefined) values.set(county, (values.get(county) ?? 0) + add);
    }
    const what = c.sectors ? c.sectors.map((x) => SECTORS[x as keyof typeof SECTORS]).join('、') : '';
    return c.projects === 'count'
      ? { values, title: `${what}已知项目数（个）`, unit: '个' }
      : { values, title: `${what}已知项目投资额合计（亿元）`, unit: '亿元' };
  }
  const first = data.getIndicator(c.indicators[0] as string);
  const periods = new Set<string>();
  for (const id of c.indicators) {
    const o = data.getObservation(id, { period: c.period, kind: c.kind });
    if (o.value === undefined) throw new Error(`indicator '${id}' ${o.period} is a printed range; a choropleth needs one number`);
    values.set(data.getIndicator(id).scope, o.value);
    periods.add(parsePeriod(o.period).label);
  }
  // The check guarantees one unit; without a `period` the periods may differ, so the legend lists them.
  return { values, title: `${c.label ?? first.short ?? first.label}（${[...periods].join('、')}，${first.unit}）`, unit: first.unit };
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

  const fills: Record<string, string> = {};
  let choropleth: ChoroplethModel | null = null;
  const chosen = choroplethFor(s, data);
  if (chosen) {
    const max = Math.max(...chosen.values.values(), 0);
    const n = MAP_STYLE.sequential.length;
    const step = niceCeil((max > 0 ? max : 1) / n);
    const scale = scaleQuantize<string>()
      .domain([0, step * n])
      .range(MAP_STYLE.sequential);
    // Counts in steps of one read better as single numbers (the last bin holds its upper bound too).
    const single = step === 1 && [...chosen.values.values()].every(Number.isInteger);
    const bins: LegendBin[] = MAP_STYLE.sequential.map((colour, i) => ({
      colour,
      label: single && i < n - 1 ? formatNumber(i) : `${formatNumber(i * step)}–${formatNumber((i + 1) * step)}`,
    }));
    const rows = counties.features.map((f) => {
      const code = String(f.id);
      const v = chosen.values.get(code);
      fills[code] = v === undefined ? MAP_STYLE.noData : scale(v);
      return { region: code, name: data.getRegion(code).name, value: v === undefined ? null : formatValue(v, chosen.unit) };
    });
    if (rows.some((r) => r.value === null)) bins.push({ colour: MAP_STYLE.noData, label: '无数据' });
    choropleth = { title: chosen.title, bins, rows };
  } else {
    for (const f of counties.features) fills[String(f.id)] = highlight.includes(String(f.id)) ? MAP_STYLE.highlightLand : MAP_STYLE.land;
  }

  let neighbourLabels = layers.neighbourLabels
    .map((n) => {
      const [x, y] = project(n.label);
      return { id: n.name, text: n.name, x, y, highlighted: false };
    })
    .filter((l) => fitsInView(l, MAP_SIZES.neighbourLabel) && !boxesOverlap(labelBox(l.text, l.x, l.y, MAP_SIZES.neighbourLabel), BADGE));
  const zoneRegion = data.getRegion('etdz');
  const zoneLngLat: LngLat = [zoneRegion.seat.lon, zoneRegion.seat.lat];
  const [zx, zy] = project(zoneLngLat);

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
  const circles: Circle[] = [
    ...markers.map((k) => ({ x: k.x, y: k.y, r: k.r + MARKER_PAINT.filled.strokeWidth / 2 + 1 })),
    { x: zx, y: zy, r: MAP_SIZES.zoneRadius + 2.5 },
  ];
  const zoneText = zoneRegion.short;
  const zoneHalf = ([...zoneText].length * MAP_SIZES.zoneLabel) / 2 + ZONE_GAP;
  const zoneInput: LabelInput = {
    id: 'zone',
    text: zoneText,
    x: zx,
    y: zy,
    size: MAP_SIZES.zoneLabel,
    // Beside the point, right then left, then below and above, further out when crowded.
    candidates: [1, 1.6, 2.4, 3.4].flatMap(
      (k) =>
        [
          [zoneHalf * k, 0],
          [-zoneHalf * k, 0],
          [0, MAP_SIZES.zoneLabel * k],
          [0, -MAP_SIZES.zoneLabel * k],
        ] as [number, number][],
    ),
  };
  const countyInputs: LabelInput[] = counties.features.map((f) => {
    const [x, y] = project(f.properties.label);
    return { id: String(f.id), text: data.getRegion(String(f.id)).short, x, y, size: MAP_SIZES.countyLabel };
  });
  const offsets = placeLabels([zoneInput, ...countyInputs], circles, { width: VIEW.width, height: VIEW.height, avoid: [BADGE, CONTROLS] });
  const zoneOffset = offsets['zone'] ?? [0, 0];
  const countyLabels: LabelModel[] = countyInputs.map((l) => {
    const [dx, dy] = offsets[l.id] ?? [0, 0];
    const [x, y] = keepInView(l.text, l.x + dx, l.y + dy, l.size);
    return { id: l.id, text: l.text, x, y, highlighted: highlight.includes(l.id) };
  });
  // Then the circles' names, clear of everything drawn so far.
  const zoneLabelBox = labelBox(zoneText, zx + zoneOffset[0], zy + zoneOffset[1], MAP_SIZES.zoneLabel);
  const taken: Box[] = [BADGE, CONTROLS];
  if (layerFlags.labels) {
    taken.push(zoneLabelBox, ...countyLabels.map((l) => labelBox(l.text, l.x, l.y, MAP_SIZES.countyLabel)));
  }
  const markerKey = labelMarkers(markers, circles, taken, unproject(camera));
  // A neighbouring prefecture's name is context: it gives way to a project's name or circle.
  const markerMarks = markers.flatMap((k) =>
    k.label ? [labelBox(k.label.text, k.label.x, k.label.y, markerLabelSize(k.label.numbered))] : [],
  );
  neighbourLabels = neighbourLabels.filter((l) => {
    const b = labelBox(l.text, l.x, l.y, MAP_SIZES.neighbourLabel);
    return (
      !markerMarks.some((m) => boxesOverlap(m, b)) &&
      !circles.some((c) => circleHitsBox(c, b)) &&
      !markers.some((k) => k.leader && segmentHitsBox(...k.leader, b))
    );
  });
  const sizeLegend =
    markers.some((m) => m.investment !== null) && maxInvestment > 0
      ? [...new Set([niceFloor(maxInvestment), niceFloor(maxInvestment / 5)])].map((v) => ({
          r: markerRadius(v, maxInvestment),
          label: formatValue(v, '亿元'),
        }))
      : [];

  return {
    camera,
    highlight,
    fills,
    layers: layerFlags,
    countyLabels,
    neighbourLabels,
    zone: {
      x: zx,
      y: zy,
      lngLat: zoneLngLat,
      label: zoneText,
      labelX: zx + zoneOffset[0],
      labelY: zy + zoneOffset[1],
      highlighted: highlight.includes('etdz'),
    },
    labelOffsets: offsets,
    markers,
    markerKey,
    sizeLegend,
    hasHollowMarkers: markers.some((m) => m.investment === null),
    choropleth,
    description: describe(s, data, markers, choropleth),
  };
}

/** The text alternative: view, emphasis, colouring, markers. */
function describe(s: MapStateSpec, data: DataIndex, markers: MarkerModel[], choropleth: ChoroplethModel | null): string {
  const names = (ids: string[]) => ids.map((id) => data.getRegion(id).name).join('、');
  const cam = s.camera;
  const parts = [typeof cam === 'string' || !('fit' in cam) ? '通辽市全市及周边地区示意图' : `通辽市示意图，范围为${names(cam.fit)}`];
  if (s.highlight.length > 0) parts.push(`突出显示${names(s.highlight)}`);
  if (choropleth) {
    const known = choropleth.rows.filter((r) => r.value !== null).map((r) => `${r.name}${r.value}`);
    parts.push(`按旗县区着色：${choropleth.title}，${known.join('，')}`);
  }
  if (markers.length > 0) {
    parts.push(
      `标出${markers.length}个项目（位置按所在旗县区示意）：${markers.map((m) => (m.investment ? `${m.name}（${m.investment}）` : m.name)).join('、')}`,
    );
  }
  return `${parts.join('；')}。`;
}

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
