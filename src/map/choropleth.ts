/**
 * A state's choropleth: the value per county (an indicator per county, or a count/sum over the placed
 * projects), its bins, legend and table rows, and the county fills. Pure.
 */
import { scaleQuantize } from 'd3-scale';
import type { DataIndex } from '../lib/data/index.ts';
import { formatNumber, formatValue } from '../lib/data/format.ts';
import { parsePeriod } from '../lib/data/period.ts';
import { SECTORS } from '../lib/data/schema.ts';
import { locatedProjects } from './check.ts';
import { counties } from './geo.ts';
import type { MapStateSpec } from './spec.ts';
import { MAP_STYLE } from './style.ts';

export interface LegendBin {
  colour: string;
  label: string;
}

export interface ChoroplethModel {
  /** What is coloured, e.g. "项目投资额（亿元）". */
  title: string;
  bins: LegendBin[];
  /** One row per county, in dataset order; value null when the county has none. */
  rows: { region: string; name: string; value: string | null }[];
}

/** The smallest of 1, 2, 2.5 or 5 × 10ⁿ that is at least `v` (a legend step). */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((x) => x >= v) ?? 10 * p;
}

function choroplethValues(s: MapStateSpec, data: DataIndex): { values: Map<string, number>; title: string; unit: string } | null {
  const c = s.choropleth;
  if (!c) return null;
  const values = new Map<string, number>();
  if ('projects' in c) {
    // A sum over known projects: a county without any has 0, not "no data".
    for (const f of counties.features) values.set(String(f.id), 0);
    for (const p of locatedProjects(data)) {
      if (c.sectors && !c.sectors.includes(p.sector)) continue;
      // Zone projects count towards the county that contains the zone.
      const region = data.getRegion(p.region);
      const county = region.code ?? region.within;
      if (!county) continue;
      const add = c.projects === 'count' ? 1 : p.investment?.value;
      if (add !== undefined) values.set(county, (values.get(county) ?? 0) + add);
    }
    const what = c.sectors ? c.sectors.map((x) => SECTORS[x as keyof typeof SECTORS]).join('、') : '';
    return c.projects === 'count'
      ? { values, title: `${what}已知项目数（个）`, unit: '个' }
      : { values, title: `${what}已知项目投资额合计（亿元）`, unit: '亿元' };
  }
  const first = data.getIndicator(c.indicators[0] as string);
  const periods = new Set<string>();
  for (const id of c.indicators) {
    const o = data.getObservation(id, { period: c.period, kind: c.kind });
    if (o.value === undefined) throw new Error(`indicator '${id}' ${o.period} is a printed range; a choropleth needs one number`);
    values.set(data.getIndicator(id).scope, o.value);
    periods.add(parsePeriod(o.period).label);
  }
  // The check guarantees one unit; without a `period` the periods may differ, so the legend lists them.
  return { values, title: `${c.label ?? first.short ?? first.label}（${[...periods].join('、')}，${first.unit}）`, unit: first.unit };
}

/**
 * The county fills of a state (county code → colour) and its choropleth (null without one: then the
 * highlighted counties get the highlight's land colour).
 */
export function countyFills(
  s: MapStateSpec,
  data: DataIndex,
  highlight: string[],
): { fills: Record<string, string>; choropleth: ChoroplethModel | null } {
  const fills: Record<string, string> = {};
  const chosen = choroplethValues(s, data);
  if (!chosen) {
    for (const f of counties.features) fills[String(f.id)] = highlight.includes(String(f.id)) ? MAP_STYLE.highlightLand : MAP_STYLE.land;
    return { fills, choropleth: null };
  }
  const max = Math.max(...chosen.values.values(), 0);
  const n = MAP_STYLE.sequential.length;
  const step = niceCeil((max > 0 ? max : 1) / n);
  const scale = scaleQuantize<string>()
    .domain([0, step * n])
    .range(MAP_STYLE.sequential);
  // Counts in steps of one read better as single numbers (the last bin holds its upper bound too).
  const single = step === 1 && [...chosen.values.values()].every(Number.isInteger);
  const bins: LegendBin[] = MAP_STYLE.sequential.map((colour, i) => ({
    colour,
    label: single && i < n - 1 ? formatNumber(i) : `${formatNumber(i * step)}–${formatNumber((i + 1) * step)}`,
  }));
  const rows = counties.features.map((f) => {
    const code = String(f.id);
    const v = chosen.values.get(code);
    fills[code] = v === undefined ? MAP_STYLE.noData : scale(v);
    return { region: code, name: data.getRegion(code).name, value: v === undefined ? null : formatValue(v, chosen.unit) };
  });
  if (rows.some((r) => r.value === null)) bins.push({ colour: MAP_STYLE.noData, label: '无数据' });
  return { fills, choropleth: { title: chosen.title, bins, rows } };
}
