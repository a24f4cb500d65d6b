/**
 * A state's project circles: where they sit (spread around their region's seat), how large (area by
 * investment), what they print beside them (names, or numbers and a key when crowded) and the size
 * legend. Pure, in viewBox units.
 */
import type { DataIndex, Project } from '../lib/data/index.ts';
import { formatValue } from '../lib/data/format.ts';
import { SECTORS } from '../lib/data/schema.ts';
import { projector, unproject, VIEW, type Camera, type LngLat } from './camera.ts';
import { mapName, mapNameProblem } from './check.ts';
import { besideCircle, leaderLine, placeLabelsScored, type Box, type Circle } from './labels.ts';
import { MAP_SIZES, MARKER_PAINT } from './style.ts';

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

/** More circles in view than this and the state numbers them with a key instead of naming them. */
export const MAX_NAMED = 8;

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
export function placeMarkers(projects: Project[], data: DataIndex, camera: Camera, max: number): MarkerModel[] {
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
export function labelMarkers(markers: MarkerModel[], circles: Circle[], taken: Box[], invert: (p: [number, number]) => LngLat): KeyItem[] {
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

/** Reference circles for the size legend (largest first), when some shown circle has an investment. */
export function sizeLegend(markers: MarkerModel[], maxInvestment: number): { r: number; label: string }[] {
  return markers.some((m) => m.investment !== null) && maxInvestment > 0
    ? [...new Set([niceFloor(maxInvestment), niceFloor(maxInvestment / 5)])].map((v) => ({
        r: markerRadius(v, maxInvestment),
        label: formatValue(v, '亿元'),
      }))
    : [];
}
