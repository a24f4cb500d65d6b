/** Rectangles in CSS pixels, as `getBoundingClientRect` gives them. */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Whether two rectangles share an area (touching edges, within half a pixel, do not count). */
export function overlap(a: Box, b: Box, tolerance = 0.5): boolean {
  return Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance && Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance;
}
