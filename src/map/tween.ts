/**
 * Camera moves between build-time SVG states, without WebGL. Every state's SVG draws the shared
 * geometry through one similarity transform (`matrix(k 0 0 k x y)`: viewBox = k · reference + (x, y),
 * render.ts) and places its circles and labels in viewBox units at their projected anchors. A camera
 * move is then an interpolation of that transform, like MapLibre's `easeTo` (zoom linear, the centre
 * moving in a straight line across the world), with each circle and label translated to where the
 * interpolated camera puts its anchor; sizes stay as they are, as MapLibre keeps text and circle sizes.
 * Pure maths here; `enhance.ts` applies it frame by frame.
 */

/** viewBox = k · reference + (x, y). */
export interface Similarity {
  k: number;
  x: number;
  y: number;
}

/** The camera of a `matrix(k 0 0 k x y)` transform (render.ts writes nothing else), or null. */
export function parseMatrix(s: string | null | undefined): Similarity | null {
  const m = /^matrix\(([^)]*)\)$/.exec(s?.trim() ?? '');
  if (!m) return null;
  const v = (m[1] as string)
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (v.length !== 6 || v.some((n) => !Number.isFinite(n)) || v[0] !== v[3] || v[1] !== 0 || v[2] !== 0 || !((v[0] as number) > 0))
    return null;
  return { k: v[0] as number, x: v[4] as number, y: v[5] as number };
}

export function formatMatrix(t: Similarity): string {
  return `matrix(${[t.k, 0, 0, t.k, t.x, t.y].map((n) => Number(n.toFixed(4))).join(' ')})`;
}

/**
 * The camera between `a` and `b` at `t` ∈ [0, 1] for a `width`×`height` view: log-scale (zoom)
 * linear, the reference point at the view's centre on a straight line (MapLibre's `easeTo`).
 */
export function interpolateCamera(a: Similarity, b: Similarity, t: number, width = 600, height = 600): Similarity {
  const cx = width / 2;
  const cy = height / 2;
  // The reference point at the centre of the view, for each camera.
  const ax = (cx - a.x) / a.k;
  const ay = (cy - a.y) / a.k;
  const bx = (cx - b.x) / b.k;
  const by = (cy - b.y) / b.k;
  const k = a.k * (b.k / a.k) ** t;
  const px = ax + (bx - ax) * t;
  const py = ay + (by - ay) * t;
  return { k, x: cx - k * px, y: cy - k * py };
}

/**
 * Where a point drawn at `(x, y)` in a state whose camera is `base` shows under camera `now`, as the
 * translation to add to it.
 */
export function shift(base: Similarity, now: Similarity, x: number, y: number): [number, number] {
  const rx = (x - base.x) / base.k;
  const ry = (y - base.y) / base.k;
  return [now.k * rx + now.x - x, now.k * ry + now.y - y];
}

/** Cubic in-out, the chart kit's (d3-transition's default) easing. */
export function easeCubicInOut(t: number): number {
  const u = t * 2;
  return (u <= 1 ? u * u * u : (u - 2) * (u - 2) * (u - 2) + 2) / 2;
}

/** Whether two cameras show the same view (no camera move needed). */
export function sameCamera(a: Similarity, b: Similarity): boolean {
  return Math.abs(Math.log2(a.k / b.k)) < 1e-4 && Math.abs(a.x - b.x) < 0.05 && Math.abs(a.y - b.y) < 0.05;
}
