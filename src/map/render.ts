/**
 * The one SVG renderer of a map scene (scene.ts), for the page's maps, the thumbnails, the front
 * page's overview, the exports and the social images. What differs between them is how the geometry
 * gets into the document, an option here:
 *
 * - `refs` (the page): every state `<use>`s the page's shared geometry (`mapDefsMarkup`, emitted once
 *   per page by MapDefs.astro), whose strokes keep their width at any scale (`non-scaling-stroke`);
 * - `inline` (standalone documents): the geometry in place, no ids, stroke widths divided by the
 *   camera's scale, so the picture is the same as an `<img>`, inside another page and in resvg.
 *
 * Elements are written as `<tag …></tag>` with attributes in a fixed order, as the page's Astro
 * markup always had them. Pure.
 */
import { escapeXml, xmlAttrs } from '../charts/scene.ts';
import { layers, REF_EXTENT, referencePath } from './geo.ts';
import { r1, type GeoPart, type GeoRef, type LegendCircle, type MapScene, type SceneText, type TextLayer } from './scene.ts';
import { MAP_FONT, MAP_SIZES, MAP_STYLE, MARKER_PAINT } from './style.ts';

export interface MapRenderOptions {
  /**
   * `refs`: `<use>` of the page's shared `<defs>`, texts inheriting from their layer's group;
   * `inline`: self-contained, every element with all its attributes (see above).
   */
  geometry: 'refs' | 'inline';
}

type Attrs = [string, string | number | undefined][];

/** One element; attributes in the given order, those undefined left out. */
export function el(name: string, attrs: Attrs, content = ''): string {
  return `<${name}${xmlAttrs(attrs)}>${content}</${name}>`;
}

/** A halo behind text (stroke painted under the fill) keeps labels legible over borders and rivers. */
const halo = (colour: string): Attrs => [
  ['stroke', colour],
  ['stroke-width', 3.5],
  ['stroke-linejoin', 'round'],
  ['paint-order', 'stroke'],
];

/** Marker circle paint, the same in the map, the legend and MapLibre (style.ts). */
export function markerPaint(hollow: boolean): Attrs {
  const p = hollow ? MARKER_PAINT.hollow : MARKER_PAINT.filled;
  return [
    ['fill', p.fill],
    ['fill-opacity', p.fillOpacity],
    ['stroke', p.stroke],
    ['stroke-width', p.strokeWidth],
  ];
}

/**
 * A legend's reference circle, the content of its own small `<svg>` (the page sizes that in em: the
 * CSP allows no style attributes), painted as the map's circles.
 */
export function legendCircleMarkup(c: LegendCircle): string {
  return el('circle', [['cx', c.size / 2], ['cy', c.size / 2], ['r', r1(c.r)], ...markerPaint(c.hollow)]);
}

/** The geometry group's transform: reference pixels → viewBox. */
export function matrixOf(t: MapScene['transform']): string {
  return `matrix(${[t.k, 0, 0, t.k, t.x, t.y].map((v) => Number(v.toFixed(4))).join(' ')})`;
}

/** The shared geometry with its own paint (a county's is the state's), in reference pixels. */
interface Shape {
  tag: 'rect' | 'path';
  d?: string;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  linejoin?: 'round';
}

let shapes: Map<string, Shape> | null = null;
function sharedShapes(): Map<string, Shape> {
  if (shapes) return shapes;
  const line = (d: string, stroke: string, strokeWidth: number, linejoin?: 'round'): Shape => ({
    tag: 'path',
    d,
    fill: 'none',
    stroke,
    strokeWidth,
    ...(linejoin ? { linejoin } : {}),
  });
  shapes = new Map<string, Shape>([
    ['backdrop', { tag: 'rect', fill: MAP_STYLE.neighbourLand }],
    ['neighbours', line(referencePath(layers.neighbourBorders), MAP_STYLE.neighbourBorder, MAP_SIZES.neighbourBorder)],
    ...layers.counties.features.map((f): [string, Shape] => [`c-${f.id}`, { tag: 'path', d: referencePath(f) }]),
    ['borders', line(referencePath(layers.innerBorders), MAP_STYLE.countyBorder, MAP_SIZES.countyBorder)],
    ['rivers', line(referencePath(layers.rivers), MAP_STYLE.river, MAP_SIZES.river, 'round')],
    ['outline', line(referencePath(layers.outline), MAP_STYLE.outline, MAP_SIZES.outline, 'round')],
  ]);
  return shapes;
}

function shape(ref: GeoRef): Shape {
  const s = sharedShapes().get(ref);
  if (!s) throw new Error(`the map's geometry has no part "${ref}"`);
  return s;
}

/** A shape's element: `id` and non-scaling strokes in the shared defs; `sw` scales stroke widths inline. */
function shapeElement(s: Shape, paint: Omit<GeoPart, 'ref'>, extra: { id?: string; sw?: (w: number) => number; nonScaling?: boolean }) {
  const fill = paint.fill ?? s.fill;
  const stroke = paint.stroke ?? s.stroke;
  const width = paint.strokeWidth ?? s.strokeWidth;
  const linejoin = paint.linejoin ?? s.linejoin;
  const size: Attrs =
    s.tag === 'rect'
      ? [
          ['width', REF_EXTENT.width],
          ['height', REF_EXTENT.height],
        ]
      : [['d', s.d]];
  return el(s.tag, [
    ['id', extra.id],
    ...size,
    ['fill', fill],
    ['stroke', stroke],
    ['stroke-width', width === undefined ? undefined : extra.sw ? extra.sw(width) : width],
    ['stroke-linejoin', linejoin],
    ['vector-effect', extra.nonScaling && s.tag === 'path' ? 'non-scaling-stroke' : undefined],
  ]);
}

