/**
 * How charts reach the dataset: by id only. A `ValueRef` names one value (an indicator's observation
 * or a project's investment); `resolveValue` turns it into a `Datum` carrying everything a chart
 * prints — the number, its unit, the formatted text, the period label and the citations — or into a
 * `SpecProblem` that says exactly what is missing and what exists instead.
 */
import { z } from 'zod';
import type { DataIndex } from '../lib/data/index.ts';
import { formatValue, type ApproxKind } from '../lib/data/format.ts';
import { parsePeriod, periodMidYear } from '../lib/data/period.ts';
import { Id, Kind, PeriodString, type Citation, type Observation } from '../lib/data/schema.ts';
import { unknownIdMessage } from '../lib/suggest.ts';
import { dimensionOf, type Unit } from '../lib/data/units.ts';
import type { JsonPath } from '../lib/data/validate.ts';
import type { SpecProblem } from '../lib/graphic.ts';

/** A period; YAML turns an unquoted `2024` into a number, which is accepted as the year. */
export const PeriodField = z.preprocess((v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v), PeriodString);

/** One value from the dataset: `{ indicator, period?, kind? }` or `{ project }` (its total investment). */
export const ValueRef = z
  .strictObject({
    /** Indicator id, e.g. `gdp`. */
    indicator: Id.optional(),
    /** Period of the observation; may be left out when the indicator has one value of that kind. */
    period: PeriodField.optional(),
    /** actual, target or growth; may be left out when the period has one value. */
    kind: Kind.optional(),
    /** Project id: the value is the project's total investment (亿元). */
    project: Id.optional(),
  })
  .refine((r) => (r.indicator === undefined) !== (r.project === undefined), {
    message: 'name exactly one of "indicator" (with period/kind) or "project"',
  })
  .refine((r) => r.project === undefined || (r.period === undefined && r.kind === undefined), {
    message: "a project reference takes no period or kind (it is the project's total investment)",
  });

export type ValueRef = z.infer<typeof ValueRef>;

/** A value as a chart uses it. */
export interface Datum {
  /** Indicator or project id. */
  id: string;
  /** Label for tight spots: the indicator's short label (or its label), or the project's name. */
  label: string;
  /** The full label: the indicator's label, or the project's name. */
  name: string;
  value: number;
  unit: Unit;
  approx?: ApproxKind | undefined;
  /** Period as written in the dataset, e.g. `2025Q1`; for a project, its status period or ''. */
  period: string;
  /** `2025年一季度`. */
  periodLabel: string;
  /** Position on a time axis (fractional year), or null for open-ended periods. */
  x: number | null;
  kind: Observation['kind'];
  basis?: Observation['basis'];
  baseline?: string | undefined;
  /** As printed on our page: `超1500个`, `−1.2%`. */
  text: string;
  cite: Citation[];
}

type Resolved = { datum: Datum; problem?: undefined } | { datum?: undefined; problem: SpecProblem };

function fromObservation(data: DataIndex, id: string, obs: Observation): Datum {
  const ind = data.getIndicator(id);
  const period = parsePeriod(obs.period);
  return {
    id,
    label: ind.short ?? ind.label,
    name: ind.label,
    value: obs.value as number,
    unit: ind.unit as Unit,
    approx: obs.approx,
    period: obs.period,
    periodLabel: period.label,
    x: periodMidYear(period),
    kind: obs.kind,
    basis: obs.basis,
    baseline: obs.baseline,
    // A forecast says so wherever a chart prints it (labels, tables, descriptions): never read as a target.
    text: `${obs.kind === 'forecast' ? '预计' : ''}${formatValue(obs.value as number, ind.unit, { approx: obs.approx })}`,
    cite: obs.cite,
  };
}

function listing(obs: Observation[]): string {
  return obs.map((o) => `${o.period} (${o.kind})`).join(', ');
}

