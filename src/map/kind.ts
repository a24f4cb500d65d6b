/** The `map` graphic kind: its frontmatter schema, dataset checks, thumbnail and places (page rendering: StoryMap.astro). */
import type { GraphicKind } from '../lib/graphic.ts';
import { VIEW } from './camera.ts';
import { checkMap, locatedProjects } from './check.ts';
import { resolveMapState } from './model.ts';
import { MapSpec, parseMapSpec } from './spec.ts';
import { mapStateSvg } from './svg.ts';

export const mapKind: GraphicKind<MapSpec> = {
  kind: 'map',
  family: 'map',
  schema: MapSpec,
  check: checkMap,
  thumbnail(spec, state, data, { file }) {
    const m = resolveMapState(parseMapSpec(spec, file), state, data);
    return { svg: mapStateSvg(m), width: VIEW.width, height: VIEW.height };
  },
  // Highlighted, zoomed to (`camera.fit`) or holding a project marker, in any state.
  places(raw, data, file) {
    const spec = parseMapSpec(raw, file);
    const found: string[] = [];
    for (const s of Object.values(spec.states)) {
      found.push(...s.highlight);
      if (typeof s.camera === 'object' && 'fit' in s.camera) found.push(...s.camera.fit);
      const projects =
        s.projects === undefined
          ? []
          : s.projects === 'all'
            ? locatedProjects(data).filter((p) => !s.sectors || s.sectors.includes(p.sector))
            : s.projects.map((id) => data.getProject(id));
      for (const p of projects) if (p.region !== 'city') found.push(p.region);
    }
    return found;
  },
};
