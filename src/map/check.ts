/**
 * Dataset checks for `kind: map`: every region, view, layer, indicator, project and sector a state
 * names must exist, and a choropleth must be honest (one county per indicator, one unit). Returns every
 * problem with its path inside the graphic definition and a hint, so the content check can point at
 * the file and line.
 */
import type { DataIndex } from '../lib/data/index.ts';
import { MAP_NAME_MAX, SECTORS, type Project } from '../lib/data/schema.ts';
import { unknownIdMessage } from '../lib/suggest.ts';
import type { SpecProblem } from '../lib/graphic.ts';
import type { JsonPath } from '../lib/data/validate.ts';
import { LAYERS, VIEWS, type ChoroplethSpec, type MapSpec, type MapStateSpec } from './spec.ts';

/** Projects that have a place on the map (the articles name their county or the zone). */
export function locatedProjects(data: DataIndex) {
  return data.dataset.projects.filter((p) => p.region !== 'city');
}

/** The name a map prints beside a project's circle: its `short`, else its full name. */
export function mapName(p: Pick<Project, 'name' | 'short'>): string {
  return p.short ?? p.name;
}

/** Why a project's name cannot be printed on a map, or null when it can. */
export function mapNameProblem(p: Pick<Project, 'id' | 'name' | 'short'>): string | null {
  const n = [...mapName(p)].length;
  if (n <= MAP_NAME_MAX) return null;
  return `project '${p.id}' has no short name and its name "${p.name}" (${n} characters) is too long to print beside its circle; add "short" (2–${MAP_NAME_MAX} characters, drawn from the name, e.g. "${[...p.name].slice(0, 4).join('')}…") to it in data/tongliao.json`;
}

function checkRegions(path: JsonPath, ids: string[], data: DataIndex, problems: SpecProblem[]): void {
  ids.forEach((id, i) => {
    if (!data.regions.has(id))
      problems.push({
        path: [...path, i],
        message: `${unknownIdMessage('region', id, data.regions.keys())} (regions are the 6-digit county codes and "etdz")`,
      });
  });
}

function checkSectors(path: JsonPath, ids: string[] | undefined, problems: SpecProblem[]): void {
  ids?.forEach((id, i) => {
    if (!(id in SECTORS)) problems.push({ path: [...path, i], message: unknownIdMessage('sector', id, Object.keys(SECTORS)) });
  });
}

function checkChoropleth(path: JsonPath, c: ChoroplethSpec, data: DataIndex, problems: SpecProblem[]): void {
  if ('projects' in c) {
    checkSectors([...path, 'sectors'], c.sectors, problems);
    const counted = locatedProjects(data).filter(
      (p) => (!c.sectors || c.sectors.includes(p.sector)) && (c.projects === 'count' || p.investment),
    );
    if (counted.length === 0) {
      problems.push({
        path: [...path, 'projects'],
        message: `no project placed in a county${c.projects === 'investment' ? ' has an investment figure' : ''}${c.sectors ? ` in sectors ${c.sectors.join(', ')}` : ''}, so the map would be empty; choose other sectors or drop the choropleth`,
      });
    }
    return;
  }
  const seenRegion = new Map<string, string>();
  let unit: string | undefined;
  c.indicators.forEach((id, i) => {
    const p = [...path, 'indicators', i];
    const ind = data.indicators.get(id);
    if (!ind) {
      problems.push({ path: p, message: unknownIdMessage('indicator', id, data.indicators.keys()) });
      return;
    }
    const region = data.regions.get(ind.scope);
    if (!region || region.code === null) {
      problems.push({
        path: p,
        message: `indicator '${id}' has scope "${ind.scope}", not a county; a choropleth needs one indicator per county (scope = a 6-digit code)`,
      });
      return;
    }
    const other = seenRegion.get(ind.scope);
    if (other)
      problems.push({ path: p, message: `indicators '${other}' and '${id}' are both about ${region.name}; give one indicator per county` });
    seenRegion.set(ind.scope, id);
    if (unit === undefined) unit = ind.unit;
    else if (ind.unit !== unit)
      problems.push({
        path: p,
        message: `indicator '${id}' is in ${ind.unit} but the others are in ${unit}; a choropleth compares one unit`,
      });
    try {
      data.getObservation(id, { period: c.period, kind: c.kind });
    } catch (e) {
      problems.push({
        path: c.period === undefined ? p : [...path, 'period'],
        message: `${(e as Error).message}; set period (and kind) on the choropleth`,
      });
    }
  });
}

function checkState(path: JsonPath, s: MapStateSpec, data: DataIndex, problems: SpecProblem[]): void {
  const cam = s.camera;
  if (typeof cam === 'string') {
    if (!(VIEWS as readonly string[]).includes(cam))
      problems.push({
        path: [...path, 'camera'],
        message: `${unknownIdMessage('view', cam, VIEWS)} (use a named view: ${VIEWS.join(', ')}; { fit: [region ids] }; or { center: [lon, lat], zoom })`,
      });
  } else if ('fit' in cam) {
    checkRegions([...path, 'camera', 'fit'], cam.fit, data, problems);
  }
  checkRegions([...path, 'highlight'], s.highlight, data, problems);
  if (s.choropleth) checkChoropleth([...path, 'choropleth'], s.choropleth, data, problems);
  (s.layers ?? []).forEach((l, i) => {
    if (!(LAYERS as readonly string[]).includes(l))
      problems.push({ path: [...path, 'layers', i], message: `${unknownIdMessage('layer', l, LAYERS)} (layers: ${LAYERS.join(', ')})` });
  });
  checkSectors([...path, 'sectors'], s.sectors, problems);
  if (s.sectors && s.projects !== 'all')
    problems.push({
      path: [...path, 'sectors'],
      message: 'sectors filters `projects: all`; with a list of projects, list only the ones you want',
    });
  if (s.projects === 'all') {
    const shown = locatedProjects(data).filter((p) => !s.sectors || s.sectors.includes(p.sector));
    if (shown.length === 0)
      problems.push({
        path: [...path, 'projects'],
        message:
          'no project in the dataset is placed in a county (region "city" has no point on the map), so `projects: all` would show nothing; remove it',
      });
    for (const p of shown) {
      const why = mapNameProblem(p);
      if (why) problems.push({ path: [...path, 'projects'], message: why });
    }
  } else {
    s.projects?.forEach((id, i) => {
      const p = data.projects.get(id);
      if (!p) problems.push({ path: [...path, 'projects', i], message: unknownIdMessage('project', id, data.projects.keys()) });
      else if (p.region === 'city')
        problems.push({
          path: [...path, 'projects', i],
          message: `project '${id}' has no place on the map (its region is "city": the articles do not name a county); remove it from this list`,
        });
      else if (mapNameProblem(p)) problems.push({ path: [...path, 'projects', i], message: mapNameProblem(p) as string });
    });
  }
}

/** Every problem of a map definition against the dataset. */
export function checkMap(spec: MapSpec, data: DataIndex): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const [name, state] of Object.entries(spec.states)) checkState(['states', name], state, data, problems);
  return problems;
}
