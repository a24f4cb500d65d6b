/**
 * The `share` chart kind: parts of a whole as a stacked bar or a waffle.
 */
import type { DataIndex } from '../../lib/data/index.ts';
import { unitLine, displayUnit } from '../axis.ts';
import { defineChartKind, type ChartView } from '../kind.ts';
import { inEachLayout } from '../layout.ts';
import { shareGeometry, type ShareView } from './geometry.ts';
import { checkShare, resolveShare, ShareSpec, shownParts, type ShareModel } from './spec.ts';

function view(spec: ShareSpec, state: string, data: DataIndex): ChartView {
  const model = resolveShare(spec, data).model as ShareModel;
  const s = spec.states[state] as ShareSpec['states'][string];
  const v: ShareView = { shown: shownParts(model, s), highlight: s.highlight };
  const parts = model.parts.filter((p) => v.shown.includes(p.id));
  const scenes = inEachLayout((layout) => shareGeometry(model, v, layout));
  const what = model.display === 'waffle' ? '方格图' : '堆积条形图';
  const perCell = model.display === 'waffle' ? '每格代表百分之一。' : '';
  const w = model.whole;
  if (!w) {
    // The parts are printed percentages of one whole: the hundred per cent is not a figure of its own.
    return {
      unit: unitLine(
        displayUnit(
          parts.map((p) => p.value.value),
          '%',
        ),
      ),
      scenes,
      description: [
        `${what}：${spec.title}。`,
        parts
          .map(
            (p) => `${p.label}占${model.wholeLabel || '整体'}的${p.value.text}${p.value.periodLabel ? `（${p.value.periodLabel}）` : ''}`,
          )
          .join('，'),
        parts.length ? '。' : '',
        perCell,
      ].join(''),
      table: {
        columns: ['部分', `占${model.wholeLabel || '整体'}的比重`],
        rows: parts.map((p) => ({ header: p.label, cells: [p.value.text] })),
      },
      plotted: parts.map((p) => p.value),
    };
  }
  const withShare = model.parts.some((p) => p.share);
  return {
    unit: unitLine(displayUnit([w.value], w.unit)),
    scenes,
    description: [
      `${what}：${spec.title}。${model.wholeLabel}${w.periodLabel ? `（${w.periodLabel}）` : ''}${w.text}`,
      ...parts.map((p) => `，其中${p.label}${p.value.text}${p.share ? `，占${p.share.text}` : ''}`),
      '。',
      perCell,
    ].join(''),
    table: {
      columns: ['部分', '数值', ...(withShare ? ['占比'] : [])],
      rows: [
        { header: `${model.wholeLabel}（整体）`, cells: [w.text, ...(withShare ? ['—'] : [])] },
        ...parts.map((p) => ({ header: p.label, cells: [p.value.text, ...(withShare ? [p.share?.text ?? '—'] : [])] })),
      ],
    },
    plotted: [w, ...parts.flatMap((p) => (p.share ? [p.value, p.share] : [p.value]))],
  };
}

export const shareKind = defineChartKind<ShareSpec>({ kind: 'share', schema: ShareSpec, check: checkShare, view });
