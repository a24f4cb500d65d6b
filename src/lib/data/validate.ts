/**
 * Checks beyond shape: unique ids, references that resolve, growth values with a sensible unit,
 * and every value matching the figure its citation says was printed.
 * Returns every problem found, with its JSON path, so editors can fix them all in one go.
 */
import type { Citation, Dataset } from './schema.ts';
import { printedMatches } from './printed.ts';

export type JsonPath = (string | number)[];

export interface Problem {
  path: JsonPath;
  message: string;
}

export function validateReferences(ds: Dataset): Problem[] {
  const problems: Problem[] = [];
  const add = (path: JsonPath, message: string) => problems.push({ path, message });

  const unique = (key: keyof Dataset & string, ids: string[]) => {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      const first = seen.get(id);
      if (first !== undefined) add([key, i, 'id'], `duplicate id "${id}" (first used at ${key}[${first}])`);
      else seen.set(id, i);
    });
  };
  unique('sources', ds.sources.map((s) => s.id));
  unique('regions', ds.regions.map((r) => r.id));
  unique('indicators', ds.indicators.map((x) => x.id));
  unique('projects', ds.projects.map((x) => x.id));
  unique('milestones', ds.milestones.map((x) => x.id));
  unique('errata', ds.errata.map((x) => x.id));

  const sources = new Map(ds.sources.map((s) => [s.id, s]));
  const regionIds = new Set(ds.regions.map((r) => r.id));
  const projectIds = new Set(ds.projects.map((p) => p.id));
  const indicatorIds = new Set(ds.indicators.map((x) => x.id));
  const milestoneIds = new Set(ds.milestones.map((x) => x.id));

  ds.sources.forEach((s, i) => {
    const seen = new Set<string>();
    s.sections.forEach((sec, j) => {
      if (seen.has(sec.id)) add(['sources', i, 'sections', j, 'id'], `duplicate section id "${sec.id}" in source "${s.id}"`);
      seen.add(sec.id);
    });
  });

  const checkRegion = (path: JsonPath, id: string | undefined, allowCity = false) => {
    if (id === undefined) return;
    if (allowCity && id === 'city') return;
    if (!regionIds.has(id)) {
      add(path, `unknown region "${id}"; known: ${allowCity ? 'city, ' : ''}${[...regionIds].join(', ')}`);
    }
  };

  /** A citation resolves, and (unless marked derived) the value is the printed figure, in the printed unit. */
  const checkCite = (path: JsonPath, c: Citation, value: number | null, unit?: string) => {
    const src = sources.get(c.source);
    if (!src) {
      add([...path, 'source'], `unknown source "${c.source}"; known: ${[...sources.keys()].join(', ')}`);
      return;
    }
    if (!src.sections.some((s) => s.id === c.section)) {
      add(
        [...path, 'section'],
        `source "${c.source}" has no section "${c.section}"; its sections: ${src.sections.map((s) => s.id).join(', ')}`,
      );
    }
    if (value !== null && c.derived === undefined && !printedMatches(value, c.printed, unit)) {
      add(
        [...path, 'printed'],
        `value ${value} does not appear in the printed figure "${c.printed}"; fix the value, or add "derived" saying how it follows from the print`,
      );
    }
    if (value !== null && unit !== undefined && c.derived === undefined && !c.printed.toLowerCase().includes(unit.toLowerCase())) {
      add(
        [...path, 'printed'],
        `the printed figure "${c.printed}" does not show the unit ${unit}; quote the figure with its unit, fix the unit, or add "derived" explaining the conversion`,
      );
    }
  };

  ds.indicators.forEach((ind, i) => {
    checkRegion(['indicators', i, 'scope'], ind.scope, true);
    if (ind.project !== undefined && !projectIds.has(ind.project)) {
      add(['indicators', i, 'project'], `unknown project "${ind.project}"`);
    }
    const seen = new Map<string, number>();
    ind.observations.forEach((o, j) => {
      const p: JsonPath = ['indicators', i, 'observations', j];
      const key = `${o.period}|${o.kind}`;
      const first = seen.get(key);
      if (first !== undefined) {
        add(p, `indicator "${ind.id}" has two ${o.kind} values for period ${o.period} (observations ${first} and ${j}); merge their citations into one observation`);
      }
      seen.set(key, j);
      if (o.kind === 'growth' && !['%', '个百分点', '倍'].includes(ind.unit)) {
        add([...p, 'kind'], `a growth value needs the unit %, 个百分点 or 倍, but indicator "${ind.id}" is in ${ind.unit}`);
      }
      if ((o.basis === 'vs-period' || o.basis === 'change') && o.baseline === undefined) {
        add([...p, 'baseline'], `basis "${o.basis}" needs a "baseline" period`);
      }
      if (o.range) {
        // Both ends of a printed range must be in the print (unless derived, e.g. 一个半月到两个月).
        o.cite.forEach((c, k) => {
          checkCite([...p, 'cite', k], c, o.range!.low, ind.unit);
          if (c.derived === undefined && !printedMatches(o.range!.high, c.printed)) {
            add([...p, 'cite', k, 'printed'], `the upper end ${o.range!.high} does not appear in the printed figure "${c.printed}"; fix the range, or add "derived"`);
          }
        });
        if (o.approx !== undefined) add([...p, 'approx'], 'a range carries no approx: its ends say how exact it is');
      } else {
        o.cite.forEach((c, k) => checkCite([...p, 'cite', k], c, o.value ?? null, ind.unit));
      }
    });
  });

  ds.projects.forEach((pr, i) => {
    const p: JsonPath = ['projects', i];
    checkRegion([...p, 'region'], pr.region, true);
    if (pr.precision === 'zone' && pr.region !== 'etdz') {
      add([...p, 'precision'], `precision "zone" means the development zone; set region to "etdz" or use "county"/"park"`);
    }
    if ((pr.precision === 'city') !== (pr.region === 'city')) {
      add([...p, 'precision'], `precision "city" goes with region "city" (location not given), and only with it`);
    }
    pr.investment?.cite.forEach((c, k) => checkCite([...p, 'investment', 'cite', k], c, pr.investment?.value ?? null, '亿元'));
    pr.capacity.forEach((cap, j) => cap.cite.forEach((c, k) => checkCite([...p, 'capacity', j, 'cite', k], c, cap.value, cap.unit)));
    pr.status?.cite.forEach((c, k) => checkCite([...p, 'status', 'cite', k], c, null));
    pr.mentions.forEach((c, k) => checkCite([...p, 'mentions', k], c, null));
    if (!pr.investment && pr.capacity.length === 0 && !pr.status && pr.mentions.length === 0) {
      add(p, `project "${pr.id}" cites nothing; add at least one citation (investment, capacity, status or mentions)`);
    }
  });

  ds.milestones.forEach((m, i) => {
    const p: JsonPath = ['milestones', i];
    checkRegion([...p, 'region'], m.region);
    if (m.project !== undefined && !projectIds.has(m.project)) add([...p, 'project'], `unknown project "${m.project}"`);
    m.cite.forEach((c, k) => checkCite([...p, 'cite', k], c, null));
  });

  ds.regions.forEach((r, i) => {
    if (r.within !== undefined) checkRegion(['regions', i, 'within'], r.within);
    if (r.code !== null && r.code !== r.id) add(['regions', i, 'code'], `code ${r.code} differs from id ${r.id}`);
  });

  const anyId = new Set([...indicatorIds, ...projectIds, ...milestoneIds]);
  ds.errata.forEach((e, i) => {
    if (!sources.has(e.source)) add(['errata', i, 'source'], `unknown source "${e.source}"`);
    e.affects.forEach((id, j) => {
      if (!anyId.has(id)) add(['errata', i, 'affects', j], `unknown indicator, project or milestone "${id}"`);
    });
    e.values?.forEach((v, j) => {
      const ind = ds.indicators.find((x) => x.id === v.indicator);
      if (!ind) add(['errata', i, 'values', j, 'indicator'], `unknown indicator "${v.indicator}"`);
      else if (!ind.observations.some((o) => o.period === v.period)) {
        add(['errata', i, 'values', j, 'period'], `indicator "${v.indicator}" has no value for ${v.period}; it has: ${ind.observations.map((o) => o.period).join(', ')}`);
      }
      if (!e.affects.includes(v.indicator)) add(['errata', i, 'values', j, 'indicator'], `"${v.indicator}" is linked in values but missing from affects`);
    });
    if (e.resolution === 'corrected' && e.correction === undefined) {
      add(['errata', i, 'correction'], 'a corrected erratum needs a "correction"');
    }
  });

  return problems;
}
