/**
 * A chart state as plain data: a flat list of keyed marks in one coordinate system. Geometry
 * functions produce scenes; `sceneMarkup` writes one as SVG elements. The browser animates between
 * two scenes of the same chart by matching `data-key`, so a key names the same thing in every
 * state (a point of a series, a bar of a row) and never depends on what else is shown.
 */

interface MarkBase {
  /** Stable across the states of one chart, unique within a scene. */
  key: string;
  /** 0–1; omitted means fully opaque. */
  opacity?: number;
}

export interface RectMark extends MarkBase {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
}

export interface LineMark extends MarkBase {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: string;
  strokeWidth: number;
  dash?: string;
}

export interface PathMark extends MarkBase {
  type: 'path';
  d: string;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
  dash?: string;
}

export interface CircleMark extends MarkBase {
  type: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface TextMark extends MarkBase {
  type: 'text';
  /** Anchor point; `y` is the alphabetic baseline. */
  x: number;
  y: number;
  text: string;
  /** Font size in viewBox units (see layout.ts for the legibility floor). */
  size: number;
  fill: string;
  anchor: TextAnchor;
  weight?: 400 | 700;
  /** Paint a background-coloured outline first, so the text stays readable over lines. */
  halo?: boolean;
}

export type Mark = RectMark | LineMark | PathMark | CircleMark | TextMark;

/** One state of a chart at one layout width. */
export interface Scene {
  width: number;
  height: number;
  marks: Mark[];
}

/** Coordinates are rounded to 0.1 viewBox units: finer detail is invisible and bloats the HTML. */
export function round(n: number): number {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

/** Rounds every number in an SVG path string (d3-shape emits full precision). */
export function roundPath(d: string): string {
  return d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (n) => String(round(Number(n))));
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an XML attribute or text node. Everything from the dataset passes through it. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** ` name="value"` for each pair that has a value, in order, escaped; numbers written by `num`. */
export function xmlAttrs(pairs: readonly [string, string | number | undefined][], num: (n: number) => string = String): string {
  return pairs
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? num(v) : v)}"`)
    .join('');
}

/** A chart mark's attributes: numbers rounded (see `round`). */
const attrs = (pairs: [string, string | number | undefined][]): string => xmlAttrs(pairs, (n) => String(round(n)));

function markElement(m: Mark): string {
  const common: [string, string | number | undefined][] = [
    ['data-key', m.key],
    ['opacity', m.opacity],
  ];
  switch (m.type) {
    case 'rect':
      return `<rect${attrs([...common, ['x', m.x], ['y', m.y], ['width', m.width], ['height', m.height], ['fill', m.fill], ['stroke', m.stroke], ['stroke-width', m.strokeWidth]])}/>`;
    case 'line':
      return `<line${attrs([...common, ['x1', m.x1], ['y1', m.y1], ['x2', m.x2], ['y2', m.y2], ['stroke', m.stroke], ['stroke-width', m.strokeWidth], ['stroke-dasharray', m.dash]])}/>`;
    case 'path':
      return `<path${attrs([...common, ['d', roundPath(m.d)], ['fill', m.fill], ['stroke', m.stroke], ['stroke-width', m.strokeWidth], ['stroke-dasharray', m.dash]])}/>`;
    case 'circle':
      return `<circle${attrs([...common, ['cx', m.cx], ['cy', m.cy], ['r', m.r], ['fill', m.fill], ['stroke', m.stroke], ['stroke-width', m.strokeWidth]])}/>`;
    case 'text':
      return `<text${attrs([
        ...common,
        ['x', m.x],
        ['y', m.y],
        ['font-size', m.size],
        ['font-weight', m.weight === 700 ? 700 : undefined],
        ['text-anchor', m.anchor === 'start' ? undefined : m.anchor],
        ['fill', m.fill],
        ['class', m.halo ? 'halo' : undefined],
      ])}>${escapeXml(m.text)}</text>`;
  }
}

/** The marks of a scene as SVG elements, one per line, in paint order. */
export function sceneMarkup(scene: Scene): string {
  const seen = new Set<string>();
  for (const m of scene.marks) {
    if (seen.has(m.key)) throw new Error(`duplicate mark key "${m.key}" in one scene`);
    seen.add(m.key);
  }
  return scene.marks.map(markElement).join('\n');
}

/**
 * A standalone SVG document of a scene, for snapshots, for looking at geometry in a viewer, and for
 * thumbnails (which pass the page's font stack, since an SVG image does not inherit the page's fonts).
 */
export function sceneSvg(scene: Scene, fontFamily = 'Noto Sans CJK SC, sans-serif'): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${round(scene.width)} ${round(scene.height)}" width="${round(scene.width)}" height="${round(scene.height)}" font-family="${escapeXml(fontFamily)}">`,
    '<style>.halo{paint-order:stroke;stroke:#fdfcf8;stroke-width:3px;stroke-linejoin:round}</style>',
    sceneMarkup(scene),
    '</svg>',
    '',
  ].join('\n');
}
