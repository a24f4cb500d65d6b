/**
 * A map state as a scene: plain data in the viewBox's units, ready to draw, like the charts' scenes
 * (src/charts/scene.ts). It says what is drawn, in paint order, and with which colours and sizes; it
 * does not say how the geometry gets into the document (by reference to the page's shared `<defs>` or
 * inline): that is an option of the one renderer (render.ts). Pure.
 */
import { referenceTransform, VIEW } from './camera.ts';
import { REF_EXTENT, REF_ZOOM } from './geo.ts';
import type { KeyItem, LegendBin, MapStateModel } from './model.ts';
import { MAP_SIZES, MAP_STYLE, MARKER_PAINT } from './style.ts';

/**
 * A piece of the shared geometry (geo.ts, reference pixels): the neighbours' backdrop and borders, a
 * county (`c-<code>`), the county borders, rivers and the city's outline. Those without their own paint
 * keep the paint they have in the shared geometry (render.ts); a county is painted per state.
 */
export type GeoRef = 'backdrop' | 'neighbours' | 'borders' | 'rivers' | 'outline' | `c-${string}`;

export interface GeoPart {
  ref: GeoRef;
  fill?: string;
  stroke?: string;
  /** In viewBox units (the renderer keeps it so at any camera scale). */
  strokeWidth?: number;
  linejoin?: 'round';
}

/** A project circle. */
export interface SceneMarker {
  /** The project id (`data-marker`: the tween and the tests follow a circle from state to state by it). */
  id: string;
  x: number;
  y: number;
  r: number;
  /** No published investment: outline only. */
  hollow: boolean;
}

