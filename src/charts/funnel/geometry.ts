/**
 * Funnel geometry, pure: the stages top to bottom on a line of dots (the sequence), each with its
 * label and its figure; bars only where `funnelRuns` allows a length comparison, and a note saying
 * so when units differ. Every stage keeps its place in every state.
 */
import type { Layout } from '../layout.ts';
import { PALETTE } from '../palette.ts';
import type { Mark, Scene } from '../scene.ts';
import { ASCENT, DESCENT, textWidth } from '../text.ts';
import type { FunnelModel } from './spec.ts';

export interface FunnelView {
  shown: string[];
  highlight: string[];
}

const line = (size: number) => (ASCENT + DESCENT) * size;

/** The note under a funnel whose stages are not all on one scale. */
export const MIXED_UNITS_NOTE = '条形长度只在同一单位的相邻环节间可比';

export function funnelGeometry(model: FunnelModel, view: FunnelView, layout: Layout): Scene {
  const width = layout.width;
  const dotX = 7;
  const textX = 22;
  const valueSize = layout.label + 2;
  const textLine = line(valueSize);
  const barHeight = Math.round(layout.bar * 0.8);
  // Labels in a column, figures beside them; the bar beside the figure (regular) or below (compact).
  const column = Math.max(...model.stages.map((s) => textWidth(s.label, layout.label, 700))) + 2 * layout.pad;
  const valueColumn =
    layout.name === 'regular' ? Math.max(...model.stages.map((s) => textWidth(s.value.text, valueSize, 700))) + 3 * layout.pad : 0;
  const barX = layout.name === 'regular' ? textX + column + valueColumn : textX;
  const barWidth = width - barX - layout.pad;
  const rowHeight = (s: FunnelModel['stages'][number]) =>
    layout.name === 'regular' || s.fraction === null ? textLine + layout.pad * 2 : textLine + barHeight + layout.pad * 3;

  const marks: Mark[] = [];
  const centres: number[] = [];
  let y = layout.pad / 2;
  for (const s of model.stages) {
    const h = rowHeight(s);
    const baseline = y + layout.pad + ASCENT * valueSize;
    centres.push(baseline - (ASCENT - DESCENT) * valueSize * 0.5);
    if (view.shown.includes(s.id)) {
      const hot = view.highlight.includes(s.id);
      const colour = hot ? PALETTE.highlight : PALETTE.actual;
      marks.push({
        type: 'circle',
        key: `dot-${s.id}`,
        cx: dotX,
        cy: centres.at(-1) as number,
        r: layout.point + 1.5,
        fill: colour,
        stroke: PALETTE.bg,
        strokeWidth: 2,
      });
      marks.push({
        type: 'text',
        key: `label-${s.id}`,
        x: textX,
        y: baseline,
        text: s.label,
        size: layout.label,
        weight: hot ? 700 : 400,
        fill: PALETTE.ink,
        anchor: 'start',
      });
      marks.push({
        type: 'text',
        key: `value-${s.id}`,
        x: textX + column,
        y: baseline,
        text: s.value.text,
        size: valueSize,
        weight: 700,
        fill: hot ? PALETTE.highlight : PALETTE.ink,
        anchor: 'start',
      });
      if (s.fraction !== null) {
        const barY =
          layout.name === 'regular' ? baseline - (ASCENT - DESCENT) * valueSize * 0.5 - barHeight / 2 : y + layout.pad * 2 + textLine;
        marks.push({
          type: 'rect',
          key: `bar-${s.id}`,
          x: barX,
          y: barY,
          width: Math.max(1, s.fraction * barWidth),
          height: barHeight,
          fill: hot ? PALETTE.highlight : PALETTE.actual,
        });
      }
    }
    y += h;
  }
  // The sequence line joins the shown stages, behind the dots.
  const shownCentres = model.stages.map((s, i) => (view.shown.includes(s.id) ? centres[i] : null)).filter((c): c is number => c !== null);
  if (shownCentres.length > 1) {
    marks.unshift({
      type: 'line',
      key: 'sequence',
      x1: dotX,
      y1: shownCentres[0] as number,
      x2: dotX,
      y2: shownCentres.at(-1) as number,
      stroke: PALETTE.axis,
      strokeWidth: 2,
    });
  }
  if (model.mixedUnits) {
    y += layout.pad / 2;
    marks.push({
      type: 'text',
      key: 'note',
      x: 0,
      y: y + ASCENT * layout.small,
      text: MIXED_UNITS_NOTE,
      size: layout.small,
      fill: PALETTE.muted,
      anchor: 'start',
    });
    y += line(layout.small);
  }
  return { width, height: Math.round(y + layout.pad), marks };
}
