/**
 * The `line` kind's definition and its checks against the dataset.
 *
 * ```yaml
 * growth:
 *   kind: line
 *   title: 规上工业增加值增速
 *   series:
 *     - { id: actual, indicator: industrial-va-growth, kind: growth }
 *     - { id: plan, indicator: industrial-va-growth, kind: target }
 *   states:
 *     trough: { through: 2020, highlight: [{ series: actual, period: 2020 }] }
 *     latest: { annotate: [{ series: actual, period: 2025Q1, text: 新高 }] }
 * ```
 */
import { z } from 'zod';
import type { DataIndex } from '../../lib/data/index.ts';
import { Id } from '../../lib/data/schema.ts';
import type { JsonPath } from '../../lib/data/validate.ts';
import type { SpecProblem } from '../../lib/graphic.ts';
import { basisProblems, NoteText, PeriodField, resolveSeries, SeriesRef, unitProblems, unknownMember, type Datum } from '../data.ts';
import { chartBase, statesOf } from '../kind.ts';

/** A point of the chart: a series id and one of its periods. */
const PointRef = z.strictObject({
  series: Id,
  period: PeriodField,
});

const LineState = z.strictObject({
  /** Series shown (by id); all when left out. */
  series: z.array(Id).min(1).optional(),
  /** Show points up to and including this period; all when left out. The axes never change. */
  through: PeriodField.optional(),
  /** Points drawn larger and labelled with their value. */
  highlight: z.array(PointRef).default([]),
  /** Points labelled with a short text and their value (the value comes from the dataset). */
  annotate: z.array(PointRef.extend({ text: NoteText })).default([]),
});

export const LineSpec = z.strictObject({
  kind: z.literal('line'),
  ...chartBase,
  /** One or more series of one unit; targets (kind: target) are drawn dashed with hollow points. */
  series: z.array(SeriesRef).min(1, 'a line chart needs at least one series'),
  /** Fill the area under the first realised series (for levels that stay at or above zero). */
  area: z.boolean().default(false),
  states: statesOf(LineState),
});

export type LineSpec = z.infer<typeof LineSpec>;
export type LineState = z.infer<typeof LineState>;

export interface LineSeries {
  id: string;
  label: string;
  /** Targets and forecasts are drawn differently from realised values, and from each other. */
  role: 'actual' | 'target' | 'forecast';
  data: Datum[];
}

/** The chart's data, resolved once for all states. */
export interface LineModel {
  series: LineSeries[];
  area: boolean;
}

/** A state in terms of the model: what is visible, highlighted and annotated. */
export interface LineView {
  visible: string[];
  /** Points with x above this are not revealed yet. */
  through: number;
  highlight: { series: string; period: string }[];
  annotate: { series: string; period: string; text: string }[];
}

/** Resolves every series; problems carry paths into the definition. */
export function resolveLine(spec: LineSpec, data: DataIndex): { model: LineModel; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const series = spec.series.map((ref, i): LineSeries => {
    const r = resolveSeries(data, ref, ['series', i]);
    problems.push(...r.problems);
    const role = ref.kind === 'target' ? 'target' : ref.kind === 'forecast' ? 'forecast' : 'actual';
    return {
      id: ref.id,
      label: ref.label ?? (role === 'target' ? '目标' : role === 'forecast' ? '预计' : (r.data[0]?.label ?? ref.indicator)),
      role,
      data: r.data,
    };
  });
  return { model: { series, area: spec.area }, problems };
}

/** The state named `name`, as positions on the time axis. */
export function lineView(model: LineModel, state: LineState): LineView {
  const all = model.series.flatMap((s) => s.data);
  const through = state.through === undefined ? Infinity : (all.find((d) => d.period === state.through)?.x ?? Infinity);
  return {
    visible: state.series ?? model.series.map((s) => s.id),
    through,
    highlight: state.highlight,
    annotate: state.annotate,
  };
}

/** Whether a point is drawn in a view. */
export function isShown(view: LineView, seriesId: string, d: Datum): boolean {
  return view.visible.includes(seriesId) && (d.x ?? Infinity) <= view.through;
}

export function checkLine(spec: LineSpec, data: DataIndex): SpecProblem[] {
  const { model, problems } = resolveLine(spec, data);
  const seen = new Set<string>();
  spec.series.forEach((s, i) => {
    if (seen.has(s.id))
      problems.push({ path: ['series', i, 'id'], message: `series id '${s.id}' is used twice; give each series its own id` });
    seen.add(s.id);
  });
  const items = model.series.flatMap((s, i) => s.data.map((datum) => ({ datum, path: ['series', i] as JsonPath })));
  problems.push(...unitProblems(items), ...basisProblems(items));
  if (spec.area) {
    const first = model.series.find((s) => s.role === 'actual');
    if (!first)
      problems.push({ path: ['area'], message: 'area fills under a realised series, and this chart has only targets; remove `area`' });
    else if (first.data.some((d) => d.value < 0)) {
      problems.push({
        path: ['area'],
        message: `series '${first.id}' has values below zero; an area would suggest a quantity, so remove \`area\` for rates that change sign`,
      });
    }
  }
  if (problems.length > 0) return problems;

  const ids = model.series.map((s) => s.id);
  const periods = [...new Set(model.series.flatMap((s) => s.data.map((d) => d.period)))];
  for (const [name, state] of Object.entries(spec.states)) {
    const at: JsonPath = ['states', name];
    state.series?.forEach((id, i) => {
      if (!ids.includes(id)) problems.push(unknownMember([...at, 'series', i], 'series', id, ids));
    });
    if (state.through !== undefined && !periods.includes(state.through)) {
      problems.push({
        path: [...at, 'through'],
        message: `no series has period ${state.through}; the chart's periods: ${periods.join(', ')}`,
      });
    }
    const view = lineView(model, state);
    const checkPoint = (p: { series: string; period: string }, path: JsonPath) => {
      const s = model.series.find((x) => x.id === p.series);
      if (!s) return problems.push(unknownMember([...path, 'series'], 'series', p.series, ids));
      const d = s.data.find((x) => x.period === p.period);
      if (!d)
        return problems.push({
          path: [...path, 'period'],
          message: `series '${p.series}' has no period ${p.period}; it has: ${s.data.map((x) => x.period).join(', ')}`,
        });
      if (!isShown(view, s.id, d)) {
        return problems.push({
          path,
          message: `series '${p.series}' ${p.period} is not plotted in state '${name}' (check \`series\` and \`through\`); only plotted points can be highlighted or annotated`,
        });
      }
      return 0;
    };
    state.highlight.forEach((p, i) => checkPoint(p, [...at, 'highlight', i]));
    state.annotate.forEach((p, i) => checkPoint(p, [...at, 'annotate', i]));
  }
  return problems;
}
