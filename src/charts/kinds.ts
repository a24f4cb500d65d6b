/**
 * Every chart kind, by name. `src/graphics/registry.ts` adds them to the graphic kinds and
 * `Chart.astro` renders them.
 */
import type { ChartKind } from './kind.ts';
import { bigNumberKind } from './bignumber/index.ts';
import { lineKind } from './line/index.ts';

export const CHART_KINDS: Record<string, ChartKind> = {
  bignumber: bigNumberKind,
  line: lineKind,
};

/** The chart kind of a graphic kind name, if it is one. */
export function chartKind(kind: string): ChartKind | undefined {
  return Object.hasOwn(CHART_KINDS, kind) ? CHART_KINDS[kind] : undefined;
}
