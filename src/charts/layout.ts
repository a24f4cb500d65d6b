/**
 * The two layouts every chart is drawn in. The SVG scales with its container, so a font size in
 * viewBox units is rendered at `size × container / width` pixels. A container query
 * (chart.css) shows `compact` below `REGULAR_FROM` pixels and `regular` from there on; the widths and
 * fonts below keep every text at 11 px or more across each layout's whole range:
 *
 * - compact: containers of 288 px (a 320 px phone minus the page padding) up to 519 px,
 *   12 × 288 / 300 = 11.5 px at the narrowest;
 * - regular: containers from 520 px, 14 × 520 / 560 = 13 px at the narrowest (desktop readers sit
 *   further away; the prose column gives about 544 px).
 */

export type LayoutName = 'compact' | 'regular';

export interface Layout {
  name: LayoutName;
  /** viewBox width. */
  width: number;
  /** Smallest text: ticks, units, secondary labels. */
  small: number;
  /** Labels of items and values. */
  label: number;
  /** Big numbers on cards. */
  big: number;
  /** Radius of a data point. */
  point: number;
  /** Stroke width of a data line. */
  line: number;
  /** Thickness of one bar. */
  bar: number;
  /** Gap between labels and what they label. */
  pad: number;
}

export const LAYOUTS: Record<LayoutName, Layout> = {
  compact: { name: 'compact', width: 300, small: 12, label: 13, big: 44, point: 3.5, line: 2.5, bar: 14, pad: 5 },
  regular: { name: 'regular', width: 560, small: 14, label: 15, big: 64, point: 4.5, line: 3, bar: 18, pad: 6 },
};

export const LAYOUT_NAMES: LayoutName[] = ['compact', 'regular'];

/** A chart's scene drawn in each layout (`view()` of every kind). */
export function inEachLayout<T>(draw: (layout: Layout) => T): Record<LayoutName, T> {
  return { compact: draw(LAYOUTS.compact), regular: draw(LAYOUTS.regular) };
}

/** Container width (CSS px) from which the regular layout is shown; chart.css uses the same number. */
export const REGULAR_FROM = 520;

/** Narrowest container a chart must read well in: a 320 px screen minus 16 px padding each side. */
export const NARROWEST = 288;

/**
 * Tallest compact drawing (viewBox units). On a 390 × 844 phone a scrolly's sticky graphic must end
 * above the line where the next text card becomes active, about 466 px of layer; title, unit line
 * and a two-line source line take about 125 px of it, which leaves about 340 px, or 280 units at
 * the compact scale (358 / 300) with a little to spare. Taller charts would be covered or cut off.
 */
export const MAX_COMPACT_HEIGHT = 280;
