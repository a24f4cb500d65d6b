/**
 * Line chart geometry: pure, from a resolved model, a state and a layout to a scene.
 *
 * Honest defaults: the value axis includes zero (and draws it in ink when values cross it); both
 * scales cover every value of every state, so revealing points never moves the axes; consecutive
 * periods of one kind are joined; across gaps in the record (years the articles do not report) a faint
 * dotted bridge keeps the trend readable without pretending to know the years between, and the chart
 * says so in a note. Targets are dashed with hollow points and labelled "目标".
 *
 * Paths keep the same number of points in every state — points not yet revealed sit on the last
 * revealed one — so the browser can morph one state into the next by interpolating numbers.
 */
import { area as d3area, line as d3line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { parsePeriod, periodMidYear } from '../../lib/data/period.ts';
import { displayUnit, horizontalGrid, tickLabelWidth, valueAxis } from '../axis.ts';
import type { Datum } from '../data.ts';
import { placeLabels, pointBox, type LabelRequest } from '../labels.ts';
import type { Layout } from '../layout.ts';
import { PALETTE } from '../palette.ts';
import type { Mark, Scene } from '../scene.ts';
import { ASCENT, DESCENT, joinWords, textBox, textWidth, type Box } from '../text.ts';
import { isShown, type LineModel, type LineSeries, type LineView } from './spec.ts';

const HEIGHT = { compact: 230, regular: 360 } as const;

/** Whether `b` is the period right after `a`, of the same type (2023 → 2024, 2025Q1 → 2025Q2). */
export function adjacent(a: string, b: string): boolean {
  const [pa, pb] = [parsePeriod(a), parsePeriod(b)];
  if (pa.type !== pb.type || !pa.end || !pb.start) return false;
  if (!['year', 'quarter', 'half', 'month', 'quarters'].includes(pa.type)) return false;
  if (pa.type === 'quarters') return pa.start === pb.start && Number(b.slice(-1)) === Number(a.slice(-1)) + 1;
  const next = new Date(`${pa.end}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10) === pb.start;
}

/** Pairs of neighbouring points with unreported periods between them (2020 → 2024). */
export function gaps(data: Datum[]): [Datum, Datum][] {
  const out: [Datum, Datum][] = [];
  for (let i = 1; i < data.length; i++) {
    const [a, b] = [data[i - 1] as Datum, data[i] as Datum];
    if (!adjacent(a.period, b.period)) out.push([a, b]);
  }
  return out;
}

/** Runs of adjacent periods; a line is drawn through each run of two or more. */
function runs(data: Datum[]): Datum[][] {
  const out: Datum[][] = [];
  for (const d of data) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (last && prev && adjacent(prev.period, d.period)) last.push(d);
    else out.push([d]);
  }
  return out.filter((r) => r.length > 1);
}

/**
 * The label of a point: "2025年一季度 8.4%" for sub-year periods (the axis only names years, so the
 * label says which part of which year), "目标 7%" for targets, "谷底 −1.2%" with a note.
 */
export function pointLabel(
  s: Pick<LineSeries, 'role' | 'label'>,
  d: Pick<Datum, 'period' | 'periodLabel' | 'text'>,
  note: string | undefined,
  multi: boolean,
): string {
  const parts: string[] = [];
  if (note) parts.push(note);
  else if (s.role === 'target' || multi) parts.push(s.label);
  if (parsePeriod(d.period).type !== 'year') parts.push(d.periodLabel);
  parts.push(d.text);
  return joinWords(parts);
}

/**
 * Where a period sits on the time axis, in fractional years: a year at its middle, a quarter, a half,
 * a month or "the first three quarters" inside its own year (2025Q1 → 2025.125, 2025Q1-Q3 → 2025.375).
 */
export function timeX(period: string): number | null {
  return periodMidYear(parsePeriod(period));
}

/** Scene of one state of a line chart. */
export function lineGeometry(model: LineModel, view: LineView, layout: Layout): Scene {
  const width = layout.width;
  const height = HEIGHT[layout.name];
  const all = model.series.flatMap((s) => s.data);
  const values = all.map((d) => d.value);
  const unit = displayUnit(values, all[0]?.unit ?? '');
  const xs = all.map((d) => d.x as number);
  const firstYear = Math.floor(Math.min(...xs));
  const lastYear = Math.floor(Math.max(...xs));

  const top = layout.label * (ASCENT + DESCENT) + layout.point * 1.6 + 2 * layout.pad;
  const bottom = height - ((ASCENT + DESCENT) * layout.small + 2 * layout.pad);
  const probe = valueAxis(values, [bottom, top], Math.max(3, Math.round((bottom - top) / 45)), unit);
  const left = tickLabelWidth(probe, layout, unit) + 2 * layout.pad;
  const right = width - layout.pad;
  const axis = probe;
  const x = scaleLinear()
    .domain([firstYear, lastYear + 1])
    .range([left, right]);
  const y = axis.scale;

  const marks: Mark[] = [...horizontalGrid(axis, left, right, layout, unit)];

  // Year labels under the axis, every k-th year so that they never touch.
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const band = x(firstYear + 1) - x(firstYear);
  const k = Math.max(1, Math.ceil((textWidth('0000', layout.small) + 10) / band));
  // A year that holds sub-year points (a quarter, the first three quarters) is named from its start,
  // under its early points, and set off from the year before by a line through the plot: 2025Q1 then
  // reads as early 2025, not as late 2024 (its point sits right after the 2024 point).
  const subYear = new Set(all.filter((d) => parsePeriod(d.period).type !== 'year').map((d) => Math.floor(d.x as number)));
  years
    .filter((yr) => (yr - firstYear) % k === 0 || subYear.has(yr))
    .filter((yr, _, shown) => subYear.has(yr) || !shown.some((o) => subYear.has(o) && o === yr + 1 && k > 1))
    .forEach((yr) =>
      marks.push(
        subYear.has(yr)
          ? {
              type: 'text',
              key: `year-${yr}`,
              x: x(yr) + layout.pad / 2,
              y: height - layout.pad - DESCENT * layout.small,
              text: String(yr),
              size: layout.small,
              fill: PALETTE.muted,
              anchor: 'start',
            }
          : {
              type: 'text',
              key: `year-${yr}`,
              x: x(yr + 0.5),
              y: height - layout.pad - DESCENT * layout.small,
              text: String(yr),
              size: layout.small,
              fill: PALETTE.muted,
              anchor: 'middle',
            },
      ),
    );
  if (subYear.size > 0) {
    // Short ticks at the year boundaries show the band each year label stands for.
    for (let yr = firstYear; yr <= lastYear + 1; yr++) {
      marks.push({
        type: 'line',
        key: `year-tick-${yr}`,
        x1: x(yr),
        y1: bottom,
        x2: x(yr),
        y2: bottom + layout.pad,
        stroke: PALETTE.grid,
        strokeWidth: 1,
      });
    }
    for (const yr of subYear) {
      if (yr > firstYear)
        marks.push({
          type: 'line',
          key: `year-line-${yr}`,
          x1: x(yr),
          y1: top - layout.pad,
          x2: x(yr),
          y2: bottom,
          stroke: PALETTE.grid,
          strokeWidth: 1,
          dash: '3 3',
        });
    }
  }

  const shownSeries = model.series.filter((s) => view.visible.includes(s.id));
  const multi = model.series.filter((s) => s.role === 'actual').length > 1;

  // Area under the first realised series, then the lines (targets dashed).
  const firstActual = model.series.find((s) => s.role === 'actual');
  for (const s of shownSeries) {
    const revealed = s.data.filter((d) => isShown(view, s.id, d));
    const anchor = revealed.at(-1) ?? s.data[0];
    const pos = (d: Datum): [number, number] => {
      const p = isShown(view, s.id, d) ? d : (anchor as Datum);
      return [x(p.x as number), y(p.value)];
    };
    const segments = runs(s.data);
    if (model.area && s === firstActual && segments.length > 0) {
      const shape = d3area<Datum>()
        .x((d) => pos(d)[0])
        .y0(y(0))
        .y1((d) => pos(d)[1]);
      marks.push({
        type: 'path',
        key: `area-${s.id}`,
        d: segments.map((r) => shape(r) ?? '').join(''),
        fill: PALETTE.actual,
        opacity: 0.12,
      });
    }
    const bridges = s.role === 'actual' ? gaps(s.data) : [];
    if (bridges.length > 0) {
      const shape = d3line<Datum>()
        .x((d) => pos(d)[0])
        .y((d) => pos(d)[1]);
      marks.push({
        type: 'path',
        key: `bridge-${s.id}`,
        d: bridges.map((pair) => shape(pair) ?? '').join(''),
        fill: 'none',
        stroke: PALETTE.actual,
        strokeWidth: layout.line * 0.6,
        dash: '1 4',
      });
    }
    if (segments.length > 0) {
      const shape = d3line<Datum>()
        .x((d) => pos(d)[0])
        .y((d) => pos(d)[1]);
      marks.push({
        type: 'path',
        key: `line-${s.id}`,
        d: segments.map((r) => shape(r) ?? '').join(''),
        fill: 'none',
        stroke: s.role === 'actual' ? PALETTE.actual : PALETTE.target,
        strokeWidth: layout.line,
        ...(s.role === 'target' ? { dash: '6 4' } : s.role === 'forecast' ? { dash: '2 3' } : {}),
      });
    }
  }

  // Points: filled for realised values, hollow for targets; highlighted ones larger and ringed, in the
  // colours of their kind (a highlight never changes what a colour means).
  const obstacles: Box[] = marks.filter((m) => m.type === 'text').map((m) => textBox(m));
  const isHighlighted = (s: LineSeries, d: Datum) =>
    view.highlight.some((h) => h.series === s.id && h.period === d.period) ||
    view.annotate.some((a) => a.series === s.id && a.period === d.period);
  const pointMarks: Mark[] = [];
  for (const s of shownSeries) {
    for (const d of s.data.filter((p) => isShown(view, s.id, p))) {
      const hot = isHighlighted(s, d);
      const r = hot ? layout.point * 1.6 : layout.point;
      const [cx, cy] = [x(d.x as number), y(d.value)];
      obstacles.push(pointBox(cx, cy, r));
      pointMarks.push(
        s.role === 'forecast'
          ? // Forecasts: a hollow diamond, so they are not read as targets (hollow circles).
            {
              type: 'path',
              key: `point-${s.id}-${d.period}`,
              d: `M${cx},${cy - r * 1.3}L${cx + r * 1.3},${cy}L${cx},${cy + r * 1.3}L${cx - r * 1.3},${cy}Z`,
              fill: PALETTE.bg,
              stroke: PALETTE.target,
              strokeWidth: hot ? 2.5 : 2,
            }
          : s.role === 'target'
            ? {
                type: 'circle',
                key: `point-${s.id}-${d.period}`,
                cx,
                cy,
                r,
                fill: PALETTE.bg,
                stroke: PALETTE.target,
                strokeWidth: hot ? 2.5 : 2,
              }
            : {
                type: 'circle',
                key: `point-${s.id}-${d.period}`,
                cx,
                cy,
                r,
                fill: PALETTE.actual,
                stroke: hot ? PALETTE.ink : PALETTE.bg,
                strokeWidth: hot ? 2 : 1.5,
              },
      );
    }
  }
  marks.push(...pointMarks);

  // Value labels: the highlighted and annotated points; without any, the last shown point of each series.
  const wanted = new Map<string, { s: LineSeries; d: Datum; note?: string | undefined; hot: boolean }>();
  for (const a of view.annotate) {
    const s = model.series.find((q) => q.id === a.series) as LineSeries;
    wanted.set(`${a.series}-${a.period}`, { s, d: s.data.find((q) => q.period === a.period) as Datum, note: a.text, hot: true });
  }
  for (const h of view.highlight) {
    const s = model.series.find((q) => q.id === h.series) as LineSeries;
    if (!wanted.has(`${h.series}-${h.period}`))
      wanted.set(`${h.series}-${h.period}`, { s, d: s.data.find((q) => q.period === h.period) as Datum, hot: true });
  }
  // Targets are always named, so a hollow point never has to be decoded from a legend.
  const quiet = wanted.size === 0;
  for (const s of shownSeries.filter((q) => quiet || q.role !== 'actual')) {
    const last = s.data.filter((d) => isShown(view, s.id, d)).at(-1);
    if (last && !wanted.has(`${s.id}-${last.period}`)) wanted.set(`${s.id}-${last.period}`, { s, d: last, hot: false });
  }
  const requests: LabelRequest[] = [...wanted.entries()].map(([key, { s, d, note, hot }]) => ({
    key: `label-${key}`,
    x: x(d.x as number),
    y: y(d.value),
    text: pointLabel(s, d, note, multi),
    size: layout.label,
    weight: hot ? 700 : 400,
    fill: s.role !== 'actual' ? PALETTE.target : hot ? PALETTE.ink : PALETTE.actual,
    clearance: layout.point * 1.6 + layout.pad,
    prefer: d.value < 0 ? ['below', 'right', 'left', 'above'] : ['above', 'left', 'right', 'below'],
  }));
  marks.push(...placeLabels(requests, obstacles, { x0: 0, y0: 0, x1: width, y1: bottom + layout.pad }));

  return { width, height, marks };
}
