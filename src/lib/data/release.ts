/** Pure helpers for dataset releases: version bumps and what changed between two versions. */
import type { Dataset } from './schema.ts';

export type Bump = 'major' | 'minor' | 'patch';

export function isBump(s: string): s is Bump {
  return s === 'major' || s === 'minor' || s === 'patch';
}

export function bumpVersion(version: string, bump: Bump): string {
  const m = version.match(/^(\d+)\.(\d+)\.(\d+)$/);
  if (!m) throw new Error(`invalid version: ${version}`);
  const [maj, min, pat] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (bump === 'major') return `${maj + 1}.0.0`;
  if (bump === 'minor') return `${maj}.${min + 1}.0`;
  return `${maj}.${min}.${pat + 1}`;
}

/** Every value of a dataset by a stable key: indicator/period/kind, project investment and capacities. */
function values(ds: Dataset): Map<string, string> {
  const out = new Map<string, string>();
  for (const ind of ds.indicators) {
    for (const o of ind.observations) out.set(`${ind.id} ${o.period} ${o.kind}`, `${o.range ? `${o.range.low}至${o.range.high}` : o.value} ${ind.unit}`);
  }
  for (const p of ds.projects) {
    if (p.investment) out.set(`${p.id} investment`, `${p.investment.value} 亿元`);
    for (const c of p.capacity) out.set(`${p.id} capacity ${c.what}`, `${c.value} ${c.unit}`);
  }
  return out;
}

export interface DatasetDiff {
  added: string[];
  removed: string[];
  /** "gdp 2024 actual: 1686 亿元 → 1690 亿元" */
  changed: string[];
}

export function diffDatasets(before: Dataset, after: Dataset): DatasetDiff {
  const a = values(before);
  const b = values(after);
  const diff: DatasetDiff = { added: [], removed: [], changed: [] };
  for (const [k, v] of a) {
    if (!b.has(k)) diff.removed.push(k);
    else if (b.get(k) !== v) diff.changed.push(`${k}: ${v} → ${b.get(k)}`);
  }
  for (const k of b.keys()) if (!a.has(k)) diff.added.push(k);
  return diff;
}
