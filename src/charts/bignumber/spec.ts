/**
 * The `bignumber` kind: one figure as a card, with its label and period, and optionally one
 * comparison (a growth rate, a target, or the same figure in another period).
 *
 * ```yaml
 * gdp-card:
 *   kind: bignumber
 *   title: 经济总量
 *   value: { indicator: gdp, period: 2024 }
 *   compare: { indicator: gdp-growth, period: 2025, kind: target }
 *   states:
 *     value: { comparison: false }
 *     with-target: {}
 * ```
 */
import { z } from 'zod';
import type { DataIndex } from '../../lib/data/index.ts';
import type { SpecProblem } from '../../lib/graphic.ts';
import { resolveValue, ValueRef, type Datum } from '../data.ts';
import { chartBase, statesOf } from '../kind.ts';

const BigNumberState = z.strictObject({
  /** Show the comparison line; shown by default when the card has one. */
  comparison: z.boolean().optional(),
});

export const BigNumberSpec = z.strictObject({
  kind: z.literal('bignumber'),
  ...chartBase,
  /** The figure. */
  value: ValueRef,
  /** What the figure is; the indicator's label when left out. No digits: figures come from the data. */
  label: z
    .string()
    .min(1)
    .max(16)
    .refine((s) => !/\d/.test(s), 'the label must not contain digits')
    .optional(),
  /**
   * A qualifier printed after the figure in the article but not held by the dataset's value, e.g.
   * "左右" for "增长7%左右"; it must occur in the figure's printed citation. (Qualifiers the dataset
   * holds, such as 以上 in "95%以上", are printed without it.)
   */
  suffix: z
    .string()
    .min(1)
    .max(6)
    .refine((s) => !/\d/.test(s), 'the suffix must not contain digits: it qualifies the figure, which comes from the data')
    .optional(),
  /** One value to compare with: a growth rate, a target, or the figure in another period. */
  compare: ValueRef.optional(),
  /** Words in front of the comparison's figure instead of the automatic ones ("2025年目标：", "2020年："), e.g. "三年前". */
  compareLabel: z.string().min(1).max(16).optional(),
  states: statesOf(BigNumberState),
});

export type BigNumberSpec = z.infer<typeof BigNumberSpec>;
export type BigNumberState = z.infer<typeof BigNumberState>;

export interface BigNumberModel {
  label: string;
  value: Datum;
  /** Printed after the unit: the editor's `suffix`, e.g. 左右. */
  suffix?: string | undefined;
  compare?: Datum | undefined;
  compareLabel?: string | undefined;
}

export function resolveBigNumber(spec: BigNumberSpec, data: DataIndex): { model: BigNumberModel | null; problems: SpecProblem[] } {
  const value = resolveValue(data, spec.value, ['value']);
  const compare = spec.compare ? resolveValue(data, spec.compare, ['compare']) : undefined;
  const problems = [value.problem, compare?.problem].filter((p): p is SpecProblem => p !== undefined);
  if (!value.datum || (compare && !compare.datum)) return { model: null, problems };
  return {
    model: {
      label: spec.label ?? value.datum.name,
      value: value.datum,
      suffix: spec.suffix,
      compare: compare?.datum,
      compareLabel: spec.compareLabel,
    },
    problems,
  };
}

const GROWTH_WORDS: Record<string, string> = { yoy: '同比', 'annual-avg': '年均', 'vs-period': '', change: '' };

/**
 * The comparison as words around the dataset's figure: "同比增长5.1%", "2021—2024年年均增长13.2%",
 * "比2020年增加664亿元", "2025年目标：增长7%", "2020年：1034亿元". A decline prints the size of the
 * fall after "下降". A rate over another period than the card's figure names its period.
 */
export function comparisonText(c: Datum, figurePeriod: string, baselineLabel: (period: string) => string, lead?: string): string {
  if (lead !== undefined) {
    // The editor's words replace the automatic period and basis; the figure (and its direction) stay.
    if (c.kind === 'growth')
      return `${lead}${c.basis === 'change' ? (c.value >= 0 ? '增加' : '减少') : c.value >= 0 ? '增长' : '下降'}${c.text.replace(/^\u2212/, '')}`;
    return `${lead}${/[：:，,]$/.test(lead) ? '' : '：'}${c.text}`;
  }
  const since = c.baseline ? `比${baselineLabel(c.baseline)}` : '';
  if (c.kind === 'target') {
    const rate = c.basis ? `${GROWTH_WORDS[c.basis] ?? ''}增长` : '';
    return `${c.periodLabel}目标：${rate}${c.text}`;
  }
  if (c.kind === 'growth') {
    const up = c.value >= 0;
    const word = c.basis === 'change' ? (up ? '增加' : '减少') : up ? '增长' : '下降';
    const when = c.period !== figurePeriod && !c.baseline ? c.periodLabel : '';
    return `${when}${GROWTH_WORDS[c.basis ?? 'yoy'] ?? ''}${since}${word}${c.text.replace(/^\u2212/, '')}`;
  }
  return `${c.periodLabel}：${c.text}`;
}

/** Whether a state shows the comparison line. */
export function showsComparison(model: BigNumberModel, state: BigNumberState): boolean {
  return model.compare !== undefined && state.comparison !== false;
}

export function checkBigNumber(spec: BigNumberSpec, data: DataIndex): SpecProblem[] {
  const { model, problems } = resolveBigNumber(spec, data);
  if (!model) return problems;
  const c = model.compare;
  if (c && c.kind === 'actual' && c.unit !== model.value.unit) {
    problems.push({
      path: ['compare'],
      message: `the comparison is in ${c.unit} but the figure in ${model.value.unit}; compare a level with the same level, or with a growth rate or target`,
    });
  }
  if (spec.suffix !== undefined) {
    const v = model.value;
    const printed = v.cite.map((c) => c.printed);
    if (v.approx) {
      problems.push({ path: ['suffix'], message: `the figure is already printed as "${v.text}" from the dataset; remove \`suffix\`` });
    } else if (!printed.some((p) => p.includes(spec.suffix as string))) {
      problems.push({
        path: ['suffix'],
        message: `"${spec.suffix}" does not occur in the figure as printed (${printed.map((p) => `"${p}"`).join(', ')}); the suffix must repeat the article's own qualifier`,
      });
    }
  }
  if (spec.compareLabel !== undefined && !c) {
    problems.push({
      path: ['compareLabel'],
      message: 'the card has no `compare`, so `compareLabel` has nothing to label; add a comparison or remove it',
    });
  }
  for (const [name, state] of Object.entries(spec.states)) {
    if (state.comparison === true && !c) {
      problems.push({
        path: ['states', name, 'comparison'],
        message: 'this state shows a comparison, but the card has no `compare`; add one or remove `comparison: true`',
      });
    }
  }
  return problems;
}
