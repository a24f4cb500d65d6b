/** The `map` graphic kind: its frontmatter schema, dataset checks and thumbnail (page rendering: StoryMap.astro). */
import type { GraphicKind } from '../lib/graphic.ts';
import { VIEW } from './camera.ts';
import { checkMap } from './check.ts';
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
};