/** Resolve one reference; `path` is where the reference sits in the graphic definition. */
export function resolveValue(data: DataIndex, ref: ValueRef, path: JsonPath): Resolved {
  if (ref.project !== undefined) {
    const project = data.projects.get(ref.project);
    if (!project)
      return { problem: { path: [...path, 'project'], message: unknownIdMessage('project', ref.project, data.projects.keys()) } };
    if (!project.investment) {
      return {
        problem: {
          path: [...path, 'project'],
          message: `project '${ref.project}' has no investment figure in the dataset; choose a project that has one`,
        },
      };
    }
    return {
      datum: {
        id: project.id,
        label: project.name,
        name: project.name,
        value: project.investment.value,
        unit: '亿元',
        approx: project.investment.approx,
        period: '',
        periodLabel: '',
        x: null,
        kind: 'actual',
        text: formatValue(project.investment.value, '亿元', { approx: project.investment.approx }),
        cite: project.investment.cite,
      },
    };
  }
  const id = ref.indicator as string;
  const ind = data.indicators.get(id);
  if (!ind) return { problem: { path: [...path, 'indicator'], message: unknownIdMessage('indicator', id, data.indicators.keys()) } };
  const inPeriod = ind.observations.filter((o) => ref.period === undefined || o.period === ref.period);
  if (inPeriod.length === 0) {
    return {
      problem: {
        path: [...path, 'period'],
        message: `indicator '${id}' has no value for period ${ref.period}; it has: ${listing(ind.observations)}`,
      },
    };
  }
  const matches = inPeriod.filter((o) => ref.kind === undefined || o.kind === ref.kind);
  if (matches.length === 0) {
    return {
      problem: {
        path: [...path, 'kind'],
        message: `indicator '${id}' has no ${ref.kind} value${ref.period ? ` for ${ref.period}` : ''}; it has: ${listing(inPeriod)}`,
      },
    };
  }
  if (matches.length > 1) {
    const say = ref.period === undefined ? 'period (and kind)' : 'kind';
    return {
      problem: { path, message: `indicator '${id}' has ${matches.length} values here; add ${say} to choose one: ${listing(matches)}` },
    };
  }
  const obs = matches[0] as Observation;
  if (obs.value === undefined) {
    return {
      problem: {
        path,
        message: `indicator '${id}' ${obs.period} is a printed range, which a chart cannot plot as one point; cite it in prose with <V>`,
      },
    };
  }
  return { datum: fromObservation(data, id, obs) };
}

/** A time series: one indicator's observations of one kind, in time order, optionally only some periods. */
export const SeriesRef = z.strictObject({
  /** Stable id of the series within the chart, used by highlights and annotations, e.g. `actual`. */
  id: Id,
  /** Indicator id. */
  indicator: Id,
  /** Which observations: actual (levels), growth (rates) or target (plans, drawn dashed). */
  kind: Kind,
  /** Only these periods (in any order); all periods of that kind when left out. */
  periods: z.array(PeriodField).min(1).optional(),
  /** Label for legends and tables; defaults to "目标" for targets, else the indicator's label. */
  label: z.string().min(1).max(12).optional(),
});

export type SeriesRef = z.infer<typeof SeriesRef>;

/** Resolve a series to its data, in time order. Every period must sit on a time axis. */
export function resolveSeries(data: DataIndex, ref: SeriesRef, path: JsonPath): { data: Datum[]; problems: SpecProblem[] } {
  const ind = data.indicators.get(ref.indicator);
  if (!ind)
    return {
      data: [],
      problems: [{ path: [...path, 'indicator'], message: unknownIdMessage('indicator', ref.indicator, data.indicators.keys()) }],
    };
  const problems: SpecProblem[] = [];
  const ofKind = data.series(ref.indicator).filter((s) => s.obs.kind === ref.kind);
  if (ofKind.length === 0) {
    const kinds = [...new Set(ind.observations.map((o) => o.kind))].join(', ');
    return {
      data: [],
      problems: [
        {
          path: [...path, 'kind'],
          message: `indicator '${ref.indicator}' has no ${ref.kind} values, so the series would be empty; its kinds: ${kinds}`,
        },
      ],
    };
  }
  ref.periods?.forEach((p, i) => {
    if (!ofKind.some((s) => s.obs.period === p)) {
      problems.push({
        path: [...path, 'periods', i],
        message: `indicator '${ref.indicator}' has no ${ref.kind} value for ${p}; it has: ${ofKind.map((s) => s.obs.period).join(', ')}`,
      });
    }
  });
  const chosen = ofKind.filter((s) => ref.periods === undefined || ref.periods.includes(s.obs.period));
  for (const s of chosen) {
    if (s.obs.value === undefined)
      problems.push({
        path: [...path, 'indicator'],
        message: `indicator '${ref.indicator}' ${s.obs.period} is a printed range; a line cannot plot it`,
      });
  }
  const out = chosen.map((s) => fromObservation(data, ref.indicator, s.obs));
  out.forEach((d) => {
    if (d.x === null) {
      problems.push({
        path: [...path, ref.periods ? 'periods' : 'indicator'],
        message: `period '${d.period}' (${d.periodLabel}) is open-ended and has no place on a time axis; choose periods with \`periods:\``,
      });
    }
  });
  return { data: out, problems };
}

