/**
 * The front page's overview of the series as two static SVG documents: a timeline of the articles'
 * (inferred) dates with a numbered dot per story, and the city's map with each county shaded by how
 * many stories look at it and labelled with their numbers. Pure: stories in, markup out.
 */
import { escapeXml } from '../charts/scene.ts';
import { PALETTE } from '../charts/palette.ts';
import type { DataIndex } from '../lib/data/index.ts';
import { resolveMapState } from '../map/model.ts';
import { MAP_FONT, MAP_STYLE } from '../map/style.ts';
import { mapStateSvg } from '../map/svg.ts';
import type { MapSpec } from '../map/spec.ts';
import { storiesByCounty } from './focus.ts';
import { timelineLayout, type TimelineItem } from './timeline.ts';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

/** A story's number in the series as the overview prints it: ①…⑩, then plain digits. */
export function storyNumber(index: number): string {
  return CIRCLED[index] ?? String(index + 1);
}

/** The headline's first part (before the full-width colon), as a short name in legends. */
export function shortTitle(headline: string): string {
  const i = headline.indexOf('：');
  return i > 0 ? headline.slice(0, i) : headline;
}

export const TIMELINE = { pad: 24, r: 14, laneStep: 32 } as const;

/**
 * The timeline as an SVG document: year bands, an axis, and the stories' numbers at their months.
 * `width` in viewBox units: the page draws a narrow one for phones (larger text once scaled down)
 * and a wide one for larger screens.
 */
export function timelineSvg(items: TimelineItem[], width: number): string {
  const { pad, r, laneStep } = TIMELINE;
  const t = timelineLayout(items, { width: width - 2 * pad, minGap: 2 * r + 3 });
  const axisY = 16 + r + (t.lanes - 1) * laneStep + r + 10;
  const height = axisY + 34;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${escapeXml(MAP_FONT)}">`,
  ];
  t.ticks.forEach((k, i) => {
    const next = t.ticks[i + 1];
    if (next) {
      if (i % 2 === 0)
        out.push(`<rect x="${pad + k.x}" y="0" width="${next.x - k.x}" height="${axisY}" fill="${PALETTE.rest}" opacity="0.45"/>`);
      out.push(
        `<text x="${pad + (k.x + next.x) / 2}" y="${axisY + 24}" font-size="17" fill="${PALETTE.muted}" text-anchor="middle">${k.year}年</text>`,
      );
    }
    out.push(`<line x1="${pad + k.x}" x2="${pad + k.x}" y1="${axisY}" y2="${axisY + 8}" stroke="${PALETTE.axis}" stroke-width="1.5"/>`);
  });
  out.push(`<line x1="${pad}" x2="${width - pad}" y1="${axisY}" y2="${axisY}" stroke="${PALETTE.axis}" stroke-width="1.5"/>`);
  const dots = t.items.map((it) => ({ cx: Math.round((pad + it.x) * 10) / 10, cy: axisY - 10 - r - it.lane * laneStep }));
  // Stems first, so a dot stacked above another never has its stem drawn across the lower dot.
  for (const { cx, cy } of dots)
    out.push(`<line x1="${cx}" x2="${cx}" y1="${cy}" y2="${axisY}" stroke="${PALETTE.axis}" stroke-width="1"/>`);
  dots.forEach(({ cx, cy }, i) => {
    out.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="${PALETTE.highlight}" stroke="${PALETTE.bg}" stroke-width="2"/>`);
    out.push(
      `<text x="${cx}" y="${cy}" font-size="16" font-weight="700" fill="#ffffff" text-anchor="middle" dominant-baseline="central">${i + 1}</text>`,
    );
  });
  out.push('</svg>', '');
  return out.join('\n');
}

/**
 * The map: counties shaded by the number of stories that look at them (none: plain land), each
 * labelled with those stories' numbers. `focus[i]` is story i's regions (see storyFocus).
 */
export function seriesMapSvg(focus: string[][], data: DataIndex): { svg: string; byCounty: Map<string, number[]> } {
  const spec: MapSpec = { kind: 'map', title: '报道聚焦的旗县区', states: { all: { camera: 'city', highlight: [], layers: ['labels'] } } };
  const m = resolveMapState(spec, 'all', data);
  const byCounty = storiesByCounty(focus, data);
  const max = Math.max(1, ...[...byCounty.values()].map((s) => s.length));
  const shades = MAP_STYLE.sequential.slice(0, 4);
  const fills: Record<string, string> = {};
  const sublabels: Record<string, string> = {};
  for (const [code, stories] of byCounty) {
    fills[code] =
      stories.length === 0
        ? MAP_STYLE.land
        : (shades[Math.min(shades.length - 1, Math.ceil((stories.length / max) * shades.length) - 1)] as string);
    if (stories.length > 0) sublabels[code] = stories.map(storyNumber).join('');
  }
  return { svg: mapStateSvg({ ...m, fills }, { sublabels, sublabelSize: 19 }), byCounty };
}
