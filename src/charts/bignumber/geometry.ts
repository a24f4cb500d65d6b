/**
 * Big-number card geometry: the label and period on top, the figure large with its unit smaller on
 * the same baseline, and the comparison line under it. Pure; the figure is printed exactly as the
 * dataset has it (approximations included: 超, 近, 余).
 */
import { formatValue, scaleUnit } from '../../lib/data/format.ts';
import type { Layout } from '../layout.ts';
import { PALETTE } from '../palette.ts';
import type { Mark, Scene } from '../scene.ts';
import { ASCENT, DESCENT, textWidth } from '../text.ts';
import type { Datum } from '../data.ts';
import type { BigNumberModel } from './spec.ts';

/**
 * The figure split into its large part and the smaller part after it: "超1500" and "个"; "95" and
 * "%以上" (a trailing qualifier follows the unit, as printed: 95%以上, not 95以上%); "7" and "%左右"
 * with the editor's `suffix`.
 */
export function splitFigure(d: Datum, suffix = ''): { number: string; unit: string } {
  const scaled = scaleUnit(d.value, d.unit);
  if (d.approx === 'at-least') {
    return { number: formatValue(scaled.value, ''), unit: `${scaled.unit}以上${suffix}` };
  }
  return { number: formatValue(scaled.value, '', { approx: d.approx }), unit: `${scaled.unit}${suffix}` };
}

/** Scene of the card; `comparison` is the comparison line, or null when this state hides it. */
export function bigNumberGeometry(model: BigNumberModel, comparison: string | null, layout: Layout): Scene {
  const { number, unit } = splitFigure(model.value, model.suffix);
  const unitSize = Math.round(layout.big * 0.4);
  // Lines stacked by their font boxes (ascent + descent), so nothing can touch at any font.
  const labelY = 3 + layout.pad + ASCENT * layout.label;
  const bigY = labelY + DESCENT * layout.label + ASCENT * layout.big;
  const compareY = bigY + DESCENT * layout.big + ASCENT * layout.label;
  const height = Math.round(compareY + DESCENT * layout.label + layout.pad);
  const marks: Mark[] = [
    { type: 'rect', key: 'rule', x: 0, y: 0, width: 40, height: 3, fill: PALETTE.actual },
    {
      type: 'text',
      key: 'label',
      x: 0,
      y: labelY,
      text:
        model.label && model.value.periodLabel ? `${model.label}（${model.value.periodLabel}）` : model.label || model.value.periodLabel,
      size: layout.label,
      fill: PALETTE.muted,
      anchor: 'start',
    },
    { type: 'text', key: 'value', x: 0, y: bigY, text: number, size: layout.big, weight: 700, fill: PALETTE.ink, anchor: 'start' },
    {
      type: 'text',
      key: 'unit',
      x: textWidth(number, layout.big, 700) + layout.pad,
      y: bigY,
      text: unit,
      size: unitSize,
      weight: 700,
      fill: PALETTE.ink,
      anchor: 'start',
    },
  ];
  if (comparison !== null) {
    marks.push({
      type: 'text',
      key: 'comparison',
      x: 0,
      y: compareY,
      text: comparison,
      size: layout.label,
      fill: PALETTE.ink,
      anchor: 'start',
    });
  }
  return { width: layout.width, height, marks };
}