export interface SceneLeader {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A text centred on its point, with a halo; size, fill and weight fall back to its layer's. */
export interface SceneText {
  x: number;
  y: number;
  text: string;
  halo: string;
  /** The project id of a circle's name. */
  marker?: string;
  size?: number;
  fill?: string;
  weight?: 700;
}

export interface TextLayer {
  size: number;
  fill: string;
  texts: SceneText[];
}

/** A legend's reference circle: its radius at the map's scale and its own small viewBox. */
export interface LegendCircle {
  r: number;
  hollow: boolean;
  label: string;
  /** Side of its square viewBox (viewBox units), and that side in em of the legend (1em = 100 units). */
  size: number;
  em: string;
}

/** What a state's legend shows (drawn as HTML beside the map: the page, and the exports' own legend). */
export interface MapLegend {
  choropleth: { title: string; bins: LegendBin[] } | null;
  /**
   * The circles' key, when the state has circles: its title (sizes, or just "projects" when none has an
   * investment), its reference circles (largest first) and the hollow one.
   */
  circles: { title: string; items: LegendCircle[] } | null;
  /** A numbered state's key. */
  numbers: KeyItem[];
}

export interface MapScene {
  width: number;
  height: number;
  background: string;
  /** Reference pixels → viewBox for the state's camera (a uniform scale `k`, then a translation). */
  transform: { k: number; x: number; y: number };
  geometry: GeoPart[];
  markers: SceneMarker[];
  leaders: SceneLeader[];
  leaderPaint: { stroke: string; width: number };
  zone: { x: number; y: number; r: number; fill: string };
  /** Null when the state hides the layer. */
  neighbourLabels: TextLayer | null;
  countyLabels: TextLayer | null;
  zoneLabel: (SceneText & { size: number; fill: string }) | null;
  /** Null when no circle carries a name or number. */
  markerLabels: TextLayer | null;
  legend: MapLegend;
  /** The text alternative. */
  description: string;
}

export interface MapSceneOptions {
  /** Highlighted county names also in bold (small pictures, where colour alone reads weakly). */
  boldHighlight?: boolean;
  /** A second, smaller line under a county's label, by county code (e.g. which stories look there). */
  sublabels?: Record<string, string>;
  /** Font size of those lines (viewBox units); default the neighbours' label size. */
  sublabelSize?: number;
}

/** Coordinates to one decimal: enough for a 600-unit viewBox, and short. */
export const r1 = (v: number) => Math.round(v * 10) / 10;

/** A legend circle's own viewBox: the circle with its stroke and a unit of room. */
function legendCircle(r: number, hollow: boolean, label: string): LegendCircle {
  const size = r1(2 * r + MARKER_PAINT.filled.strokeWidth + 2);
  return { r, hollow, label, size, em: `${Math.round(size * 10) / 1000}em` };
}

/** The legend of a state. */
export function mapLegend(m: MapStateModel): MapLegend {
  return {
    choropleth: m.choropleth ? { title: m.choropleth.title, bins: m.choropleth.bins } : null,
    circles:
      m.markers.length === 0
        ? null
        : {
            title: m.sizeLegend.length > 0 ? '圆面积表示项目投资额' : '项目',
            items: [
              ...m.sizeLegend.map((c) => legendCircle(c.r, false, c.label)),
              ...(m.hasHollowMarkers ? [legendCircle(MAP_SIZES.markerMin, true, '投资额未披露')] : []),
            ],
          },
    numbers: m.markerKey,
  };
}

/** The scene of a resolved state. */
export function mapScene(m: MapStateModel, opts: MapSceneOptions = {}): MapScene {
  const t = referenceTransform(m.camera, REF_ZOOM, REF_EXTENT.origin);
  const geometry: GeoPart[] = [];
  if (m.layers.neighbours) geometry.push({ ref: 'backdrop' }, { ref: 'neighbours' });
  for (const [code, fill] of Object.entries(m.fills)) geometry.push({ ref: `c-${code}`, fill });
  geometry.push({ ref: 'borders' });
  if (m.layers.rivers) geometry.push({ ref: 'rivers' });
  geometry.push({ ref: 'outline' });
  for (const code of m.highlight.filter((h) => h in m.fills))
    geometry.push({ ref: `c-${code}`, fill: 'none', stroke: MAP_STYLE.highlight, strokeWidth: MAP_SIZES.highlight, linejoin: 'round' });

  const countyTexts: SceneText[] = m.countyLabels.flatMap((l) => {
    const fill = l.highlighted ? MAP_STYLE.highlight : MAP_STYLE.text;
    const weight = opts.boldHighlight && l.highlighted ? (700 as const) : undefined;
    const sub = opts.sublabels?.[l.id];
    // With a second line, the pair is centred on the label point.
    const dy = sub ? -MAP_SIZES.countyLabel * 0.55 : 0;
    const main: SceneText = { x: r1(l.x), y: r1(l.y + dy), text: l.text, fill, halo: MAP_STYLE.halo, ...(weight ? { weight } : {}) };
    if (!sub) return [main];
    const size = opts.sublabelSize ?? MAP_SIZES.neighbourLabel;
    return [
      main,
      { x: r1(l.x), y: r1(l.y - dy + 2), text: sub, size, weight: 700 as const, fill: MAP_STYLE.highlight, halo: MAP_STYLE.halo },
    ];
  });
  const named = m.markers.filter((k) => k.label);

  return {
    width: VIEW.width,
    height: VIEW.height,
    background: MAP_STYLE.background,
    transform: t,
    geometry,
    markers: m.markers.map((k) => ({ id: k.id, x: r1(k.x), y: r1(k.y), r: r1(k.r), hollow: k.investment === null })),
    leaders: m.markers.flatMap((k) =>
      k.leader ? [{ id: k.id, x1: r1(k.leader[0]), y1: r1(k.leader[1]), x2: r1(k.leader[2]), y2: r1(k.leader[3]) }] : [],
    ),
    leaderPaint: { stroke: MAP_STYLE.markerText, width: MAP_SIZES.leader },
    zone: { x: r1(m.zone.x), y: r1(m.zone.y), r: MAP_SIZES.zoneRadius, fill: m.zone.highlighted ? MAP_STYLE.highlight : MAP_STYLE.zone },
    neighbourLabels:
      m.layers.labels && m.layers.neighbours
        ? {
            size: MAP_SIZES.neighbourLabel,
            fill: MAP_STYLE.neighbourText,
            texts: m.neighbourLabels.map((l) => ({ x: r1(l.x), y: r1(l.y), text: l.text, halo: MAP_STYLE.neighbourLand })),
          }
        : null,
    countyLabels: m.layers.labels ? { size: MAP_SIZES.countyLabel, fill: MAP_STYLE.text, texts: countyTexts } : null,
    zoneLabel: m.layers.labels
      ? {
          x: r1(m.zone.labelX),
          y: r1(m.zone.labelY),
          text: m.zone.label,
          size: MAP_SIZES.zoneLabel,
          fill: m.zone.highlighted ? MAP_STYLE.highlight : MAP_STYLE.text,
          halo: MAP_STYLE.halo,
        }
      : null,
    markerLabels:
      named.length > 0
        ? {
            size: MAP_SIZES.markerLabel,
            fill: MAP_STYLE.markerText,
            texts: named.map((k) => {
              const l = k.label as NonNullable<typeof k.label>;
              return {
                x: r1(l.x),
                y: r1(l.y),
                text: l.text,
                marker: k.id,
                halo: MAP_STYLE.halo,
                ...(l.numbered ? { size: MAP_SIZES.markerNumber, weight: 700 as const } : {}),
              };
            }),
          }
        : null,
    legend: mapLegend(m),
    description: m.description,
  };
}
