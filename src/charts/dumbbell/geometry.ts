/**
 * Dumbbell geometry, pure: one row per comparison, the result as a filled dot, the target as a
 * hollow one (drawn in the target colour and labelled "目标"), joined by a line when both show. One
 * value axis for all states, gridlines labelled at the top.
 *
 * Where the values go:
 * - compact (phones): the row's label (starting just right of the axis start, so it never runs into
 *   the zero line) and its values share a line above the dots (values at the right end), so the dots
 *   get the whole width and values of close dots never crowd each other;
 * - regular: labels in a column at the left; values beside their dots, outward (the larger value's to
 *   the right). A smaller value's label that would cross the start of the axis goes to the right too,
 *   after the larger one's. The scale is the largest at which every label of every possible state fits.
 *
 * Highlighted rows keep the colours of the legend (blue result, orange target): they are marked by a
 * larger dot with an ink ring and bold type, while the other rows step back.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { displayUnit, tickLabel, type DisplayUnit } from '../axis.ts';
import { middle } from '../labels.ts';
import type { Layout } from '../layout.ts';
import { PALETTE } from '../palette.ts';
import type { Mark, Scene } from '../scene.ts';
import { ASCENT, DESCENT, textWidth } from '../text.ts';
import type { DumbbellModel, DumbbellRow } from './spec.ts';

export interface DumbbellView {
  show: ('result' | 'target')[];
  shown: string[];
  highlight: string[];
}

const line = (size: number) => (ASCENT + DESCENT) * size;

/** "实际（2024年）" when every row's results share a period, else "实际". */
export function legendLabel(word: string, periods: string[]): string {
  const unique = [...new Set(periods)];
  return unique.length === 1 && unique[0] ? `${word}（${unique[0]}）` : word;
}

const targetText = (t: string) => `目标${t}`;

/** Opacity of the marks of rows that are not highlighted while others are. */
const BACKGROUND_ROW = 0.45;

interface Fitted {
  scale: ScaleLinear<number, number>;
  /** Rows whose smaller value is labelled right of the larger one (regular layout, both ends shown). */
  stacked: Set<string>;
}

/**
 * The largest scale over [lo, hi] that starts at `start` and keeps every value label (each end alone,
 * or both ends) inside `end`; rows whose left label would cross the axis start get `stacked`.
 */
function fitScale(
  rows: DumbbellRow[],
  lo: number,
  hi: number,
  start: number,
  end: number,
  sideLabels: { gap: number; size: number } | null,
  tickRoom: number,
): Fitted {
  const stacked = new Set<string>();
  const span = hi - lo || 1;
  const wr = (row: DumbbellRow) => textWidth(row.result.text, sideLabels?.size ?? 0, 700);
  const wt = (row: DumbbellRow) => textWidth(targetText(row.target.text), sideLabels?.size ?? 0);
  for (let round = 0; round <= rows.length; round++) {
    // Upper bounds on the scale factor k from the right edge.
    let k = (end - tickRoom - start) / span;
    if (sideLabels) {
      const { gap } = sideLabels;
      for (const row of rows) {
        const [a, b] = [row.result.value, row.target.value];
        k = Math.min(k, (end - start - gap - wr(row)) / Math.max(a - lo, 1e-9), (end - start - gap - wt(row)) / Math.max(b - lo, 1e-9));
        if (stacked.has(row.id)) {
          const [big, small] = a >= b ? [wr(row), wt(row)] : [wt(row), wr(row)];
          k = Math.min(k, (end - start - 2 * gap - big - small) / Math.max(Math.max(a, b) - lo, 1e-9));
        }
      }
    }
    // Rows whose smaller value's label, put left of its dot, would cross the start of the axis.
    const crossing = sideLabels
      ? rows.filter((row) => {
          if (stacked.has(row.id)) return false;
          const [a, b] = [row.result.value, row.target.value];
          const small = a < b ? wr(row) : wt(row);
          return k * (Math.min(a, b) - lo) - sideLabels.gap - small < 2;
        })
      : [];
    if (crossing.length === 0)
      return {
        scale: scaleLinear()
          .domain([lo, hi === lo ? lo + 1 : hi])
          .range([start, start + k * span]),
        stacked,
      };
    for (const row of crossing) stacked.add(row.id);
  }
  throw new Error('dumbbell: no scale fits');
}

