/**
 * Share geometry, pure: a stacked bar whose segments are the parts' fractions of the whole, or a
 * waffle of a hundred squares (largest-remainder rounding, so the squares always add up to 100).
 * A legend names every part with its value from the dataset; the rest is named, never numbered.
 */
import type { Layout } from '../layout.ts';
import { CATEGORICAL, PALETTE } from '../palette.ts';
import type { Mark, Scene } from '../scene.ts';
import { ASCENT, DESCENT } from '../text.ts';
import { partFraction, type ShareModel } from './spec.ts';

export interface ShareView {
  shown: string[];
  highlight: string[];
}

const line = (size: number) => (ASCENT + DESCENT) * size;

/** Squares per part out of 100 (the last entry is the rest), by the largest-remainder method. */
export function waffleCounts(fractions: number[]): number[] {
  const rest = Math.max(0, 1 - fractions.reduce((s, f) => s + f, 0));
  const all = [...fractions, rest].map((f) => f * 100);
  const counts = all.map(Math.floor);
  const order = all.map((v, i) => ({ i, r: v - Math.floor(v) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < 100; k++) counts[(order[k % order.length] as { i: number }).i]! += 1;
  return counts;
}

/** The colour of part `i` in a view. */
function partFill(model: ShareModel, view: ShareView, i: number): string {
  const part = model.parts[i];
  if (!part || !view.shown.includes(part.id)) return PALETTE.rest;
  if (view.highlight.length === 0) return CATEGORICAL[i] as string;
  return view.highlight.includes(part.id) ? PALETTE.highlight : PALETTE.context;
}

/** Legend entries (parts, then the rest) from `(x, y)` downwards. */
function legend(model: ShareModel, view: ShareView, layout: Layout, x: number, y: number): Mark[] {
  const step = line(layout.label) + layout.pad / 2;
  const marks: Mark[] = [];
  const entry = (key: string, row: number, fill: string, text: string, bold: boolean) => {
    const baseline = y + row * step + ASCENT * layout.label;
    marks.push({
      type: 'rect',
      key: `legend-swatch-${key}`,
      x,
      y: baseline - 0.8 * layout.label,
      width: 11,
      height: 11,
      fill,
      ...(fill === PALETTE.rest ? { stroke: PALETTE.axis, strokeWidth: 1 } : {}),
    });
    marks.push({
      type: 'text',
      key: `legend-${key}`,
      x: x + 17,
      y: baseline,
      text,
      size: layout.label,
      weight: bold ? 700 : 400,
      fill: PALETTE.ink,
      anchor: 'start',
    });
  };
  // Shown parts close up, the rest follows them: the legend never has holes.
  let row = 0;
  model.parts.forEach((p, i) => {
    if (!view.shown.includes(p.id)) return;
    entry(
      p.id,
      row++,
      partFill(model, view, i),
      `${p.label} ${p.value.text}${p.share ? `（占${p.share.text}）` : ''}`,
      view.highlight.includes(p.id),
    );
  });
  entry('rest', row, PALETTE.rest, model.rest, false);
  return marks;
}

/** Height of the legend: one line per part and one for the rest. */
function legendHeight(model: ShareModel, layout: Layout): number {
  return (model.parts.length + 1) * (line(layout.label) + layout.pad / 2);
}

/**
 * The line naming the whole above the chart: "规上工业总产值 1698亿元"; without a whole, its label and
 * "＝百分之百" ("地区生产总值＝百分之百") — or nothing when there is no label either.
 */
function wholeLabel(model: ShareModel, layout: Layout, x: number): Mark[] {
  const text = model.whole ? `${model.wholeLabel} ${model.whole.text}` : model.wholeLabel ? `${model.wholeLabel}（整体）` : '';
  return text
    ? [{ type: 'text', key: 'whole', x, y: ASCENT * layout.label, text, size: layout.label, fill: PALETTE.ink, anchor: 'start' }]
    : [];
}

/** Top of the drawing: under the whole's line, when there is one. */
function headTop(model: ShareModel, layout: Layout): number {
  return model.whole || model.wholeLabel ? line(layout.label) + layout.pad : 0;
}

function barGeometry(model: ShareModel, view: ShareView, layout: Layout): Scene {
  const width = layout.width;
  const barTop = headTop(model, layout);
  const barHeight = layout.bar * 2;
  const marks: Mark[] = [
    ...wholeLabel(model, layout, 0),
    { type: 'rect', key: 'whole-bar', x: 0, y: barTop, width, height: barHeight, fill: PALETTE.rest, stroke: PALETTE.axis, strokeWidth: 1 },
  ];
  let x = 0;
  model.parts.forEach((p, i) => {
    const w = partFraction(model, p) * width;
    if (view.shown.includes(p.id)) {
      marks.push({
        type: 'rect',
        key: `segment-${p.id}`,
        x,
        y: barTop,
        width: w,
        height: barHeight,
        fill: partFill(model, view, i),
        stroke: PALETTE.bg,
        strokeWidth: 1.5,
      });
    }
    x += w;
  });
  const legendTop = barTop + barHeight + layout.pad * 2;
  marks.push(...legend(model, view, layout, 0, legendTop));
  return { width, height: Math.round(legendTop + legendHeight(model, layout)), marks };
}

function waffleGeometry(model: ShareModel, view: ShareView, layout: Layout): Scene {
  const width = layout.width;
  const side = layout.name === 'compact' ? 15 : 24;
  const gap = 2;
  const gridTop = headTop(model, layout);
  const grid = 10 * side - gap;
  const counts = waffleCounts(model.parts.map((p) => partFraction(model, p)));
  const owner: number[] = counts.flatMap((c, i) => Array<number>(c).fill(i));
  const marks: Mark[] = [...wholeLabel(model, layout, 0)];
  owner.forEach((i, k) => {
    const fill = i < model.parts.length ? partFill(model, view, i) : PALETTE.rest;
    marks.push({
      type: 'rect',
      key: `cell-${k}`,
      x: (k % 10) * side,
      y: gridTop + Math.floor(k / 10) * side,
      width: side - gap,
      height: side - gap,
      fill,
    });
  });
  // Compact: legend under the grid; regular: beside it.
  const beside = layout.name === 'regular';
  const legendX = beside ? grid + 4 * layout.pad : 0;
  const legendTop = beside ? gridTop : gridTop + grid + layout.pad * 2;
  marks.push(...legend(model, view, layout, legendX, legendTop));
  // The note sits at the grid's foot beside it (regular) or under the legend (compact).
  const note = model.wholeLabel ? `每格代表${model.wholeLabel}的百分之一` : '每格代表百分之一';
  const noteY = beside ? gridTop + grid - DESCENT * layout.small : legendTop + legendHeight(model, layout) + ASCENT * layout.small;
  marks.push({ type: 'text', key: 'note', x: legendX, y: noteY, text: note, size: layout.small, fill: PALETTE.muted, anchor: 'start' });
  const height = beside ? gridTop + grid + layout.pad : noteY + DESCENT * layout.small + layout.pad;
  return { width, height: Math.round(height), marks };
}

export function shareGeometry(model: ShareModel, view: ShareView, layout: Layout): Scene {
  return model.display === 'waffle' ? waffleGeometry(model, view, layout) : barGeometry(model, view, layout);
}
