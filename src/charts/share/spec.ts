/**
 * The `share` kind: parts of one whole, as a stacked bar or a waffle of a hundred squares.
 *
 * ```yaml
 * chains:
 *   kind: share
 *   title: 九大产业链占规上工业总产值的比重
 *   display: waffle
 *   whole: { indicator: industrial-output, period: 2024 }
 *   parts:
 *     - id: chains
 *       value: { indicator: industry-chains-output, period: 2024 }
 *       share: { indicator: industry-chains-output-share, period: 2024 }
 *   states:
 *     whole: { parts: [] }
 *     chains: { highlight: [chains] }
 * ```
 *
 * Without a `whole`, the parts are percentages as printed (e.g. 服务业增加值占地区生产总值的55.4%): the
 * chart draws them out of a hundred, with `wholeLabel` naming what the hundred per cent is.
 *
 * ```yaml
 * services-share:
 *   kind: share
 *   title: 服务业在经济中的分量
 *   wholeLabel: 全市地区生产总值
 *   parts:
 *     - { id: services, label: 服务业, value: { indicator: services-va-share-gdp, period: 2025Q1-Q3 } }
 *   states:
 *     all: {}
 * ```
 *
 * Honesty: parts must be in the whole's unit and period and may not add up to more than the whole
 * (without a whole: all in %, one period, together at most 100%); a printed share (`share`, in %)
 * must agree with part ÷ whole. The remainder is drawn but never given a number: it is not a
 * printed figure.
 */
import { z } from 'zod';
import type { DataIndex } from '../../lib/data/index.ts';
import { Id } from '../../lib/data/schema.ts';
import type { JsonPath } from '../../lib/data/validate.ts';
import type { SpecProblem } from '../../lib/graphic.ts';
import { resolveValue, unitProblems, unknownMember, ValueRef, type Datum } from '../data.ts';
import { chartBase, statesOf } from '../kind.ts';
import { CATEGORICAL } from '../palette.ts';

const Part = z.strictObject({
  /** Stable id of the part, used by states. */
  id: Id,
  /** The part's value, in the whole's unit. */
  value: ValueRef,
  /** The part's share of the whole as printed (an indicator in %), shown beside the value. */
  share: ValueRef.optional(),
  /** Label; defaults to the indicator's short label. No digits. */
  label: z
    .string()
    .min(1)
    .max(12)
    .refine((s) => !/\d/.test(s), 'part labels must not contain digits; figures come from the dataset')
    .optional(),
});

const ShareState = z.strictObject({
  /** Parts coloured in (by id); all when left out. The others are drawn as part of the rest. */
  parts: z.array(Id).optional(),
  /** Parts drawn in the highlight colour, the others pushed back. */
  highlight: z.array(Id).default([]),
});

export const ShareSpec = z.strictObject({
  kind: z.literal('share'),
  ...chartBase,
  /** The whole; leave it out when the parts are percentages of it as printed. */
  whole: ValueRef.optional(),
  /** Label of the whole; defaults to the indicator's label (without a whole: what the hundred per cent is). */
  wholeLabel: z
    .string()
    .min(1)
    .max(16)
    .refine((s) => !/\d/.test(s), 'labels must not contain digits')
    .optional(),
  /** Disjoint parts of the whole, at most four (colours must stay distinguishable). */
  parts: z
    .array(Part)
    .min(1, 'a share chart needs at least one part')
    .max(CATEGORICAL.length, `at most ${CATEGORICAL.length} parts stay distinguishable; leave the smallest to the rest`),
  /** Label of what no part covers. */
  rest: z.string().min(1).max(10).default('其余'),
  /** A stacked bar, or a waffle of a hundred squares (each one per cent of the whole). */
  display: z.enum(['bar', 'waffle']).default('bar'),
  states: statesOf(ShareState),
});

export type ShareSpec = z.infer<typeof ShareSpec>;
export type ShareState = z.infer<typeof ShareState>;

export interface SharePart {
  id: string;
  label: string;
  value: Datum;
  share?: Datum | undefined;
}

export interface ShareModel {
  /** The whole, or null when the parts are percentages of an unnamed hundred per cent. */
  whole: Datum | null;
  /** The whole's label; empty when a chart without a whole has no `wholeLabel`. */
  wholeLabel: string;
  parts: SharePart[];
  rest: string;
  display: 'bar' | 'waffle';
}

/** A printed share may differ from part ÷ whole by rounding; beyond this many points it contradicts it. */
const SHARE_TOLERANCE = 1.5;

export function resolveShare(spec: ShareSpec, data: DataIndex): { model: ShareModel | null; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const whole = spec.whole ? resolveValue(data, spec.whole, ['whole']) : undefined;
  if (whole?.problem) problems.push(whole.problem);
  const parts = spec.parts.map((p, i) => {
    const value = resolveValue(data, p.value, ['parts', i, 'value']);
    const share = p.share ? resolveValue(data, p.share, ['parts', i, 'share']) : undefined;
    if (value.problem) problems.push(value.problem);
    if (share?.problem) problems.push(share.problem);
    return value.datum ? { id: p.id, label: p.label ?? value.datum.label, value: value.datum, share: share?.datum } : null;
  });
  if ((whole && !whole.datum) || parts.some((p) => p === null)) return { model: null, problems };
  const model: ShareModel = {
    whole: whole?.datum ?? null,
    wholeLabel: spec.wholeLabel ?? whole?.datum?.name ?? '',
    parts: parts as SharePart[],
    rest: spec.rest,
    display: spec.display,
  };
  return { model, problems };
}

