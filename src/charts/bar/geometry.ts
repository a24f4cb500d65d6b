/**
 * Horizontal bar geometry, pure. Bars start at zero (lengths are honest; negative values extend
 * left of the zero line) on one scale for every state: hidden rows keep their place and the scale
 * leaves room for the widest value label. Values are labelled directly at the bar ends, so no axis is
 * needed. Row labels sit in a column left of the bars when they are short enough, else above their bars.
 *
 * An annotation ("一期还是全部？") is printed before its row's value when it fits there at a scale
 * close to the one the values alone allow; otherwise the row labels go above the bars and the
 * annotation follows the row label on that line. Either way no state gives up bar length for a note
 * that only another state shows.
 */
import { scaleLinear } from 'd3-scale';
import { middle } from '../labels.ts';
import type { Layout } from '../layout.ts';
import { CATEGORICAL, PALETTE } from '../palette.ts';
import type { Mark, Scene } from '../scene.ts';
import { ASCENT, DESCENT, joinWords, textWidth } from '../text.ts';
import type { Datum } from '../data.ts';
import type { BarModel } from './spec.ts';

export interface BarView {
  shown: string[];
  highlight: string[];
  annotate: { row: string; text: string }[];
}

/** Row labels go in a column when the widest takes at most this share of the chart's width. */
const COLUMN_SHARE = 0.42;

/** Height of a line of text (its font box). */
const line = (size: number) => (ASCENT + DESCENT) * size;

/** The value label of a bar: "最大 231亿元" with an annotation. */
function valueText(d: Datum, note: string | undefined): string {
  return note ? joinWords([note, d.text]) : d.text;
}

/** A scale that may shrink to fit the notes inline keeps at least this share of the values-only scale. */
const INLINE_NOTE_SCALE = 0.8;

