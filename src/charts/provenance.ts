/**
 * The source line under a chart, built from the citations of the values it plots: each article
 * once, oldest first, with its publication month marked as inferred ("约"), because the captures do
 * not print a date. Each links to the article's entry on the sources page, which says why that date.
 */
import type { DataIndex } from '../lib/data/index.ts';
import { parsePeriod } from '../lib/data/period.ts';
import type { Datum } from './data.ts';

export interface SourceRef {
  id: string;
  headline: string;
  /** "约2025年4月". */
  date: string;
}

/** Articles cited by the plotted values, oldest first. */
export function sourcesOf(plotted: Datum[], data: DataIndex): SourceRef[] {
  const ids = new Set(plotted.flatMap((d) => d.cite.map((c) => c.source)));
  return [...ids]
    .map((id) => data.getSource(id))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((s) => ({ id: s.id, headline: s.headline, date: `约${parsePeriod(s.date).label}` }));
}
