/**
 * Every chart kind, by name. `src/graphics/registry.ts` adds them to the graphic kinds and
 * `Chart.astro` renders them.
 */
import type { ChartKind } from './kind.ts';
import { barKind } from './bar/index.ts';
import { bigNumberKind } from './bignumber/index.ts';
import { dumbbellKind } from './dumbbell/index.ts';
import { funnelKind } from './funnel/index.ts';
import { lineKind } from './line/index.ts';
import { shareKind } from './share/index.ts';

/** The chart kinds, in one list (each keeps its own spec type: the frontmatter schema is their union). */
export const CHART_KIND_LIST = [barKind, bigNumberKind, dumbbellKind, funnelKind, lineKind, shareKind] as const;

export const CHART_KINDS: Record<string, ChartKind> = Object.fromEntries(CHART_KIND_LIST.map((k) => [k.kind, k]));

/** The chart kind of a graphic kind name, if it is one. */
export function chartKind(kind: string): ChartKind | undefined {
  return Object.hasOwn(CHART_KINDS, kind) ? CHART_KINDS[kind] : undefined;
}