export function barGeometry(model: BarModel, view: BarView, layout: Layout): Scene {
  const width = layout.width;
  const grouped = model.series.length > 0;
  const column = Math.max(...model.rows.map((r) => textWidth(r.label, layout.label, 700))) + 2 * layout.pad;
  const valueSize = grouped ? layout.small : layout.label;
  const thick = grouped ? Math.round(layout.bar * 0.8) : layout.bar;
  const all = model.rows.flatMap((r) => r.data);
  const valueRoom = Math.max(...all.map((d) => textWidth(d.text, valueSize, 700))) + layout.pad;
  const negative = all.some((d) => d.value < 0);
  const lo = Math.min(0, ...all.map((d) => d.value));
  const hi = Math.max(0, ...all.map((d) => d.value));
  const span = hi - lo || 1;

  /** Scale factor (units per value) with row labels in a column of `labelColumn`, values only. */
  const valuesScale = (labelColumn: number) => (width - valueRoom - labelColumn - (negative ? valueRoom : 0)) / span;
  /** The largest scale factor at which every annotated row's "note value" fits after its bar. */
  const notesScale = (labelColumn: number) =>
    Math.min(
      Infinity,
      ...model.notes.flatMap((n) => {
        const row = model.rows.find((r) => r.id === n.row);
        const d = row?.data[0];
        if (!d || d.value <= 0) return [];
        return [
          (width - layout.pad / 2 - textWidth(valueText(d, n.text), valueSize, 700) - labelColumn - (negative ? valueRoom : 0)) /
            (d.value - lo),
        ];
      }),
    );
  let above = column > width * COLUMN_SHARE;
  let inlineNotes = true;
  let k = valuesScale(above ? 0 : column);
  if (model.notes.length > 0) {
    const withNotes = Math.min(k, notesScale(above ? 0 : column));
    if (withNotes >= INLINE_NOTE_SCALE * k) k = withNotes;
    else {
      // Notes on the row label's line instead, over bars that use the whole width.
      inlineNotes = false;
      above = true;
      k = valuesScale(0);
    }
  }

  // Each bar gets a slot at least one text line tall, so value labels of neighbouring bars never touch.
  const slot = Math.max(thick + 2, line(valueSize));
  const barsHeight = slot * Math.max(1, model.series.length);
  const labelHeight = line(layout.label);
  const labelColumn = above ? 0 : column;
  const rowHeight = (above ? labelHeight + barsHeight : Math.max(labelHeight, barsHeight)) + layout.pad * 1.5;
  const legendHeight = grouped ? line(layout.small) + layout.pad : 0;
  const top = legendHeight + layout.pad / 2;
  const height = Math.round(top + model.rows.length * rowHeight + layout.pad / 2);

  const start = labelColumn + (negative ? valueRoom : 0);
  const x = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .range([start, start + k * span]);

  const marks: Mark[] = [];
  if (grouped) {
    let lx = 0;
    model.series.forEach((s, j) => {
      const y = layout.pad / 2 + ASCENT * layout.small;
      marks.push({
        type: 'rect',
        key: `legend-swatch-${s.id}`,
        x: lx,
        y: y - 0.8 * layout.small,
        width: 10,
        height: 10,
        fill: CATEGORICAL[j] as string,
      });
      marks.push({
        type: 'text',
        key: `legend-${s.id}`,
        x: lx + 14,
        y,
        text: s.label,
        size: layout.small,
        fill: PALETTE.ink,
        anchor: 'start',
      });
      lx += 14 + textWidth(s.label, layout.small) + 2 * layout.pad + 6;
    });
  }

  const anyHighlight = view.highlight.length > 0;
  model.rows.forEach((row, i) => {
    if (!view.shown.includes(row.id)) return;
    const y = top + i * rowHeight;
    const hot = view.highlight.includes(row.id);
    const note = view.annotate.find((a) => a.row === row.id)?.text;
    const barsTop = above ? y + layout.pad * 0.75 + labelHeight : y + (rowHeight - barsHeight) / 2;
    if (hot && grouped) marks.push({ type: 'rect', key: `band-${row.id}`, x: 0, y, width, height: rowHeight, fill: PALETTE.rest });
    marks.push(
      above
        ? {
            type: 'text',
            key: `label-${row.id}`,
            x: 0,
            y: y + layout.pad * 0.75 + ASCENT * layout.label,
            text: row.label,
            size: layout.label,
            weight: hot ? 700 : 400,
            fill: PALETTE.ink,
            anchor: 'start',
          }
        : {
            type: 'text',
            key: `label-${row.id}`,
            x: labelColumn - layout.pad,
            y: barsTop + barsHeight / 2 + middle(layout.label),
            text: row.label,
            size: layout.label,
            weight: hot ? 700 : 400,
            fill: PALETTE.ink,
            anchor: 'end',
          },
    );
    if (note && !inlineNotes) {
      const x0 = textWidth(row.label, layout.label, hot ? 700 : 400) + 2 * layout.pad;
      marks.push({
        type: 'text',
        key: `note-${row.id}`,
        x: x0,
        y: y + layout.pad * 0.75 + ASCENT * layout.label,
        text: note,
        size: layout.label,
        weight: 700,
        fill: PALETTE.ink,
        anchor: 'start',
      });
    }
    row.data.forEach((d, j) => {
      const series = model.series[j]?.id ?? 'value';
      const centre = barsTop + j * slot + slot / 2;
      const [x0, x1] = [x(Math.min(0, d.value)), x(Math.max(0, d.value))];
      const fill = grouped ? (CATEGORICAL[j] as string) : anyHighlight ? (hot ? PALETTE.highlight : PALETTE.context) : PALETTE.actual;
      marks.push({
        type: 'rect',
        key: `bar-${row.id}-${series}`,
        x: x0,
        y: centre - thick / 2,
        width: Math.max(1, x1 - x0),
        height: thick,
        fill,
      });
      marks.push({
        type: 'text',
        key: `value-${row.id}-${series}`,
        x: d.value < 0 ? x0 - layout.pad / 2 : x1 + layout.pad / 2,
        y: centre + middle(valueSize),
        text: valueText(d, j === 0 && inlineNotes ? note : undefined),
        size: valueSize,
        weight: hot || note ? 700 : 400,
        fill: PALETTE.ink,
        anchor: d.value < 0 ? 'end' : 'start',
      });
    });
  });
  if (negative)
    marks.push({
      type: 'line',
      key: 'zero',
      x1: x(0),
      y1: top,
      x2: x(0),
      y2: height - layout.pad / 2,
      stroke: PALETTE.ink,
      strokeWidth: 1,
    });
  return { width, height, marks };
}
