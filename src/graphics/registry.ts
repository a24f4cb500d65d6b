/**
 * The graphic kinds a chapter may use. Each kind module owns its schema, its dataset checks and its
 * renderer; this file only lists them. Add a kind here and in `Graphic.astro`.
 */
import type { DataIndex } from '../lib/data/index.ts';
import type { GraphicKind, GraphicSpecBase, SpecProblem } from './types.ts';
import { CHART_KINDS } from '../charts/kinds.ts';
import { mapKind } from '../map/kind.ts';

export const GRAPHIC_KINDS: Record<string, GraphicKind<any>> = { ...CHART_KINDS, map: mapKind };

/** Names of the known kinds, for messages and editor tooling. */
export function kindNames(): string[] {
  return Object.keys(GRAPHIC_KINDS).sort();
}

/** Validate one graphic definition: known kind, shape, dataset references. Every problem, with paths. */
export function checkGraphic(spec: unknown, data: DataIndex): { spec: GraphicSpecBase | null; problems: SpecProblem[] } {
  const kind = (spec as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !(kind in GRAPHIC_KINDS)) {
    return {
      spec: null,
      problems: [{ path: ['kind'], message: `unknown graphic kind ${JSON.stringify(kind)}; use one of: ${kindNames().join(', ')}` }],
    };
  }
  const k = GRAPHIC_KINDS[kind] as GraphicKind<GraphicSpecBase>;
  const parsed = k.schema.safeParse(spec);
  if (!parsed.success) {
    return {
      spec: null,
      problems: parsed.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      })),
    };
  }
  return { spec: parsed.data, problems: k.check(parsed.data, data) };
}

/**
 * The browser family of a kind: the key of its enhancer in `ENHANCERS` (`client.ts`). The map has its
 * own; every other kind is a chart.
 */
export function familyOf(kind: string): 'chart' | 'map' {
  return kind === 'map' ? 'map' : 'chart';
}
