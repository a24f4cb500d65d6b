/**
 * Typed access to the dataset. Every lookup by id throws a helpful error for an unknown id, so a typo
 * in a chapter fails the build instead of printing "undefined".
 */
import { loadDataset } from './load.ts';
import { parsePeriod, type Period } from './period.ts';
import type { Dataset, Indicator, Milestone, Observation, Project, Region, Source } from './schema.ts';
import { unknownIdMessage } from '../suggest.ts';
import { formatObservation } from './format.ts';

export class UnknownIdError extends Error {
  constructor(what: string, id: string, known: Iterable<string>) {
    super(unknownIdMessage(what, id, known));
    this.name = 'UnknownIdError';
  }
}

/** Ways a label can already name the whole city. */
const CITY_ALIASES = ['全市', '通辽市', '通辽'];

/**
 * `label` with `scope` in front, unless the label already starts with the scope or one of its other
 * names (`aliases`): ("全市", "地区生产总值") → "全市地区生产总值"; ("全市", "全市贷款余额") → "全市贷款余额".
 */
export function withScope(scope: string, label: string, aliases: readonly string[] = []): string {
  const names = [scope, ...aliases].filter(Boolean);
  return names.some((n) => label.startsWith(n)) ? label : `${scope}${label}`;
}

/** Indexes over one dataset. Built once per dataset object. */
export class DataIndex {
  readonly sources: Map<string, Source>;
  readonly regions: Map<string, Region>;
  readonly indicators: Map<string, Indicator>;
  readonly projects: Map<string, Project>;
  readonly milestones: Map<string, Milestone>;
  readonly dataset: Dataset;

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.sources = new Map(dataset.sources.map((s) => [s.id, s]));
    this.regions = new Map(dataset.regions.map((r) => [r.id, r]));
    this.indicators = new Map(dataset.indicators.map((x) => [x.id, x]));
    this.projects = new Map(dataset.projects.map((x) => [x.id, x]));
    this.milestones = new Map(dataset.milestones.map((x) => [x.id, x]));
  }

  getSource(id: string): Source {
    const s = this.sources.get(id);
    if (!s) throw new UnknownIdError('source', id, this.sources.keys());
    return s;
  }

  getRegion(id: string): Region {
    const r = this.regions.get(id);
    if (!r) throw new UnknownIdError('region', id, this.regions.keys());
    return r;
  }

  getIndicator(id: string): Indicator {
    const x = this.indicators.get(id);
    if (!x) throw new UnknownIdError('indicator', id, this.indicators.keys());
    return x;
  }

  getProject(id: string): Project {
    const x = this.projects.get(id);
    if (!x) throw new UnknownIdError('project', id, this.projects.keys());
    return x;
  }

  getMilestone(id: string): Milestone {
    const x = this.milestones.get(id);
    if (!x) throw new UnknownIdError('milestone', id, this.milestones.keys());
    return x;
  }

  /**
   * One observation of an indicator. `period` and `kind` may be left out when they are unambiguous;
   * otherwise the error lists what exists.
   */
  getObservation(id: string, select: { period?: string | undefined; kind?: Observation['kind'] | undefined } = {}): Observation {
    const ind = this.getIndicator(id);
    const matches = ind.observations.filter(
      (o) => (select.period === undefined || o.period === select.period) && (select.kind === undefined || o.kind === select.kind),
    );
    const listing = ind.observations.map((o) => `${o.period} (${o.kind})`).join(', ');
    if (matches.length === 1) return matches[0] as Observation;
    if (matches.length === 0) {
      const want = [select.period && `period ${select.period}`, select.kind && `kind ${select.kind}`].filter(Boolean).join(' and ');
      throw new Error(`indicator '${id}' has no value for ${want}; it has: ${listing}`);
    }
    throw new Error(`indicator '${id}' has ${matches.length} values${select.period ? ` for ${select.period}` : ''}; say which with period="…" (and kind="…"): ${listing}`);
  }

  /** Observations in time order (open-ended periods last). */
  series(id: string): { obs: Observation; period: Period }[] {
    return this.getIndicator(id)
      .observations.map((obs) => ({ obs, period: parsePeriod(obs.period) }))
      .sort((a, b) => (a.period.start ?? '9999').localeCompare(b.period.start ?? '9999') || (a.period.end ?? '9999').localeCompare(b.period.end ?? '9999'));
  }

  /** The observation formatted for prose: "1686亿元", "超1500个". */
  format(id: string, select: { period?: string | undefined; kind?: Observation['kind'] | undefined } = {}): string {
    const ind = this.getIndicator(id);
    const o = this.getObservation(id, select);
    return formatObservation(o, ind.unit);
  }

  /** The region name for a scope: 全市 for `city`. */
  scopeName(scope: string): string {
    return scope === 'city' ? '全市' : this.getRegion(scope).name;
  }

  /**
   * An indicator's label with its scope in front, once: "全市地区生产总值", "霍林郭勒市重大项目节点责任单位"
   * (the label already names its scope, so it is not repeated).
   */
  scopedLabel(ind: Pick<Indicator, 'label' | 'scope'>): string {
    const aliases = ind.scope === 'city' ? CITY_ALIASES : [this.getRegion(ind.scope).name, this.getRegion(ind.scope).short];
    return withScope(this.scopeName(ind.scope), ind.label, aliases);
  }
}

let shared: DataIndex | undefined;

/** The index over the project's dataset (validated on first use; rebuilt when the file changes). */
export function data(): DataIndex {
  const ds = loadDataset();
  if (shared?.dataset !== ds) shared = new DataIndex(ds);
  return shared;
}

export type { Dataset, Indicator, Milestone, Observation, Project, Region, Source };
