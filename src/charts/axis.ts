/**
 * Value axes shared by the kinds: a linear scale that always includes zero (lengths and positions
 * are then honest), nice ticks that fit their labels, gridlines, and the zero line drawn in ink when
 * values fall on both sides of it.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { formatNumber, scaleUnit } from '../lib/data/format.ts';
import type { Layout } from './layout.ts';
import { PALETTE } from './palette.ts';
import type { Mark } from './scene.ts';
import { middle } from './labels.ts';
import { textWidth } from './text.ts';

/** The unit ticks are written in: 15800人 → ticks in 万人 (factor 10000). */
export interface DisplayUnit {
  factor: number;
  unit: string;
}

/** Display unit for a set of values, chosen by the largest magnitude. */
export function displayUnit(values: number[], unit: string): DisplayUnit {
  const max = Math.max(0, ...values.map(Math.abs));
  const scaled = scaleUnit(max, unit);
  return { factor: max === 0 ? 1 : max / scaled.value, unit: scaled.unit };
}

export interface ValueAxis {
  scale: ScaleLinear<number, number>;
  ticks: number[];
}

/**
 * A linear scale over `values` and zero onto `range`, with about `count` ticks; fewer when their
 * labels (at `size`) would not fit along a horizontal axis of that length.
 */
export function valueAxis(
  values: number[],
  range: [number, number],
  count: number,
  unit: DisplayUnit,
  horizontalLabels?: { size: number },
): ValueAxis {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  for (let n = count; n >= 2; n--) {
    const scale = scaleLinear()
      .domain([lo, hi === lo ? 1 : hi])
      .range(range)
      .nice(n);
    const ticks = scale.ticks(n);
    if (!horizontalLabels) return { scale, ticks };
    const step = Math.abs(scale(ticks[1] ?? 0) - scale(ticks[0] ?? 0));
    const widest = Math.max(...ticks.map((t) => textWidth(tickLabel(t, unit), horizontalLabels.size)));
    if (ticks.length < 2 || widest + 8 <= step) return { scale, ticks };
  }
  const scale = scaleLinear()
    .domain([lo, hi === lo ? 1 : hi])
    .range(range);
  return { scale, ticks: scale.domain() };
}

/** A tick's label in the display unit: 2000 (亿元), −2 (%). */
export function tickLabel(t: number, unit: DisplayUnit): string {
  return formatNumber(t / unit.factor, { maxDecimals: 2 });
}

/** Horizontal gridlines with labels at the left, for a vertical value axis. */
export function horizontalGrid(axis: ValueAxis, x0: number, x1: number, layout: Layout, unit: DisplayUnit): Mark[] {
  return axis.ticks.flatMap((t): Mark[] => {
    const y = axis.scale(t);
    return [
      { type: 'line', key: `grid-${t}`, x1: x0, y1: y, x2: x1, y2: y, stroke: t === 0 ? PALETTE.ink : PALETTE.grid, strokeWidth: 1 },
      {
        type: 'text',
        key: `tick-${t}`,
        x: x0 - layout.pad,
        y: y + middle(layout.small),
        text: tickLabel(t, unit),
        size: layout.small,
        fill: PALETTE.muted,
        anchor: 'end',
      },
    ];
  });
}

/** Vertical gridlines with labels on top, for a horizontal value axis. */
export function verticalGrid(axis: ValueAxis, y0: number, y1: number, layout: Layout, unit: DisplayUnit): Mark[] {
  return axis.ticks.flatMap((t): Mark[] => {
    const x = axis.scale(t);
    return [
      { type: 'line', key: `grid-${t}`, x1: x, y1: y0, x2: x, y2: y1, stroke: t === 0 ? PALETTE.ink : PALETTE.grid, strokeWidth: 1 },
      {
        type: 'text',
        key: `tick-${t}`,
        x,
        y: y0 - layout.pad,
        text: tickLabel(t, unit),
        size: layout.small,
        fill: PALETTE.muted,
        anchor: 'middle',
      },
    ];
  });
}

/** Width needed by the widest tick label of a vertical axis. */
export function tickLabelWidth(axis: ValueAxis, layout: Layout, unit: DisplayUnit): number {
  return Math.max(...axis.ticks.map((t) => textWidth(tickLabel(t, unit), layout.small)));
}

/** The unit line of the values a chart plots: the display unit of them all, and the first basis given. */
export function unitLineOf(data: readonly { value: number; unit: string; basis?: string | undefined }[]): string {
  return unitLine(
    displayUnit(
      data.map((d) => d.value),
      data[0]?.unit ?? '',
    ),
    data.find((d) => d.basis)?.basis,
  );
}

/** "单位：亿元"; for rates also the basis, e.g. "单位：%（同比）". */
export function unitLine(unit: DisplayUnit, basis?: string): string {
  const bases: Record<string, string> = { yoy: '同比', 'annual-avg': '年均' };
  const b = basis ? bases[basis] : undefined;
  return `单位：${unit.unit}${b ? `（${b}）` : ''}`;
}
