/**
 * Dumbbell geometry, pure: one row per comparison, the result as a filled dot, the target as a
 * hollow one (drawn in the target colour and labelled "目标"), joined by a line when both show.
 * Labels go outward (the larger value's to the right), so the two never collide. One value axis for
 * all states, gridlines labelled at the top.
 */
import { displayUnit, valueAxis, verticalGrid } from '../axis.ts';
import { middle } from '../labels.ts';
import type { Layout } from '../layout.ts';
import { PALETTE } from '../palette.ts';
import type { Mark, Scene } from '../scene.ts';
import { ASCENT, DESCENT, textWidth } from '../text.ts';
import type { DumbbellModel } from './spec.ts';

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

export function dumbbellGeometry(model: DumbbellModel, view: DumbbellView, layout: Layout): Scene {
  const width = layout.width;
  const above = layout.name === 'compact';
  const r = layout.point + 1.5;
  const size = layout.label;
  const targetText = (t: string) => `目标${t}`;
  const room = Math.max(...model.rows.flatMap((row) => [textWidth(row.result.text, size, 700), textWidth(targetText(row.target.text), size, 700)])) + r + layout.pad;
  const labelColumn = above ? 0 : Math.min(width * 0.3, Math.max(...model.rows.map((row) => textWidth(row.label, size, 700))) + 2 * layout.pad);

  // Legend, then the tick labels, then the rows.
  const legendY = ASCENT * layout.small;
  const resultLegend = legendLabel('实际', model.rows.map((row) => row.result.periodLabel));
  const targetLegend = legendLabel('目标', model.rows.map((row) => row.target.periodLabel));
  const targetLegendX = 12 + textWidth(resultLegend, layout.small) + 4 * layout.pad;
  const marks: Mark[] = [
    { type: 'circle', key: 'legend-result', cx: 5, cy: legendY - 0.35 * layout.small, r: 4.5, fill: PALETTE.actual },
    { type: 'text', key: 'legend-result-text', x: 13, y: legendY, text: resultLegend, size: layout.small, fill: PALETTE.ink, anchor: 'start' },
    { type: 'circle', key: 'legend-target', cx: targetLegendX + 5, cy: legendY - 0.35 * layout.small, r: 4, fill: PALETTE.bg, stroke: PALETTE.target, strokeWidth: 2 },
    { type: 'text', key: 'legend-target-text', x: targetLegendX + 13, y: legendY, text: targetLegend, size: layout.small, fill: PALETTE.ink, anchor: 'start' },
  ];
  const ticksY = line(layout.small) + layout.pad + ASCENT * layout.small;
  const top = ticksY + DESCENT * layout.small + layout.pad;
  const rowHeight = (above ? line(size) : 0) + Math.max(line(size), 2 * r) + layout.pad * (above ? 0.6 : 2);
  const height = Math.round(top + model.rows.length * rowHeight + layout.pad);

  const values = model.rows.flatMap((row) => [row.result.value, row.target.value]);
  const unit = displayUnit(values, model.rows[0]?.result.unit ?? '');
  const axis = valueAxis(values, [labelColumn + room, width - room], 5, unit, { size: layout.small });
  marks.push(...verticalGrid(axis, top - layout.pad, height - layout.pad, layout, unit).map((m) => (m.type === 'text' ? { ...m, y: ticksY } : m)));

  model.rows.forEach((row, i) => {
    if (!view.shown.includes(row.id)) return;
    const y = top + i * rowHeight;
    const cy = y + layout.pad * (above ? 0.3 : 1) + (above ? line(size) : 0) + Math.max(line(size), 2 * r) / 2;
    const hot = view.highlight.includes(row.id);
    marks.push(
      above
        ? { type: 'text', key: `label-${row.id}`, x: 0, y: y + layout.pad * 0.3 + ASCENT * size, text: row.label, size, weight: hot ? 700 : 400, fill: PALETTE.ink, anchor: 'start', halo: true }
        : { type: 'text', key: `label-${row.id}`, x: labelColumn - layout.pad, y: cy + middle(size), text: row.label, size, weight: hot ? 700 : 400, fill: PALETTE.ink, anchor: 'end' },
    );
    const [xr, xt] = [axis.scale(row.result.value), axis.scale(row.target.value)];
    const both = view.show.includes('result') && view.show.includes('target');
    if (both) marks.push({ type: 'line', key: `link-${row.id}`, x1: xr, y1: cy, x2: xt, y2: cy, stroke: PALETTE.axis, strokeWidth: 2 });
    const resultRight = !both || row.result.value >= row.target.value;
    if (view.show.includes('target')) {
      const right = !both || !resultRight;
      marks.push({ type: 'circle', key: `target-${row.id}`, cx: xt, cy, r, fill: PALETTE.bg, stroke: PALETTE.target, strokeWidth: 2 });
      marks.push({ type: 'text', key: `target-value-${row.id}`, x: right ? xt + r + layout.pad / 2 : xt - r - layout.pad / 2, y: cy + middle(size), text: targetText(row.target.text), size, fill: PALETTE.target, anchor: right ? 'start' : 'end' });
    }
    if (view.show.includes('result')) {
      marks.push({ type: 'circle', key: `result-${row.id}`, cx: xr, cy, r, fill: hot ? PALETTE.highlight : PALETTE.actual, stroke: PALETTE.bg, strokeWidth: 1.5 });
      marks.push({ type: 'text', key: `result-value-${row.id}`, x: resultRight ? xr + r + layout.pad / 2 : xr - r - layout.pad / 2, y: cy + middle(size), text: row.result.text, size, weight: 700, fill: hot ? PALETTE.highlight : PALETTE.ink, anchor: resultRight ? 'start' : 'end' });
    }
  });
  return { width, height, marks };
}
