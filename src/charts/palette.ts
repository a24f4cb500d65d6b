/**
 * The one palette of the chart kit. SVG marks take these values as presentation attributes
 * (`fill="#1f5b99"`, which d3-transition can interpolate and a strict CSP allows); HTML parts of a
 * chart use the same values as CSS custom properties, generated into `palette.css` from this file.
 *
 * Chosen for a light page (`--bg`): every colour that draws text reaches 4.5:1 against it, every
 * colour that draws a thin mark or a bar reaches 3:1, and the colours that must be told apart stay
 * apart under protanopia, deuteranopia and tritanopia (palette.test.ts checks all three claims).
 * Colour never carries meaning alone: targets are also dashed and hollow, highlights also bold.
 */

/** The page background the contrast ratios are measured against (same as `--bg` in global.css). */
export const BACKGROUND = '#fdfcf8';

export const PALETTE = {
  /** Page background, also the halo behind labels that cross lines. */
  bg: BACKGROUND,
  /** Main text and the zero line. */
  ink: '#1b1b1b',
  /** Secondary text: ticks, units, source line. */
  muted: '#595959',
  /** Gridlines: decoration only, deliberately faint (values are labelled or in the table). */
  grid: '#e2ddd0',
  /** Axis lines, connectors and the outline of the "rest" of a whole. */
  axis: '#737f8c',
  /** Realised values: lines, filled points, bars. */
  actual: '#1f5b99',
  /** Targets and plans: dashed lines, hollow points, "目标" labels. */
  target: '#b35900',
  /** The highlighted item of a state. */
  highlight: '#a4231b',
  /** Items pushed back while another is highlighted. */
  context: '#737f8c',
  /** The part of a whole that no part covers (area fill, outlined in `axis`). */
  rest: '#e6e1d5',
} as const;

export type PaletteToken = keyof typeof PALETTE;

/**
 * Colours for parts that sit side by side (share segments, grouped series). Four at most: beyond that
 * no set of colours stays distinct for every reader, so charts combine the smallest parts instead.
 */
export const CATEGORICAL = ['#1f5b99', '#b35900', '#2299bb', '#885577'] as const;

/** Tokens that draw text and therefore need 4.5:1 against the background. */
export const TEXT_TOKENS = ['ink', 'muted', 'actual', 'target', 'highlight'] as const satisfies readonly PaletteToken[];

/** Tokens that draw lines, points or bars and therefore need 3:1 against the background. */
export const MARK_TOKENS = ['ink', 'axis', 'actual', 'target', 'highlight', 'context'] as const satisfies readonly PaletteToken[];

/** `--chart-actual: #1f5b99;` … for every token and categorical colour, as one `:root` rule. */
export function paletteCss(): string {
  const tokens = Object.entries(PALETTE).map(([name, value]) => `  --chart-${name}: ${value};`);
  const categorical = CATEGORICAL.map((value, i) => `  --chart-cat-${i + 1}: ${value};`);
  return [
    '/* Generated from src/charts/palette.ts by palette.test.ts (npx vitest run -u src/charts/palette.test.ts). Do not edit. */',
    ':root {',
    ...tokens,
    ...categorical,
    '}',
    '',
  ].join('\n');
}
