/**
 * Label placement: nudge the map's text off the project circles and the development zone's point.
 * Pure and deterministic, in viewBox units; both renderers use its offsets (the SVG adds them to the
 * label's position, MapLibre turns them into `text-offset` ems), so the two agree.
 */

export interface Circle {
  x: number;
  y: number;
  /** Radius including the stroke and a little clearance. */
  r: number;
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
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

/** The box a label's text covers, centred at (x, y): CJK glyphs are one em wide. */
export function labelBox(text: string, x: number, y: number, size: number): Box {
  const w = [...text].length * size + 2 * HALO;
  const h = size * 1.2 + 2 * HALO;
  return { left: x - w / 2, right: x + w / 2, top: y - h / 2, bottom: y + h / 2 };
}

/** Whether a circle and a box share any area. */
export function circleHitsBox(c: Circle, b: Box): boolean {
  const nx = Math.max(b.left, Math.min(c.x, b.right));
  const ny = Math.max(b.top, Math.min(c.y, b.bottom));
  return (c.x - nx) ** 2 + (c.y - ny) ** 2 < c.r * c.r;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
}

/** The anchor, then positions around it, nearest first: above and below, the sides and the corners at growing distances. */
export function ringCandidates(text: string, size: number): [number, number][] {
  const box = labelBox(text, 0, 0, size);
  const halfW = box.right;
  const halfH = box.bottom;
  const out: [number, number][] = [[0, 0]];
  for (const step of [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6]) {
    const dy = halfH * step;
    const dx = halfW * step;
    out.push([0, -dy], [0, dy], [dx, 0], [-dx, 0], [dx, -dy], [-dx, -dy], [dx, dy], [-dx, dy]);
  }
  // Nearest first (a stable sort keeps above before below, and so on, at equal distances).
  return out.map((o, i) => ({ o, i, d: Math.hypot(o[0], o[1]) })).sort((a, b) => a.d - b.d || a.i - b.i).map((c) => c.o);
}

function inside(b: Box, o: PlaceOptions): boolean {
  return b.left >= 0 && b.top >= 0 && b.right <= o.width && b.bottom <= o.height;
}

/** How much a box is in the way: the number of circles it touches, then of boxes it overlaps. */
function cost(b: Box, circles: Circle[], placed: Box[]): number {
  return circles.filter((c) => circleHitsBox(c, b)).length * 10 + placed.filter((p) => boxesOverlap(p, b)).length;
}

/**
 * Offsets (label id → [dx, dy]) that keep every label's box off every circle and off the labels
 * placed before it, in input order, and inside the view. A label keeps its natural place when nothing
 * is in the way; a label whose anchor is outside the view is left alone (its county is off the map).
 * When no candidate is free, the least crowded one wins. Only non-zero offsets are returned.
 */
export function placeLabels(labels: LabelInput[], circles: Circle[], o: PlaceOptions): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  const placed: Box[] = [...(o.avoid ?? [])];
  for (const l of labels) {
    const candidates = l.candidates ?? ringCandidates(l.text, l.size);
    const first = candidates[0] ?? [0, 0];
    if (l.x < 0 || l.y < 0 || l.x > o.width || l.y > o.height) continue;
    let best: { off: [number, number]; box: Box; cost: number } | null = null;
    for (const off of candidates) {
      const box = labelBox(l.text, l.x + off[0], l.y + off[1], l.size);
      if (!inside(box, o)) continue;
      const c = cost(box, circles, placed);
      if (!best || c < best.cost) best = { off, box, cost: c };
      if (c === 0) break;
    }
    const chosen = best ?? { off: first, box: labelBox(l.text, l.x + first[0], l.y + first[1], l.size) };
    placed.push(chosen.box);
    const [dx, dy] = chosen.off;
    if (dx !== 0 || dy !== 0) out[l.id] = [Math.round(dx * 10) / 10, Math.round(dy * 10) / 10];
  }
  return out;
}
