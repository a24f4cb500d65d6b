/**
 * The `bar` kind: horizontal bars, one per row (a ranking), or one per row and series (grouped).
 * Rows take values by dataset id: an indicator's observation or a project's investment.
 *
 * ```yaml
 * projects:
 *   kind: bar
 *   title: 重点项目总投资
 *   rows:
 *     - { id: longma, value: { project: longma-base } }
 *     - { id: jingan, value: { project: jingan-stainless } }
 *   states:
 *     all: {}
 *     biggest: { highlight: [longma], annotate: [{ row: longma, text: 最大 }] }
 *
 * plans:
 *   kind: bar
 *   title: 市级重点项目计划
 *   series: [{ id: y2022, label: 2022年 }, { id: y2025, label: 2025年 }]
 *   rows:
 *     - id: total
 *       label: 总投资
 *       values: { y2022: { indicator: municipal-key-projects-investment, period: 2022 }, y2025: { … } }
 * ```
 */
import { z } from 'zod';
import type { DataIndex } from '../../lib/data/index.ts';
import { Id } from '../../lib/data/schema.ts';
import type { JsonPath } from '../../lib/data/validate.ts';
import type { SpecProblem } from '../../lib/graphic.ts';
import { unknownIdMessage } from '../../lib/suggest.ts';
import { basisProblems, NoteText, resolveValue, unitProblems, stateMemberProblems, ValueRef, type Datum } from '../data.ts';
import { chartBase, statesOf } from '../kind.ts';
import { CATEGORICAL } from '../palette.ts';

const Row = z.strictObject({
  /** Stable id of the row, used by states. */
  id: Id,
  /** Label; defaults to the indicator's short label or the project's name. No digits. */
  label: z
    .string()
    .min(1)
    .max(14)
    .refine((s) => !/\d/.test(s), 'row labels must not contain digits; figures come from the dataset')
    .optional(),
  /** The row's value, for charts without `series`. */
  value: ValueRef.optional(),
  /** One value per series id, for grouped charts. */
  values: z.record(Id, ValueRef).optional(),
});

const Series = z.strictObject({
  id: Id,
  /** Legend label, e.g. 2024年 or 目标. */
  label: z.string().min(1).max(10),
});

const BarState = z.strictObject({
  /** Rows shown (by id); all when left out. Hidden rows keep their place. */
  rows: z.array(Id).min(1).optional(),
  /** Rows drawn in the highlight colour (rankings) or marked (grouped). */
  highlight: z.array(Id).default([]),
  /** A short text printed before a row's value (the value comes from the dataset). */
  annotate: z.array(z.strictObject({ row: Id, text: NoteText })).default([]),
});

export const BarSpec = z.strictObject({
  kind: z.literal('bar'),
  ...chartBase,
  /** Series of a grouped chart (at most four); leave out for one bar per row. */
  series: z
    .array(Series)
    .min(2, 'a grouped chart needs at least two series; leave `series` out for one bar per row')
    .max(CATEGORICAL.length, `at most ${CATEGORICAL.length} series stay distinguishable; split the chart`)
    .optional(),
  rows: z.array(Row).min(1, 'a bar chart needs at least one row'),
  /** Order of the rows: as written, or by the (first series') value, largest first. */
  sort: z.enum(['none', 'descending']).default('none'),
  states: statesOf(BarState),
});

export type BarSpec = z.infer<typeof BarSpec>;
export type BarState = z.infer<typeof BarState>;

export interface BarRow {
  id: string;
  label: string;
  /** One datum per series, in series order (one for a ranking). */
  data: Datum[];
}

export interface BarModel {
  /** Series labels; empty for a ranking. */
  series: { id: string; label: string }[];
  rows: BarRow[];
  /** Every annotation of every state, by row: the geometry finds them a place without changing the scale. */
  notes: { row: string; text: string }[];
}

export function resolveBar(spec: BarSpec, data: DataIndex): { model: BarModel; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const series = spec.series ?? [];
  const ids = series.map((s) => s.id);
  const rows = spec.rows.map((row, i): BarRow => {
    const at: JsonPath = ['rows', i];
    const refs: [ValueRef, JsonPath][] = [];
    if (series.length === 0) {
      if (row.values)
        problems.push({ path: [...at, 'values'], message: 'this chart has no `series`, so each row takes one `value`, not `values`' });
      if (row.value) refs.push([row.value, [...at, 'value']]);
      else problems.push({ path: at, message: `row '${row.id}' needs a \`value\`` });
    } else {
      if (row.value)
        problems.push({ path: [...at, 'value'], message: 'this chart has `series`, so each row takes `values: { <series id>: … }`' });
      const given = row.values ?? {};
      for (const key of Object.keys(given)) {
        if (!ids.includes(key)) problems.push({ path: [...at, 'values', key], message: unknownIdMessage('series', key, ids) });
      }
      for (const id of ids) {
        const ref = given[id];
        if (ref) refs.push([ref, [...at, 'values', id]]);
        else problems.push({ path: [...at, 'values'], message: `row '${row.id}' has no value for series '${id}'` });
      }
    }
    const resolved = refs.map(([ref, path]) => ({ r: resolveValue(data, ref, path), path }));
    resolved.forEach(({ r }) => r.problem && problems.push(r.problem));
    const items = resolved.flatMap(({ r, path }) => (r.datum ? [{ datum: r.datum, path }] : []));
    return { id: row.id, label: row.label ?? items[0]?.datum.label ?? row.id, data: items.map((x) => x.datum) };
  });
  if (spec.sort === 'descending') rows.sort((a, b) => (b.data[0]?.value ?? 0) - (a.data[0]?.value ?? 0));
  const notes = Object.values(spec.states).flatMap((s) => s.annotate.map((a) => ({ row: a.row, text: a.text })));
  return { model: { series, rows, notes }, problems };
}

/** Rows shown in a state. */
export function shownRows(model: BarModel, state: BarState): string[] {
  return state.rows ?? model.rows.map((r) => r.id);
}

export function checkBar(spec: BarSpec, data: DataIndex): SpecProblem[] {
  const { model, problems } = resolveBar(spec, data);
  const dup = (list: { id: string }[], key: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) problems.push({ path: [key, i, 'id'], message: `id '${x.id}' is used twice; ids must be unique` });
      seen.add(x.id);
    });
  };
  dup(spec.rows, 'rows');
  dup(spec.series ?? [], 'series');
  const items = spec.rows.flatMap((row, i) =>
    (model.rows.find((r) => r.id === row.id)?.data ?? []).map((datum) => ({ datum, path: ['rows', i] as JsonPath })),
  );
  problems.push(...unitProblems(items), ...basisProblems(items));
  if (problems.length > 0) return problems;

  const ids = model.rows.map((r) => r.id);
  for (const [name, state] of Object.entries(spec.states)) {
    const marked = [
      ...state.highlight.map((id, i) => ({ id, path: ['highlight', i] })),
      ...state.annotate.map((a, i) => ({ id: a.row, path: ['annotate', i, 'row'] })),
    ];
    problems.push(
      ...stateMemberProblems({
        at: ['states', name],
        state: name,
        what: 'row',
        field: 'rows',
        ids,
        listed: state.rows,
        shown: shownRows(model, state),
        marked,
        orElse: 'highlight a shown row',
      }),
    );
  }
  return problems;
}
