/**
 * The `funnel` kind: the stages of a pipeline in order (trips → firms contacted → projects
 * negotiated → signed → money), each with its figure from the dataset.
 *
 * ```yaml
 * pipeline:
 *   kind: funnel
 *   title: 招商引资的漏斗
 *   stages:
 *     - { id: trips, value: { indicator: investment-promotion-trips } }
 *     - { id: firms, value: { indicator: companies-contacted } }
 *     - { id: talks, value: { indicator: projects-negotiated } }
 *     - { id: signed, value: { indicator: signed-projects-cumulative } }
 *   states:
 *     start: { stages: [trips, firms] }
 *     all: { highlight: [signed] }
 * ```
 *
 * Honesty: stages counted in different units (次, 家, 个, 亿元) cannot be compared by length. By
 * default a bar is drawn only across consecutive stages of one unit, on that run's own scale;
 * `proportional: true` (one scale for all) is refused unless every stage has the same unit. All
 * stages must cover the same period.
 */
import { z } from 'zod';
import type { DataIndex } from '../../lib/data/index.ts';
import { Id } from '../../lib/data/schema.ts';
import type { SpecProblem } from '../../lib/graphic.ts';
import { resolveValue, stateMemberProblems, ValueRef, type Datum } from '../data.ts';
import { chartBase, statesOf } from '../kind.ts';

const Stage = z.strictObject({
  /** Stable id of the stage, used by states. */
  id: Id,
  value: ValueRef,
  /** Label; defaults to the indicator's short label. No digits. */
  label: z
    .string()
    .min(1)
    .max(10)
    .refine((s) => !/\d/.test(s), 'stage labels must not contain digits; figures come from the dataset')
    .optional(),
});

const FunnelState = z.strictObject({
  /** Stages shown (by id); all when left out. Hidden stages keep their place. */
  stages: z.array(Id).min(1).optional(),
  /** Stages marked in the highlight colour. */
  highlight: z.array(Id).default([]),
});

export const FunnelSpec = z.strictObject({
  kind: z.literal('funnel'),
  ...chartBase,
  /** The stages, in pipeline order. */
  stages: z.array(Stage).min(2, 'a funnel needs at least two stages').max(8, 'at most eight stages fit; split the pipeline'),
  /** One length scale for every stage; only allowed when all stages share one unit. */
  proportional: z.boolean().default(false),
  states: statesOf(FunnelState),
});

export type FunnelSpec = z.infer<typeof FunnelSpec>;
export type FunnelState = z.infer<typeof FunnelState>;

export interface FunnelStage {
  id: string;
  label: string;
  value: Datum;
  /** Index of the run of consecutive same-unit stages it belongs to. */
  run: number;
  /** Length of the bar as a fraction of the run's largest value; null when the stage gets no bar. */
  fraction: number | null;
}

export interface FunnelModel {
  stages: FunnelStage[];
  proportional: boolean;
  /** True when some stages get no bar or runs use different scales: readers are told so. */
  mixedUnits: boolean;
}

/**
 * Runs of consecutive stages of one unit. A run of one gets no bar (there is nothing to compare
 * it with); the stages of a longer run are drawn on the run's own scale.
 */
export function funnelRuns(values: { value: number; unit: string }[], proportional: boolean): { run: number; fraction: number | null }[] {
  const run: number[] = [];
  values.forEach((v, i) => run.push(i === 0 ? 0 : (run[i - 1] as number) + (proportional || v.unit === values[i - 1]?.unit ? 0 : 1)));
  const max = new Map<number, number>();
  const size = new Map<number, number>();
  values.forEach((v, i) => {
    const r = run[i] as number;
    max.set(r, Math.max(max.get(r) ?? 0, v.value));
    size.set(r, (size.get(r) ?? 0) + 1);
  });
  return values.map((v, i) => {
    const r = run[i] as number;
    return { run: r, fraction: (size.get(r) as number) > 1 ? v.value / (max.get(r) as number) : null };
  });
}

export function resolveFunnel(spec: FunnelSpec, data: DataIndex): { model: FunnelModel | null; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const resolved = spec.stages.map((s, i) => resolveValue(data, s.value, ['stages', i, 'value']));
  resolved.forEach((r) => r.problem && problems.push(r.problem));
  if (resolved.some((r) => !r.datum)) return { model: null, problems };
  const data_ = resolved.map((r) => r.datum as Datum);
  const runs = funnelRuns(data_, spec.proportional);
  const stages = spec.stages.map((s, i) => ({
    id: s.id,
    label: s.label ?? (data_[i] as Datum).label,
    value: data_[i] as Datum,
    ...(runs[i] as { run: number; fraction: number | null }),
  }));
  return {
    model: {
      stages,
      proportional: spec.proportional,
      mixedUnits: stages.some((s) => s.fraction === null) || new Set(stages.map((s) => s.run)).size > 1,
    },
    problems,
  };
}

/** Stages shown in a state. */
export function shownStages(model: FunnelModel, state: FunnelState): string[] {
  return state.stages ?? model.stages.map((s) => s.id);
}

export function checkFunnel(spec: FunnelSpec, data: DataIndex): SpecProblem[] {
  const { model, problems } = resolveFunnel(spec, data);
  if (!model) return problems;
  const seen = new Set<string>();
  spec.stages.forEach((s, i) => {
    if (seen.has(s.id)) problems.push({ path: ['stages', i, 'id'], message: `stage id '${s.id}' is used twice` });
    seen.add(s.id);
  });
  const first = model.stages[0] as FunnelStage;
  model.stages.forEach((s, i) => {
    if (s.value.period !== first.value.period) {
      problems.push({
        path: ['stages', i, 'value'],
        message: `stage '${s.id}' covers ${s.value.periodLabel || 'no period'}, but '${first.id}' covers ${first.value.periodLabel}; a pipeline compares stages of one period`,
      });
    }
    if (s.value.value <= 0)
      problems.push({ path: ['stages', i, 'value'], message: `stage '${s.id}' is ${s.value.text}; a pipeline stage must be positive` });
  });
  const units = [...new Set(model.stages.map((s) => s.value.unit))];
  if (spec.proportional && units.length > 1) {
    const list = model.stages.map((s) => `${s.value.unit} (${s.id})`).join(', ');
    problems.push({
      path: ['proportional'],
      message: `a proportional funnel compares every stage by length, but the stages are counted in different units: ${list}; remove \`proportional\` to draw a sequence where lengths compare only within one unit`,
    });
  }
  if (problems.length > 0) return problems;

  const ids = model.stages.map((s) => s.id);
  for (const [name, state] of Object.entries(spec.states)) {
    const marked = state.highlight.map((id, i) => ({ id, path: ['highlight', i] }));
    problems.push(
      ...stateMemberProblems({
        at: ['states', name],
        state: name,
        what: 'stage',
        field: 'stages',
        ids,
        listed: state.stages,
        shown: shownStages(model, state),
        marked,
      }),
    );
  }
  return problems;
}