/** The page's shared geometry, the content of MapDefs' `<defs>`: every `refs` scene points into it. */
export function mapDefsMarkup(): string {
  return [...sharedShapes()].map(([ref, s]) => shapeElement(s, {}, { id: `tlm-${ref}`, nonScaling: true })).join('');
}

function geometryMarkup(scene: MapScene, o: MapRenderOptions): string {
  // Inline, the group's scale applies to the strokes too: dividing by it keeps them at their viewBox size.
  const sw = (w: number) => Number((w / scene.transform.k).toFixed(3));
  return scene.geometry
    .map(({ ref, ...paint }) =>
      o.geometry === 'refs'
        ? el('use', [
            ['href', `#tlm-${ref}`],
            ['fill', paint.fill],
            ['stroke', paint.stroke],
            ['stroke-width', paint.strokeWidth],
            ['stroke-linejoin', paint.linejoin],
          ])
        : shapeElement(shape(ref), paint, { sw }),
    )
    .join('');
}

const CENTRED: Attrs = [
  ['text-anchor', 'middle'],
  ['dominant-baseline', 'central'],
];

/**
 * A text. In a layer on the page it inherits what it does not set itself (size, fill, anchoring) from
 * the layer's group; in a self-contained document every text carries all of its attributes (the
 * exports' PNGs outline text element by element, src/embed/outline.ts, without inheritance).
 */
function text(t: SceneText, o: MapRenderOptions, first: Attrs = [], layer?: TextLayer): string {
  const inherit = layer && o.geometry === 'refs';
  return el(
    'text',
    [
      ...first,
      ['x', t.x],
      ['y', t.y],
      ['data-marker', t.marker],
      ['font-size', t.size ?? (inherit ? undefined : layer?.size)],
      ['font-weight', t.weight],
      ['fill', t.fill ?? (inherit ? undefined : layer?.fill)],
      ...(inherit ? [] : CENTRED),
      ...halo(t.halo),
    ],
    escapeXml(t.text),
  );
}

function textLayer(key: string, l: TextLayer, o: MapRenderOptions): string {
  const group: Attrs = o.geometry === 'refs' ? [['font-size', l.size], ['fill', l.fill], ...CENTRED] : [];
  return el('g', [['data-key', key], ...group], l.texts.map((t) => text(t, o, [], l)).join(''));
}

/**
 * The scene's elements, the content of its `<svg>` (600 × 600 viewBox), in paint order; `data-key`
 * names the parts the way the chart kinds do (the tween and the tests find them by it).
 */
export function mapSceneMarkup(scene: MapScene, o: MapRenderOptions): string {
  const out: string[] = [
    el('rect', [
      ['data-key', 'background'],
      ['width', scene.width],
      ['height', scene.height],
      ['fill', scene.background],
    ]),
    el(
      'g',
      [
        ['data-key', 'geometry'],
        ['transform', matrixOf(scene.transform)],
      ],
      geometryMarkup(scene, o),
    ),
  ];
  if (scene.markers.length > 0)
    out.push(
      el(
        'g',
        [['data-key', 'markers']],
        scene.markers
          .map((k) => el('circle', [['cx', k.x], ['cy', k.y], ['r', k.r], ['data-marker', k.id], ...markerPaint(k.hollow)]))
          .join(''),
      ),
    );
  if (scene.leaders.length > 0)
    out.push(
      el(
        'g',
        [
          ['data-key', 'marker-leaders'],
          ['stroke', scene.leaderPaint.stroke],
          ['stroke-width', scene.leaderPaint.width],
        ],
        scene.leaders
          .map((l) =>
            el('line', [
              ['x1', l.x1],
              ['y1', l.y1],
              ['x2', l.x2],
              ['y2', l.y2],
              ['data-marker', l.id],
            ]),
          )
          .join(''),
      ),
    );
  out.push(
    el('circle', [
      ['data-key', 'zone'],
      ['cx', scene.zone.x],
      ['cy', scene.zone.y],
      ['r', scene.zone.r],
      ['fill', scene.zone.fill],
      ['stroke', MAP_STYLE.halo],
      ['stroke-width', '1.5'],
    ]),
  );
  if (scene.neighbourLabels) out.push(textLayer('neighbour-labels', scene.neighbourLabels, o));
  if (scene.countyLabels) out.push(textLayer('county-labels', scene.countyLabels, o));
  if (scene.zoneLabel) out.push(text(scene.zoneLabel, o, [['data-key', 'zone-label']]));
  if (scene.markerLabels) out.push(textLayer('marker-labels', scene.markerLabels, o));
  return out.join('');
}

/** The scene as a standalone SVG document (geometry inline unless told otherwise). */
export function mapSceneSvg(scene: MapScene, o: MapRenderOptions = { geometry: 'inline' }): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${scene.width} ${scene.height}" width="${scene.width}" height="${scene.height}" font-family="${escapeXml(MAP_FONT)}">`,
    mapSceneMarkup(scene, o),
    '</svg>',
    '',
  ].join('\n');
}
