/**
 * The `dumbbell` kind: for each row, a result against its target on one value axis.
 *
 * ```yaml
 * goals:
 *   kind: dumbbell
 *   title: 增速：2024年实绩与2025年目标
 *   rows:
 *     - id: industry
 *       result: { indicator: industrial-va-growth, period: 2024 }
 *       target: { indicator: industrial-va-growth, period: 2025, kind: target }
 *   states:
 *     targets: { show: [target] }
 *     both: { highlight: [industry] }
 * ```
 */
import { z } from 'zod';
import type { DataIndex } from '../../lib/data/index.ts';
import { Id } from '../../lib/data/schema.ts';
import type { JsonPath } from '../../lib/data/validate.ts';
import type { SpecProblem } from '../../lib/graphic.ts';
import { basisProblems, resolveValue, unitProblems, stateMemberProblems, ValueRef, type Datum } from '../data.ts';
import { chartBase, statesOf } from '../kind.ts';

const Row = z.strictObject({
  /** Stable id of the row, used by states. */
  id: Id,
  /** Label; defaults to the indicator's short label. No digits. */
  label: z
    .string()
    .min(1)
    .max(12)
    .refine((s) => !/\d/.test(s), 'row labels must not contain digits; figures come from the dataset')
    .optional(),
  /** The realised value (kind actual or growth). */
  result: ValueRef,
  /** The target (kind target). */
  target: ValueRef,
});

const Mark = z.enum(['result', 'target']);

const DumbbellState = z.strictObject({
  /** Which ends are drawn; both when left out. */
  show: z.array(Mark).min(1).optional(),
  /** Rows shown (by id); all when left out. Hidden rows keep their place. */
  rows: z.array(Id).min(1).optional(),
  /** Rows marked in the highlight colour. */
  highlight: z.array(Id).default([]),
});

export const DumbbellSpec = z.strictObject({
  kind: z.literal('dumbbell'),
  ...chartBase,
  rows: z.array(Row).min(1, 'a dumbbell chart needs at least one row'),
  states: statesOf(DumbbellState),
});

export type DumbbellSpec = z.infer<typeof DumbbellSpec>;
export type DumbbellState = z.infer<typeof DumbbellState>;

export interface DumbbellRow {
  id: string;
  label: string;
  result: Datum;
  target: Datum;
}

export interface DumbbellModel {
  rows: DumbbellRow[];
}

export function resolveDumbbell(spec: DumbbellSpec, data: DataIndex): { model: DumbbellModel | null; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const rows = spec.rows.map((row, i) => {
    const result = resolveValue(data, row.result, ['rows', i, 'result']);
    const target = resolveValue(data, row.target, ['rows', i, 'target']);
    if (result.problem) problems.push(result.problem);
    if (target.problem) problems.push(target.problem);
    if (!result.datum || !target.datum) return null;
    if (target.datum.kind !== 'target') {
      problems.push({
        path: ['rows', i, 'target'],
        message: `\`target\` must be a target value (kind: target), but '${target.datum.id}' ${target.datum.period} is ${target.datum.kind}`,
      });
    }
    if (result.datum.kind === 'target' || result.datum.kind === 'forecast') {
      problems.push({
        path: ['rows', i, 'result'],
        message: `\`result\` must be a realised value, but '${result.datum.id}' ${result.datum.period} is a ${result.datum.kind}`,
      });
    }
    return { id: row.id, label: row.label ?? result.datum.label, result: result.datum, target: target.datum };
  });
  if (rows.some((r) => r === null)) return { model: null, problems };
  return { model: { rows: rows as DumbbellRow[] }, problems };
}

/** What a state shows. */
export function dumbbellView(
  model: DumbbellModel,
  state: DumbbellState,
): { show: ('result' | 'target')[]; shown: string[]; highlight: string[] } {
  return { show: state.show ?? ['result', 'target'], shown: state.rows ?? model.rows.map((r) => r.id), highlight: state.highlight };
}

export function checkDumbbell(spec: DumbbellSpec, data: DataIndex): SpecProblem[] {
  const { model, problems } = resolveDumbbell(spec, data);
  if (!model) return problems;
  const seen = new Set<string>();
  spec.rows.forEach((r, i) => {
    if (seen.has(r.id)) problems.push({ path: ['rows', i, 'id'], message: `row id '${r.id}' is used twice` });
    seen.add(r.id);
  });
  const items = model.rows.flatMap((r, i) => [
    { datum: r.result, path: ['rows', i, 'result'] as JsonPath },
    { datum: r.target, path: ['rows', i, 'target'] as JsonPath },
  ]);
  problems.push(...unitProblems(items), ...basisProblems(items));
  if (problems.length > 0) return problems;

  const ids = model.rows.map((r) => r.id);
  for (const [name, state] of Object.entries(spec.states)) {
    const marked = state.highlight.map((id, i) => ({ id, path: ['highlight', i] }));
    problems.push(
      ...stateMemberProblems({
        at: ['states', name],
        state: name,
        what: 'row',
        field: 'rows',
        ids,
        listed: state.rows,
        shown: dumbbellView(model, state).shown,
        marked,
      }),
    );
  }
  return problems;
}
