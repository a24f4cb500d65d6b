/**
 * Placing point labels so they neither overlap each other nor the marks they describe. Greedy and
 * deterministic: requests are placed in the order given (most important first), each at the first
 * candidate position that stays inside the bounds and clear of everything placed before. When no
 * candidate is clear, the least-overlapping one is used and the layout check reports it.
 */
import type { TextMark } from './scene.ts';
import { ASCENT, DESCENT, intersects, textBox, type Box } from './text.ts';

export type Side = 'above' | 'below' | 'right' | 'left';

export interface LabelRequest {
  key: string;
  /** The point being labelled. */
  x: number;
  y: number;
  text: string;
  size: number;
  fill: string;
  weight?: 400 | 700;
  /** Distance to keep from the point (its radius plus a gap). */
  clearance: number;
  /** Sides to try, in order of preference. */
  prefer: Side[];
}

/** Offset from a line's centre to its baseline: a label at `y + middle(size)` is centred on `y`. */
export function middle(size: number): number {
  return ((ASCENT - DESCENT) / 2) * size;
}

/** Candidate text marks for one side: centred first, then shifted so the label can clear an edge. */
function candidates(r: LabelRequest, side: Side): Omit<TextMark, 'key' | 'fill' | 'type'>[] {
  const base = { text: r.text, size: r.size, weight: r.weight ?? 400 };
  const mid = r.y + middle(r.size);
  switch (side) {
    case 'above': {
      const y = r.y - r.clearance - DESCENT * r.size;
      return [
        { ...base, x: r.x, y, anchor: 'middle' },
        { ...base, x: r.x - r.clearance, y, anchor: 'start' },
        { ...base, x: r.x + r.clearance, y, anchor: 'end' },
      ];
    }
    case 'below': {
      const y = r.y + r.clearance + ASCENT * r.size;
      return [
        { ...base, x: r.x, y, anchor: 'middle' },
        { ...base, x: r.x - r.clearance, y, anchor: 'start' },
        { ...base, x: r.x + r.clearance, y, anchor: 'end' },
      ];
    }
    case 'right':
      return [{ ...base, x: r.x + r.clearance, y: mid, anchor: 'start' }];
    case 'left':
      return [{ ...base, x: r.x - r.clearance, y: mid, anchor: 'end' }];
  }
}

function inside(b: Box, bounds: Box): boolean {
  return b.x0 >= bounds.x0 && b.y0 >= bounds.y0 && b.x1 <= bounds.x1 && b.y1 <= bounds.y1;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places every request. `obstacles` are boxes to keep clear of (points, other text); `bounds` is
 * the area labels must stay in. Returns one text mark per request, in request order.
 */
export function placeLabels(requests: LabelRequest[], obstacles: Box[], bounds: Box): TextMark[] {
  const taken = [...obstacles];
  return requests.map((r) => {
    const all = r.prefer.flatMap((side) => candidates(r, side));
    const scored = all.map((c) => {
      const box = textBox(c);
      const clash = taken.reduce((sum, t) => sum + (intersects(box, t, 2) ? overlapArea(box, t) + 1 : 0), 0);
      return { c, box, clash, fits: inside(box, bounds) };
    });
    const best =
      scored.find((s) => s.fits && s.clash === 0) ?? [...scored].sort((a, b) => Number(b.fits) - Number(a.fits) || a.clash - b.clash)[0];
    if (!best) throw new Error(`label "${r.text}" has no sides to try`);
    taken.push(best.box);
    return { type: 'text', key: r.key, fill: r.fill, halo: true, ...best.c };
  });
}

/** The box a point of radius `r` occupies, for use as an obstacle. */
export function pointBox(x: number, y: number, r: number): Box {
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
}
