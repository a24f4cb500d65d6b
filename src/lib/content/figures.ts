/**
 * Figures cited in prose: `<V id="gdp" period="2024" />`. Each resolves to one dataset observation;
 * the story page lists them all with their provenance, and each `<V>` links to its entry.
 */
import type { DataIndex } from '../data/index.ts';
import type { Observation } from '../data/schema.ts';
import { formatValue } from '../data/format.ts';
import { parsePeriod } from '../data/period.ts';

export interface FigureRef {
  id: string;
  period?: string | undefined;
  kind?: Observation['kind'] | undefined;
}

export interface ResolvedFigure {
  ref: FigureRef;
  /** Anchor of the figure's entry in the story's source list. */
  anchor: string;
  /** As printed on our page, e.g. "1686亿元". */
  text: string;
  label: string;
  periodLabel: string;
  scopeName: string;
  /** The label with its scope in front, once: "全市贷款余额", never "全市全市贷款余额". */
  scopedLabel: string;
  obs: Observation;
}

/** `fig-gdp-2024-actual`: stable, unique per indicator/period/kind. */
export function figureAnchor(id: string, obs: Observation): string {
  return `fig-${id}-${obs.period.replace(/[^0-9A-Za-z]+/g, '_')}-${obs.kind}`;
}

export function resolveFigure(data: DataIndex, ref: FigureRef): ResolvedFigure {
  const ind = data.getIndicator(ref.id);
  const obs = data.getObservation(ref.id, { period: ref.period, kind: ref.kind });
  return {
    ref,
    anchor: figureAnchor(ref.id, obs),
    text: formatValue(obs.value, ind.unit, { approx: obs.approx }),
    label: ind.label,
    periodLabel: parsePeriod(obs.period).label,
    scopeName: data.scopeName(ind.scope),
    scopedLabel: data.scopedLabel(ind),
    obs,
  };
}
