/**
 * One resolved map state as a standalone SVG document: the geometry inline (no shared `<defs>`, no
 * ids), strokes scaled by hand instead of `non-scaling-stroke`, so it renders the same as an `<img>`,
 * inside another page and in resvg (the social images). The page's own map states are drawn by
 * StoryMap.astro over MapDefs; this draws the same layers, in the same order and style, for
 * thumbnails and the front page's overview.
 */
import { escapeXml } from '../charts/scene.ts';
import { VIEW } from './camera.ts';
import { halo, markerAttrs, r1, referenceMatrix } from './draw.ts';
import { layers, REF_EXTENT, referencePath } from './geo.ts';
import type { MapStateModel } from './model.ts';
import { MAP_FONT, MAP_SIZES, MAP_STYLE } from './style.ts';

export interface MapSvgOptions {
  /** A second, smaller line under a county's label, by county code (e.g. which stories look there). */
  sublabels?: Record<string, string>;
  /** Font size of those lines (viewBox units); default the neighbours' label size. */
  sublabelSize?: number;
}

function el(name: string, attrs: Record<string, string | number | undefined>, text?: string): string {
  const a = Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  return text === undefined ? `<${name}${a}/>` : `<${name}${a}>${escapeXml(text)}</${name}>`;
}

/** The SVG document of a map state (600 × 600 viewBox). */
export function mapStateSvg(m: MapStateModel, opts: MapSvgOptions = {}): string {
  const { matrix, k: scale } = referenceMatrix(m.camera);
  // Geometry is scaled by k; dividing stroke widths by k keeps them at their viewBox size.
  const sw = (w: number) => Number((w / scale).toFixed(3));
  const line = (d: string, stroke: string, width: number) =>
    el('path', { d, fill: 'none', stroke, 'stroke-width': sw(width), 'stroke-linejoin': 'round' });
  const county = new Map(layers.counties.features.map((f) => [String(f.id), referencePath(f)]));

  const geo: string[] = [];
  if (m.layers.neighbours) {
    geo.push(el('rect', { width: REF_EXTENT.width, height: REF_EXTENT.height, fill: MAP_STYLE.neighbourLand }));
    geo.push(line(referencePath(layers.neighbourBorders), MAP_STYLE.neighbourBorder, MAP_SIZES.neighbourBorder));
  }
  for (const [code, fill] of Object.entries(m.fills)) geo.push(el('path', { d: county.get(code), fill }));
  geo.push(line(referencePath(layers.innerBorders), MAP_STYLE.countyBorder, MAP_SIZES.countyBorder));
  if (m.layers.rivers) geo.push(line(referencePath(layers.rivers), MAP_STYLE.river, MAP_SIZES.river));
  geo.push(line(referencePath(layers.outline), MAP_STYLE.outline, MAP_SIZES.outline));
  for (const code of m.highlight)
    if (county.has(code)) geo.push(line(county.get(code) as string, MAP_STYLE.highlight, MAP_SIZES.highlight));

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW.width} ${VIEW.height}" width="${VIEW.width}" height="${VIEW.height}" font-family="${escapeXml(MAP_FONT)}">`,
    el('rect', { width: VIEW.width, height: VIEW.height, fill: MAP_STYLE.background }),
    `<g transform="${matrix}">${geo.join('')}</g>`,
  ];
  for (const k of m.markers) {
    out.push(el('circle', { cx: r1(k.x), cy: r1(k.y), r: r1(k.r), ...markerAttrs(!k.investment) }));
  }
  out.push(
    el('circle', {
      cx: r1(m.zone.x),
      cy: r1(m.zone.y),
      r: MAP_SIZES.zoneRadius,
      fill: m.zone.highlighted ? MAP_STYLE.highlight : MAP_STYLE.zone,
      stroke: MAP_STYLE.halo,
      'stroke-width': 1.5,
    }),
  );
  if (m.layers.labels) {
    if (m.layers.neighbours) {
      for (const l of m.neighbourLabels) {
        out.push(
          el(
            'text',
            {
              x: r1(l.x),
              y: r1(l.y),
              'font-size': MAP_SIZES.neighbourLabel,
              fill: MAP_STYLE.neighbourText,
              'text-anchor': 'middle',
              'dominant-baseline': 'central',
              ...halo(MAP_STYLE.neighbourLand),
            },
            l.text,
          ),
        );
      }
    }
    for (const l of m.countyLabels) {
      const fill = l.highlighted ? MAP_STYLE.highlight : MAP_STYLE.text;
      const sub = opts.sublabels?.[l.id];
      // With a second line, the pair is centred on the label point.
      const dy = sub ? -MAP_SIZES.countyLabel * 0.55 : 0;
      out.push(
        el(
          'text',
          {
            x: r1(l.x),
            y: r1(l.y + dy),
            'font-size': MAP_SIZES.countyLabel,
            'font-weight': l.highlighted ? 700 : undefined,
            fill,
            'text-anchor': 'middle',
            'dominant-baseline': 'central',
            ...halo(MAP_STYLE.halo),
          },
          l.text,
        ),
      );
      if (sub) {
        out.push(
          el(
            'text',
            {
              x: r1(l.x),
              y: r1(l.y - dy + 2),
              'font-size': opts.sublabelSize ?? MAP_SIZES.neighbourLabel,
              'font-weight': 700,
              fill: MAP_STYLE.highlight,
              'text-anchor': 'middle',
              'dominant-baseline': 'central',
              ...halo(MAP_STYLE.halo),
            },
            sub,
          ),
        );
      }
    }
    out.push(
      el(
        'text',
        {
          x: r1(m.zone.labelX),
          y: r1(m.zone.labelY),
          'font-size': MAP_SIZES.zoneLabel,
          fill: m.zone.highlighted ? MAP_STYLE.highlight : MAP_STYLE.text,
          'text-anchor': 'middle',
          'dominant-baseline': 'central',
          ...halo(MAP_STYLE.halo),
        },
        m.zone.label,
      ),
    );
  }
  // The circles' names (or numbers, with the key beside the picture), as the page draws them.
  for (const k of m.markers) {
    if (k.leader)
      out.push(
        el('line', {
          x1: r1(k.leader[0]),
          y1: r1(k.leader[1]),
          x2: r1(k.leader[2]),
          y2: r1(k.leader[3]),
          stroke: MAP_STYLE.markerText,
          'stroke-width': MAP_SIZES.leader,
        }),
      );
  }
  for (const k of m.markers) {
    if (!k.label) continue;
    out.push(
      el(
        'text',
        {
          x: r1(k.label.x),
          y: r1(k.label.y),
          'font-size': k.label.numbered ? MAP_SIZES.markerNumber : MAP_SIZES.markerLabel,
          'font-weight': k.label.numbered ? 700 : undefined,
          fill: MAP_STYLE.markerText,
          'text-anchor': 'middle',
          'dominant-baseline': 'central',
          ...halo(MAP_STYLE.halo),
        },
        k.label.text,
      ),
    );
  }
  out.push('</svg>', '');
  return out.join('\n');
}
