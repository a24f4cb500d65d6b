/** The `map` graphic kind: its frontmatter schema and dataset checks (rendering: StoryMap.astro). */
import type { GraphicKind } from '../graphics/types.ts';
import { checkMap } from './check.ts';
import { MapSpec } from './spec.ts';

export const mapKind: GraphicKind<MapSpec> = {
  kind: 'map',
  schema: MapSpec,
  check: checkMap,
};