/** A part's fraction of the whole (0–1): part ÷ whole, or the printed percentage ÷ 100. */
export function partFraction(model: ShareModel, part: SharePart): number {
  return model.whole ? part.value.value / model.whole.value : part.value.value / 100;
}

/** Parts coloured in a state. */
export function shownParts(model: ShareModel, state: ShareState): string[] {
  return state.parts ?? model.parts.map((p) => p.id);
}

export function checkShare(spec: ShareSpec, data: DataIndex): SpecProblem[] {
  const { model, problems } = resolveShare(spec, data);
  if (!model) return problems;
  const seen = new Set<string>();
  spec.parts.forEach((p, i) => {
    if (seen.has(p.id)) problems.push({ path: ['parts', i, 'id'], message: `part id '${p.id}' is used twice` });
    seen.add(p.id);
  });
  const whole = model.whole;
  if (!whole) {
    problems.push(...checkPercentParts(model));
    if (problems.length > 0) return problems;
    return [...problems, ...checkStates(spec, model)];
  }
  problems.push(
    ...unitProblems([
      { datum: whole, path: ['whole'] },
      ...model.parts.map((p, i) => ({ datum: p.value, path: ['parts', i, 'value'] as JsonPath })),
    ]),
  );
  model.parts.forEach((p, i) => {
    if (p.value.period !== whole.period) {
      problems.push({
        path: ['parts', i, 'value'],
        message: `part '${p.id}' is for ${p.value.periodLabel || 'no period'} but the whole for ${whole.periodLabel}; a share compares one period`,
      });
    }
    if (p.share) {
      if (p.share.unit !== '%')
        problems.push({ path: ['parts', i, 'share'], message: `a share is in %, but '${p.share.id}' is in ${p.share.unit}` });
      else {
        const computed = (p.value.value / whole.value) * 100;
        if (Math.abs(computed - p.share.value) > SHARE_TOLERANCE) {
          problems.push({
            path: ['parts', i, 'share'],
            message: `the printed share ${p.share.text} contradicts ${p.value.text} ÷ ${whole.text} (${computed.toFixed(1)}%); check both figures`,
          });
        }
      }
    }
  });
  if (whole.value <= 0) problems.push({ path: ['whole'], message: `the whole must be positive, but it is ${whole.text}` });
  model.parts.forEach((p, i) => {
    if (p.value.value < 0) problems.push({ path: ['parts', i, 'value'], message: `a part cannot be negative (${p.value.text})` });
  });
  const sum = model.parts.reduce((s, p) => s + p.value.value, 0);
  // Approximate figures (近, 超…) may add up to a little more than an exact whole.
  const slack = model.parts.some((p) => p.value.approx) ? 1.05 : 1;
  if (sum > whole.value * slack) {
    problems.push({
      path: ['parts'],
      message: `the parts add up to more than the whole (${whole.text}); they must be disjoint pieces of it`,
    });
  }
  if (problems.length > 0) return problems;
  return checkStates(spec, model);
}

/** Without a whole: every part a percentage as printed, of one period, together at most 100%. */
function checkPercentParts(model: ShareModel): SpecProblem[] {
  const problems: SpecProblem[] = [];
  model.parts.forEach((p, i) => {
    const at: JsonPath = ['parts', i, 'value'];
    if (p.value.unit !== '%') {
      problems.push({
        path: at,
        message: `without a \`whole\`, every part must be a percentage as printed, but '${p.value.id}' is in ${p.value.unit}; add the \`whole\` it is a part of`,
      });
    } else if (p.value.kind === 'growth') {
      problems.push({
        path: at,
        message: `'${p.value.id}' ${p.value.periodLabel} is a growth rate, not a share of a whole; a share chart draws parts of one hundred per cent`,
      });
    } else if (p.value.value < 0 || p.value.value > 100) {
      problems.push({ path: at, message: `part '${p.id}' is ${p.value.text}; a share of a whole lies between 0% and 100%` });
    }
    if (p.share)
      problems.push({ path: ['parts', i, 'share'], message: 'without a `whole` the value is already the share; remove `share`' });
    const first = model.parts[0] as SharePart;
    if (p.value.period !== first.value.period) {
      problems.push({
        path: at,
        message: `part '${p.id}' is for ${p.value.periodLabel || 'no period'} but part '${first.id}' for ${first.value.periodLabel || 'no period'}; a share compares one period`,
      });
    }
  });
  if (problems.length > 0) return problems;
  const sum = model.parts.reduce((s, p) => s + p.value.value, 0);
  if (sum > 100 + 1e-9) {
    const terms = model.parts.map((p) => p.value.text).join(' + ');
    problems.push({
      path: ['parts'],
      message: `the parts add up to ${Number(sum.toFixed(2))}% (${terms}), more than 100%; parts of one whole cannot overlap — chart shares of different wholes separately`,
    });
  }
  return problems;
}

function checkStates(spec: ShareSpec, model: ShareModel): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const ids = model.parts.map((p) => p.id);
  for (const [name, state] of Object.entries(spec.states)) {
    const at: JsonPath = ['states', name];
    state.parts?.forEach((id, i) => {
      if (!ids.includes(id)) problems.push(unknownMember([...at, 'parts', i], 'part', id, ids));
    });
    const shown = shownParts(model, state);
    state.highlight.forEach((id, i) => {
      if (!ids.includes(id)) problems.push(unknownMember([...at, 'highlight', i], 'part', id, ids));
      else if (!shown.includes(id))
        problems.push({ path: [...at, 'highlight', i], message: `part '${id}' is not shown in state '${name}'; add it to \`parts\`` });
    });
  }
  return problems;
}
