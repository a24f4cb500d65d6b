/**
 * The map's colours and sizes, used by both renderers (SVG attributes at build, MapLibre paint
 * properties in the browser) so the two agree. Colours come from the chart kit's palette (highlight,
 * ink, its blue for quantities, its orange for project circles); the land tones are the map's own.
 * Text colours reach 4.5:1 on the land.
 * Sizes are in viewBox units (the map is 600 units wide; on a 390 px phone 1 unit ≈ 0.65 px).
 */
import { PALETTE } from '../charts/palette.ts';

export const MAP_STYLE = {
  /** Outside the geometry's extent, and the page behind the map. */
  background: PALETTE.bg,
  /** Neighbouring prefectures: quiet. */
  neighbourLand: '#efece4',
  neighbourBorder: '#c9c2b0',
  neighbourText: '#5f5a50',
  /** The city's counties without a choropleth. */
  land: '#fffdf7',
  countyBorder: '#b9b09a',
  outline: PALETTE.muted,
  river: '#7fb0d6',
  text: PALETTE.ink,
  halo: '#ffffff',
  highlight: PALETTE.highlight,
  highlightLand: '#f6e3df',
  /** Counties without a value in a choropleth. */
  noData: '#e4e1da',
  /** Sequential, light to dark (blues of the chart kit's `actual`). */
  sequential: ['#dbe7f2', '#b0cbe4', '#7ba6cf', '#4a7fb5', PALETTE.actual],
  marker: PALETTE.target,
  /** Project names and numbers beside their circles (the circles' colour, 4.5:1 on the land). */
  markerText: PALETTE.target,
  /** Point of the development zone. */
  zone: PALETTE.ink,
} as const;

export const MAP_SIZES = {
  countyLabel: 19,
  neighbourLabel: 16,
  /** 19 units ≈ 11.3 CSS px on a 390 px phone (the map is about 358 px wide there): the smallest legible size. */
  zoneLabel: 19,
  /** Project names or numbers beside their circles (as legible as the county names). */
  markerLabel: 19,
  /**
   * Numbers beside the circles of a numbered state: larger (they are short, and a numbered state's key
   * takes room from a phone's map, which then draws smaller).
   */
  markerNumber: 24,
  /** A line from a circle to its name when the name had to move away from it. */
  leader: 1.2,
  countyBorder: 0.8,
  outline: 1.4,
  highlight: 2.6,
  river: 1.3,
  neighbourBorder: 0.8,
  /** Project circles: area proportional to investment, this radius for the largest project. */
  markerMax: 28,
  /** Projects without an investment figure, and the smallest circle drawn. */
  markerMin: 9,
  zoneRadius: 4,
} as const;

/**
 * Project circles: a strong outline and a light fill, so circles that overlap stay distinguishable
 * (each outline shows through the others). Projects without a published investment are outline only.
 * Stroke widths are in viewBox units, like the radii.
 */
export const MARKER_PAINT = {
  filled: { fill: PALETTE.target, fillOpacity: 0.3, stroke: PALETTE.target, strokeWidth: 2.2 },
  hollow: { fill: '#ffffff', fillOpacity: 0, stroke: PALETTE.target, strokeWidth: 2.2 },
} as const;

/**
 * Font stack for map text. MapLibre draws CJK text locally with this CSS family list (the style has
 * no `glyphs`); the SVG uses the page's `--font-sans`, which lists the same CJK fonts.
 */
export const MAP_FONT = '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';