/** Ticks of a scale whose centred labels (at `size`) keep 8 units apart. */
function ticksFor(scale: ScaleLinear<number, number>, unit: DisplayUnit, size: number): number[] {
  for (let n = 5; n >= 2; n--) {
    const ticks = scale.ticks(n);
    const step = ticks.length > 1 ? Math.abs(scale(ticks[1] as number) - scale(ticks[0] as number)) : Infinity;
    if (Math.max(...ticks.map((t) => textWidth(tickLabel(t, unit), size))) + 8 <= step) return ticks;
  }
  return scale.domain();
}

export function dumbbellGeometry(model: DumbbellModel, view: DumbbellView, layout: Layout): Scene {
  const width = layout.width;
  const compact = layout.name === 'compact';
  const r = layout.point + 1.5;
  const size = layout.label;
  const labelColumn = compact
    ? 0
    : Math.min(width * 0.3, Math.max(...model.rows.map((row) => textWidth(row.label, size, 700))) + 2 * layout.pad);

  // Legend, then the tick labels, then the rows.
  const legendY = ASCENT * layout.small;
  const resultLegend = legendLabel(
    '实际',
    model.rows.map((row) => row.result.periodLabel),
  );
  const targetLegend = legendLabel(
    '目标',
    model.rows.map((row) => row.target.periodLabel),
  );
  const targetLegendX = 12 + textWidth(resultLegend, layout.small) + 4 * layout.pad;
  const marks: Mark[] = [
    { type: 'circle', key: 'legend-result', cx: 5, cy: legendY - 0.35 * layout.small, r: 4.5, fill: PALETTE.actual },
    {
      type: 'text',
      key: 'legend-result-text',
      x: 13,
      y: legendY,
      text: resultLegend,
      size: layout.small,
      fill: PALETTE.ink,
      anchor: 'start',
    },
    {
      type: 'circle',
      key: 'legend-target',
      cx: targetLegendX + 5,
      cy: legendY - 0.35 * layout.small,
      r: 4,
      fill: PALETTE.bg,
      stroke: PALETTE.target,
      strokeWidth: 2,
    },
    {
      type: 'text',
      key: 'legend-target-text',
      x: targetLegendX + 13,
      y: legendY,
      text: targetLegend,
      size: layout.small,
      fill: PALETTE.ink,
      anchor: 'start',
    },
  ];
  const ticksY = line(layout.small) + layout.pad + ASCENT * layout.small;
  const top = ticksY + DESCENT * layout.small + layout.pad;
  const dotRow = Math.max(line(size), 2 * (r + 1.5));
  const rowHeight = (compact ? line(size) : 0) + dotRow + layout.pad * (compact ? 0.8 : 2);
  const height = Math.round(top + model.rows.length * rowHeight + layout.pad);

  const values = model.rows.flatMap((row) => [row.result.value, row.target.value]);
  const unit = displayUnit(values, model.rows[0]?.result.unit ?? '');
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  // Room for the centred tick labels at both ends of the axis (the widest a tick could be).
  const tickRoom = Math.max(textWidth(tickLabel(lo, unit), layout.small), textWidth(tickLabel(hi, unit), layout.small)) / 2 + 1;
  const start = labelColumn + Math.max(tickRoom, r + 1.5);
  const { scale, stacked } = fitScale(
    model.rows,
    lo,
    hi,
    start,
    width - 1,
    compact ? null : { gap: r + 1.5 + layout.pad / 2, size },
    compact ? Math.max(tickRoom, r + 1.5) : 0,
  );
  for (const t of ticksFor(scale, unit, layout.small)) {
    const x = scale(t);
    marks.push(
      {
        type: 'line',
        key: `grid-${t}`,
        x1: x,
        y1: top - layout.pad,
        x2: x,
        y2: height - layout.pad,
        stroke: t === 0 && lo < 0 ? PALETTE.ink : PALETTE.grid,
        strokeWidth: 1,
      },
      { type: 'text', key: `tick-${t}`, x, y: ticksY, text: tickLabel(t, unit), size: layout.small, fill: PALETTE.muted, anchor: 'middle' },
    );
  }

  const anyHot = view.highlight.length > 0;
  const both = view.show.includes('result') && view.show.includes('target');
  model.rows.forEach((row, i) => {
    if (!view.shown.includes(row.id)) return;
    const y = top + i * rowHeight;
    const labelY = y + layout.pad * 0.4 + ASCENT * size;
    const cy = compact ? y + layout.pad * 0.4 + line(size) + dotRow / 2 : y + layout.pad + dotRow / 2;
    const hot = view.highlight.includes(row.id);
    const back = anyHot && !hot ? BACKGROUND_ROW : undefined;
    const dotR = hot ? r + 1.5 : r;
    marks.push(
      compact
        ? {
            type: 'text',
            key: `label-${row.id}`,
            x: scale(lo) + layout.pad / 2,
            y: labelY,
            text: row.label,
            size,
            weight: hot ? 700 : 400,
            fill: PALETTE.ink,
            anchor: 'start',
            halo: true,
          }
        : {
            type: 'text',
            key: `label-${row.id}`,
            x: labelColumn - layout.pad,
            y: cy + middle(size),
            text: row.label,
            size,
            weight: hot ? 700 : 400,
            fill: PALETTE.ink,
            anchor: 'end',
          },
    );
    const [xr, xt] = [scale(row.result.value), scale(row.target.value)];
    if (both)
      marks.push({
        type: 'line',
        key: `link-${row.id}`,
        x1: xr,
        y1: cy,
        x2: xt,
        y2: cy,
        stroke: PALETTE.axis,
        strokeWidth: 2,
        ...(back ? { opacity: back } : {}),
      });

    const resultText = row.result.text;
    const goal = targetText(row.target.text);
    const weight = anyHot && !hot ? 400 : 700;
    const resultFill = anyHot && !hot ? PALETTE.muted : PALETTE.ink;
    // Value positions: [x, anchor] of the result and the target label.
    let resultAt: [number, 'start' | 'end'];
    let targetAt: [number, 'start' | 'end'];
    if (compact) {
      // Right end of the label line: "8.6%  目标8%".
      targetAt = [width, 'end'];
      resultAt = view.show.includes('target') ? [width - textWidth(goal, size) - 2 * layout.pad, 'end'] : [width, 'end'];
    } else {
      const gap = r + 1.5 + layout.pad / 2;
      const resultRight = !both || row.result.value >= row.target.value;
      if (!both) {
        resultAt = [xr + gap, 'start'];
        targetAt = [xt + gap, 'start'];
      } else if (stacked.has(row.id)) {
        // Both labels right of the dots, the larger value's first.
        const big = Math.max(xr, xt) + gap;
        if (resultRight) {
          resultAt = [big, 'start'];
          targetAt = [big + textWidth(resultText, size, weight) + layout.pad, 'start'];
        } else {
          targetAt = [big, 'start'];
          resultAt = [big + textWidth(goal, size) + layout.pad, 'start'];
        }
      } else {
        resultAt = resultRight ? [xr + gap, 'start'] : [xr - gap, 'end'];
        targetAt = resultRight ? [xt - gap, 'end'] : [xt + gap, 'start'];
      }
    }
    const valueY = compact ? labelY : cy + middle(size);
    if (view.show.includes('target')) {
      marks.push({
        type: 'circle',
        key: `target-${row.id}`,
        cx: xt,
        cy,
        r: dotR,
        fill: PALETTE.bg,
        stroke: PALETTE.target,
        strokeWidth: 2,
        ...(back ? { opacity: back } : {}),
      });
      marks.push({
        type: 'text',
        key: `target-value-${row.id}`,
        x: targetAt[0],
        y: valueY,
        text: goal,
        size,
        fill: PALETTE.target,
        anchor: targetAt[1],
        halo: true,
      });
    }
    if (view.show.includes('result')) {
      marks.push({
        type: 'circle',
        key: `result-${row.id}`,
        cx: xr,
        cy,
        r: dotR,
        fill: PALETTE.actual,
        stroke: hot ? PALETTE.ink : PALETTE.bg,
        strokeWidth: hot ? 2 : 1.5,
        ...(back ? { opacity: back } : {}),
      });
      marks.push({
        type: 'text',
        key: `result-value-${row.id}`,
        x: resultAt[0],
        y: valueY,
        text: resultText,
        size,
        weight,
        fill: resultFill,
        anchor: resultAt[1],
        halo: true,
      });
    }
  });
  return { width, height, marks };
}