/**
 * One unit per chart: values in different units (or different dimensions, such as 亿元 and 个) cannot
 * share an axis or be compared by length. `items` pairs each datum with its path for the message.
 */
export function unitProblems(items: { datum: Datum; path: JsonPath }[]): SpecProblem[] {
  const first = items[0];
  if (!first) return [];
  const problems: SpecProblem[] = [];
  for (const { datum, path } of items.slice(1)) {
    if (datum.unit === first.datum.unit) continue;
    const [a, b] = [dimensionOf(first.datum.unit), dimensionOf(datum.unit)];
    const what = a === b ? `units ${first.datum.unit} and ${datum.unit}` : `dimensions ${a} (${first.datum.unit}) and ${b} (${datum.unit})`;
    problems.push({
      path,
      message: `this chart mixes ${what} ('${first.datum.id}' and '${datum.id}'); one chart shows one unit, so use separate charts`,
    });
  }
  return problems;
}

/**
 * Growth rates measured differently (year on year against an annual average) do not belong on one
 * axis without saying so; charts refuse the mix.
 */
export function basisProblems(items: { datum: Datum; path: JsonPath }[]): SpecProblem[] {
  const rates = items.filter((i) => i.datum.basis !== undefined);
  const first = rates[0];
  if (!first) return [];
  return rates
    .filter((i) => i.datum.basis !== first.datum.basis)
    .map(({ datum, path }) => ({
      path,
      message: `growth bases differ: '${first.datum.id}' ${first.datum.period} is ${first.datum.basis}, '${datum.id}' ${datum.period} is ${datum.basis}; chart rates of one basis`,
    }));
}

/** Problem for an id used in a state that the chart does not define. */
export function unknownMember(path: JsonPath, what: string, id: string, known: Iterable<string>): SpecProblem {
  return { path, message: `${unknownIdMessage(what, id, known)} (the chart defines: ${[...known].join(', ')})` };
}

/**
 * The members one state picks (bar rows, dumbbell rows, funnel stages): the ids it lists in `field`
 * must be ones the chart defines, and each id it marks (highlight, annotate…) must be one it shows.
 */
export function stateMemberProblems(opts: {
  /** e.g. ['states', 'peak'] */
  at: JsonPath;
  state: string;
  /** singular, for messages: 'row', 'stage' */
  what: string;
  /** the state's own list of shown members, e.g. 'rows' */
  field: string;
  ids: readonly string[];
  listed: readonly string[] | undefined;
  shown: readonly string[];
  /** the marked ids, each with its path below `at` */
  marked: { id: string; path: JsonPath }[];
  /** another fix to suggest after "add it to `field`", e.g. "highlight a shown row" */
  orElse?: string;
}): SpecProblem[] {
  const { at, state, what, field, ids, listed, shown, marked, orElse } = opts;
  const problems: SpecProblem[] = [];
  listed?.forEach((id, i) => {
    if (!ids.includes(id)) problems.push(unknownMember([...at, field, i], what, id, ids));
  });
  for (const m of marked) {
    const path = [...at, ...m.path];
    if (!ids.includes(m.id)) problems.push(unknownMember(path, what, m.id, ids));
    else if (!shown.includes(m.id))
      problems.push({
        path,
        message: `${what} '${m.id}' is not shown in state '${state}'; add it to \`${field}\`${orElse ? ` or ${orElse}` : ''}`,
      });
  }
  return problems;
}

/** Annotation texts are words only: any figure in a chart is printed from the dataset. */
export const NoteText = z
  .string()
  .min(1)
  .max(16, 'keep annotations short (16 characters at most)')
  .refine((s) => !/[0-9０-９]/.test(s), {
    message: 'annotation text must not contain digits: the value is printed from the dataset next to it',
  });
