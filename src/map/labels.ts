/**
 * Label placement: nudge the map's text off the project circles and the development zone's point.
 * Pure and deterministic, in viewBox units; both renderers use its offsets (the SVG adds them to the
 * label's position, MapLibre turns them into `text-offset` ems), so the two agree. Boxes and text
 * widths are the shared ones (src/lib/text-metrics.ts).
 */
import { boxesOverlap, textWidth, type Box } from '../lib/text-metrics.ts';

export { boxesOverlap, type Box };

export interface Circle {
  x: number;
  y: number;
  /** Radius including the stroke and a little clearance. */
  r: number;
}

export interface LabelInput {
  id: string;
  text: string;
  /** Anchor (the label's natural centre before any nudge). */
  x: number;
  y: number;
  /** Font size in viewBox units. */
  size: number;
  /**
   * Offsets to try, best first (viewBox units, from the anchor to the label's centre). Defaults to
   * the anchor itself, then rings of positions around it.
   */
  candidates?: [number, number][];
  /**
   * The circle the label names, when it is placed beside one: a label away from it gets a leader
   * line from the circle's edge, and that line must not cross another label either.
   */
  leaderFrom?: Circle;
}

export interface PlaceOptions {
  /** The view; a label must stay inside it. */
  width: number;
  height: number;
  /** Areas no label may cover (e.g. a badge over a corner of the map). */
  avoid?: Box[];
}

/** Half the halo drawn around text, plus a hair of space. */
const HALO = 2.5;

/**
 * The width the map reserves for `text` at `size`: every character a full em (its names are Chinese,
 * and its numbers and Latin letters are given the same room, on the safe side).
 */
export const mapTextWidth = (text: string, size: number): number => textWidth(text, size, 400, { fullWidth: true });

/** The box a label's text covers, centred at (x, y), with its halo. */
export function labelBox(text: string, x: number, y: number, size: number): Box {
  const w = mapTextWidth(text, size) + 2 * HALO;
  const h = size * 1.2 + 2 * HALO;
  return { x0: x - w / 2, x1: x + w / 2, y0: y - h / 2, y1: y + h / 2 };
}

/** Whether a circle and a box share any area. */
export function circleHitsBox(c: Circle, b: Box): boolean {
  const nx = Math.max(b.x0, Math.min(c.x, b.x1));
  const ny = Math.max(b.y0, Math.min(c.y, b.y1));
  return (c.x - nx) ** 2 + (c.y - ny) ** 2 < c.r * c.r;
}

