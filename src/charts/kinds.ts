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

export const CHART_KINDS: Record<string, ChartKind> = {
  bar: barKind,
  bignumber: bigNumberKind,
  dumbbell: dumbbellKind,
  funnel: funnelKind,
  line: lineKind,
  share: shareKind,
};

/** The chart kind of a graphic kind name, if it is one. */
export function chartKind(kind: string): ChartKind | undefined {
  return Object.hasOwn(CHART_KINDS, kind) ? CHART_KINDS[kind] : undefined;
}
