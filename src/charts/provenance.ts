/**
 * The source line under a chart, built from the citations of the values it plots: each article
 * once, oldest first, with its publication month marked as inferred ("约"), because the captures do
 * not print a date (see the dataset's `dateNote`).
 */
import type { DataIndex } from '../lib/data/index.ts';
import { parsePeriod } from '../lib/data/period.ts';
import type { Datum } from './data.ts';

export interface SourceRef {
  id: string;
  headline: string;
  /** "约2025年4月". */
  date: string;
  /** Why the date is believed (shown as a tooltip). */
  dateNote: string;
}

/** Articles cited by the plotted values, oldest first. */
export function sourcesOf(plotted: Datum[], data: DataIndex): SourceRef[] {
  const ids = new Set(plotted.flatMap((d) => d.cite.map((c) => c.source)));
  return [...ids]
    .map((id) => data.getSource(id))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((s) => ({ id: s.id, headline: s.headline, date: `约${parsePeriod(s.date).label}`, dateNote: s.dateNote }));
}

/** `数据来源：《…》（约2025年3月）；《…》（约2025年4月）` as plain text (for descriptions and tests). */
export function sourceLine(sources: SourceRef[]): string {
  return `数据来源：${sources.map((s) => `《${s.headline}》（${s.date}）`).join('；')}`;
}
