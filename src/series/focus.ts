/**
 * Where a story looks: the regions its graphics point at (each kind says which: a map's highlighted,
 * zoomed-to and project-holding regions), in dataset order. Derived from the chapters' own definitions, so
 * the front page places a story where its maps do. A story without a map that names a place
 * returns an empty list (it reads the city as a whole). Pure.
 */
import type { DataIndex } from '../lib/data/index.ts';
import type { GraphicRef } from '../lib/graphic.ts';
import { graphicKind } from '../graphics/registry.ts';

export function storyFocus(graphics: Iterable<GraphicRef>, data: DataIndex): string[] {
  const found = new Set<string>();
  for (const g of graphics) {
    for (const id of graphicKind(g.spec.kind).places?.(g.spec, data, g.file) ?? []) found.add(id);
  }
  for (const id of found) data.getRegion(id); // unknown ids fail here with the dataset's message
  return data.dataset.regions.map((r) => r.id).filter((id) => found.has(id));
}

/**
 * For each county-level division, the stories (by index into `focus`) that look at it. The zone's
 * stories count towards the county that contains it, since the map draws the zone as a point there.
 */
export function storiesByCounty(focus: string[][], data: DataIndex): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of data.dataset.regions) if (r.code) out.set(r.code, []);
  focus.forEach((regions, i) => {
    const counties = new Set(regions.map((id) => data.getRegion(id)).map((r) => r.code ?? r.within ?? r.id));
    for (const c of counties) out.get(c)?.push(i);
  });
  return out;
}