/** The anchor, then positions around it, nearest first: above and below, the sides and the corners at growing distances. */
export function ringCandidates(text: string, size: number): [number, number][] {
  const box = labelBox(text, 0, 0, size);
  const halfW = box.x1;
  const halfH = box.y1;
  const out: [number, number][] = [[0, 0]];
  for (const step of [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6]) {
    const dy = halfH * step;
    const dx = halfW * step;
    out.push([0, -dy], [0, dy], [dx, 0], [-dx, 0], [dx, -dy], [-dx, -dy], [dx, dy], [-dx, dy]);
  }
  // Nearest first (a stable sort keeps above before below, and so on, at equal distances).
  return out
    .map((o, i) => ({ o, i, d: Math.hypot(o[0], o[1]) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((c) => c.o);
}

/** Whether the segment (x1, y1)–(x2, y2) passes through box `b` (Liang–Barsky clipping). */
export function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  for (const [p, q] of [
    [-dx, x1 - b.x0],
    [dx, b.x1 - x1],
    [-dy, y1 - b.y0],
    [dy, b.y1 - y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Whether segments a and b cross (proper intersection; touching ends do not count). */
export function segmentsCross(a: readonly [number, number, number, number], b: readonly [number, number, number, number]): boolean {
  const side = (x1: number, y1: number, x2: number, y2: number, px: number, py: number) =>
    Math.sign((x2 - x1) * (py - y1) - (y2 - y1) * (px - x1));
  const d1 = side(a[0], a[1], a[2], a[3], b[0], b[1]);
  const d2 = side(a[0], a[1], a[2], a[3], b[2], b[3]);
  const d3 = side(b[0], b[1], b[2], b[3], a[0], a[1]);
  const d4 = side(b[0], b[1], b[2], b[3], a[2], a[3]);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** A name further than this from its circle's edge gets a leader line. */
export const LEADER_MIN = 5;

/**
 * The leader line from circle `c` to the label box `b` (from just off the circle's edge to just off the
 * box), or null when the label is close enough to read as the circle's.
 */
export function leaderLine(c: Circle, b: Box): [number, number, number, number] | null {
  const nx = Math.max(b.x0, Math.min(c.x, b.x1));
  const ny = Math.max(b.y0, Math.min(c.y, b.y1));
  const d = Math.hypot(nx - c.x, ny - c.y);
  if (d - c.r <= LEADER_MIN) return null;
  const ux = (nx - c.x) / d;
  const uy = (ny - c.y) / d;
  return [c.x + ux * (c.r + 1.5), c.y + uy * (c.r + 1.5), nx - ux * 1.5, ny - uy * 1.5];
}

function inside(b: Box, o: PlaceOptions): boolean {
  return b.x0 >= 0 && b.y0 >= 0 && b.x1 <= o.width && b.y1 <= o.height;
}

/** How much a box is in the way: the number of circles it touches, then of boxes it overlaps. */
function cost(b: Box, circles: Circle[], placed: Box[]): number {
  return circles.filter((c) => circleHitsBox(c, b)).length * 10 + placed.filter((p) => boxesOverlap(p, b)).length;
}

/**
 * Where a label beside a circle of radius `r` (its own marker) may go, best first: touching the
 * circle on the right, left, above, below and at the corners, then the same directions further out
 * (those need a leader line back to the circle). Offsets from the circle's centre to the label's.
 */
export function besideCircle(text: string, size: number, r: number): [number, number][] {
  const box = labelBox(text, 0, 0, size);
  const hw = box.x1;
  const hh = box.y1;
  const out: [number, number][] = [];
  // Right, left, above, below, the corners, then the directions between them: the box's nearest
  // corner or edge `extra` units off the circle.
  const angles = [0, 180, -90, 90, -45, -135, 45, 135, -22.5, -157.5, 22.5, 157.5, -67.5, -112.5, 67.5, 112.5];
  for (const extra of [1, 8, 18, 30, 46, 66, 90, 120, 155]) {
    const R = r + extra;
    for (const a of angles) {
      const ux = Math.cos((a * Math.PI) / 180);
      const uy = Math.sin((a * Math.PI) / 180);
      const x = R * ux + Math.sign(Math.round(ux * 1e6)) * hw;
      const y = R * uy + Math.sign(Math.round(uy * 1e6)) * hh;
      out.push([x, y]);
    }
    // Beside the circle, stacked up or down by whole lines (where names of a cluster line up).
    for (const lines of [1, -1, 2, -2, 3, -3, 4, -4]) {
      out.push([R + hw, lines * 2 * hh], [-(R + hw), lines * 2 * hh]);
    }
  }
  // Nearest to the circle first (in steps of 4 units, so the preferred directions lead at each step).
  const gap = ([x, y]: [number, number]) => Math.hypot(Math.max(0, Math.abs(x) - hw), Math.max(0, Math.abs(y) - hh)) - r;
  return out
    .map((o, i) => ({ o, i, g: Math.round(gap(o) / 4) }))
    .sort((a, b) => a.g - b.g || a.i - b.i)
    .map((c) => c.o);
}

/** A label's placement: its offset from the anchor, its box, and how much is in the way there (0: nothing). */
export interface Placement {
  off: [number, number];
  box: Box;
  cost: number;
}

/**
 * Offsets (label id → [dx, dy]) that keep every label's box off every circle and off the labels
 * placed before it, in input order, and inside the view. A label keeps its natural place when nothing
 * is in the way; a label whose anchor is outside the view is left alone (its county is off the map).
 * When no candidate is free, the least crowded one wins. Only non-zero offsets are returned.
 */
export function placeLabels(labels: LabelInput[], circles: Circle[], o: PlaceOptions): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const [id, p] of Object.entries(placeLabelsScored(labels, circles, o))) {
    const [dx, dy] = p.off;
    if (dx !== 0 || dy !== 0) out[id] = [Math.round(dx * 10) / 10, Math.round(dy * 10) / 10];
  }
  return out;
}

/**
 * As `placeLabels`, with every placed label's box and cost (0 when it is clear of every circle, every
 * label placed before it and the areas to avoid), so a caller can tell whether a set of labels fits.
 * Labels whose anchor is outside the view are absent.
 */
export function placeLabelsScored(labels: LabelInput[], circles: Circle[], o: PlaceOptions): Record<string, Placement> {
  const out: Record<string, Placement> = {};
  const placed: Box[] = [...(o.avoid ?? [])];
  const lines: [number, number, number, number][] = [];
  for (const l of labels) {
    const candidates = l.candidates ?? ringCandidates(l.text, l.size);
    const first = candidates[0] ?? [0, 0];
    if (l.x < 0 || l.y < 0 || l.x > o.width || l.y > o.height) continue;
    let best: { off: [number, number]; box: Box; cost: number } | null = null;
    for (const off of candidates) {
      const box = labelBox(l.text, l.x + off[0], l.y + off[1], l.size);
      if (!inside(box, o)) continue;
      let c = cost(box, circles, placed);
      if (l.leaderFrom) {
        // A leader line that crosses a label already placed would point at the wrong name; a long one
        // is a last resort (it costs a little, so the nearest free place wins among the free ones).
        const line = leaderLine(l.leaderFrom, box);
        if (line)
          c +=
            (placed.filter((p) => segmentHitsBox(line[0], line[1], line[2], line[3], p)).length +
              lines.filter((q) => segmentsCross(q, line)).length) *
            10;
      }
      // Nor may a label sit on a leader line drawn before it.
      c += lines.filter((q) => segmentHitsBox(q[0], q[1], q[2], q[3], box)).length * 10;
      if (!best || c < best.cost) best = { off, box, cost: c };
      if (c === 0) break;
    }
    const chosen = best ?? { off: first, box: labelBox(l.text, l.x + first[0], l.y + first[1], l.size), cost: Infinity };
    placed.push(chosen.box);
    const line = l.leaderFrom ? leaderLine(l.leaderFrom, chosen.box) : null;
    if (line) lines.push(line);
    out[l.id] = chosen;
  }
  return out;
}
