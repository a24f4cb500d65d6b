/**
 * Figures cited in prose: `<V id="gdp" period="2024" />` (an indicator's value) or
 * `<V project="longma-base" field="investment" />` (a named project's investment or capacity). Each
 * resolves to one dataset figure with its citations; the story page lists them all with their
 * provenance, and each `<V>` links to its entry.
 */
import type { DataIndex } from '../data/index.ts';
import type { Citation, Observation, Project } from '../data/schema.ts';
import { formatObservation, formatValue } from '../data/format.ts';
import { parsePeriod } from '../data/period.ts';
import { nearest } from '../suggest.ts';

export type ProjectField = 'investment' | 'capacity';

export interface IndicatorRef {
  id: string;
  period?: string | undefined;
  kind?: Observation['kind'] | undefined;
  project?: undefined;
}

export interface ProjectRef {
  project: string;
  field: ProjectField;
  /** Which capacity, when the project has several (its `what`, e.g. 风电整机). */
  what?: string | undefined;
  id?: undefined;
}

export type FigureRef = IndicatorRef | ProjectRef;

export interface ResolvedFigure {
  ref: FigureRef;
  /** Anchor of the figure's entry in the story's source list. */
  anchor: string;
  /** As printed on our page, e.g. "1686亿元". */
  text: string;
  label: string;
  /** The label with its scope in front, once ("全市贷款余额"); for a project, its name and what the figure is. */
  scopedLabel: string;
  /** "2024年"; empty for a project's figure (the articles give no date for it). */
  periodLabel: string;
  scopeName: string;
  cite: Citation[];
  note?: string | undefined;
  /** The indicator observation, for an indicator's figure. */
  obs?: Observation | undefined;
  /** The project, for a project's figure. */
  project?: Project | undefined;
}

/** `fig-gdp-2024-actual`: stable, unique per indicator/period/kind. */
export function figureAnchor(id: string, obs: Observation): string {
  return `fig-${id}-${obs.period.replace(/[^0-9A-Za-z]+/g, '_')}-${obs.kind}`;
}

/** `fig-project-longma-base-investment`, `fig-project-longma-base-capacity-0`. */
export function projectFigureAnchor(project: string, field: ProjectField, index = 0): string {
  return field === 'investment' ? `fig-project-${project}-investment` : `fig-project-${project}-capacity-${index}`;
}

/** The figure a project reference points at; throws a readable error (with "did you mean") otherwise. */
export function projectFigure(data: DataIndex, ref: Omit<ProjectRef, 'id'>): { project: Project; index: number; value: number; unit: string; approx: Observation['approx']; cite: Citation[]; what: string } {
  const project = data.getProject(ref.project);
  const has = [project.investment && 'investment', project.capacity.length > 0 && `capacity (${project.capacity.map((c) => c.what).join('、')})`].filter(Boolean);
  const hasText = has.length ? `it has: ${has.join('; ')}` : 'it has no figures, only mentions';
  if (ref.field === 'investment') {
    if (ref.what !== undefined) throw new Error(`what="${ref.what}" only applies to field="capacity"`);
    if (!project.investment) throw new Error(`project '${project.id}' has no investment figure in the dataset; ${hasText}`);
    const inv = project.investment;
    return { project, index: 0, value: inv.value, unit: inv.unit, approx: inv.approx, cite: inv.cite, what: '总投资' };
  }
  if (project.capacity.length === 0) throw new Error(`project '${project.id}' has no capacity figure in the dataset; ${hasText}`);
  const whats = project.capacity.map((c) => c.what);
  let index = 0;
  if (ref.what !== undefined) {
    index = whats.indexOf(ref.what);
    if (index < 0) {
      const near = nearest(ref.what, whats, 1);
      throw new Error(`project '${project.id}' has no capacity "${ref.what}"; ${near.length ? `did you mean "${near[0]}"? ` : ''}its capacities: ${whats.join('、')}`);
    }
  } else if (project.capacity.length > 1) {
    throw new Error(`project '${project.id}' has ${project.capacity.length} capacities; say which with what="…": ${whats.join('、')}`);
  }
  const cap = project.capacity[index] as Project['capacity'][number];
  return { project, index, value: cap.value, unit: cap.unit, approx: cap.approx, cite: cap.cite, what: `${cap.perYear ? '年产能' : '规模'}（${cap.what}）` };
}

export function resolveFigure(data: DataIndex, ref: FigureRef): ResolvedFigure {
  if (ref.project !== undefined) {
    const f = projectFigure(data, ref);
    const scopeName = f.project.region === 'city' ? '' : data.scopeName(f.project.region);
    return {
      ref,
      anchor: projectFigureAnchor(f.project.id, ref.field, f.index),
      text: formatValue(f.value, f.unit, { approx: f.approx }),
      label: `${f.project.name}${f.what}`,
      scopedLabel: `${f.project.name}${scopeName ? `（${scopeName}）` : ''}${f.what}`,
      periodLabel: '',
      scopeName,
      cite: f.cite,
      note: f.project.note,
      project: f.project,
    };
  }
  const ind = data.getIndicator(ref.id);
  const obs = data.getObservation(ref.id, { period: ref.period, kind: ref.kind });
  return {
    ref,
    anchor: figureAnchor(ref.id, obs),
    text: formatObservation(obs, ind.unit),
    label: ind.label,
    scopedLabel: data.scopedLabel(ind),
    periodLabel: parsePeriod(obs.period).label,
    scopeName: data.scopeName(ind.scope),
    cite: obs.cite,
    note: obs.note,
    obs,
  };
}
