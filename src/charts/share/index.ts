/**
 * The `share` chart kind: parts of a whole as a stacked bar or a waffle.
 */
import type { DataIndex } from '../../lib/data/index.ts';
import { unitLine, displayUnit } from '../axis.ts';
import { defineChartKind, type ChartView } from '../kind.ts';
import { LAYOUTS } from '../layout.ts';
import { shareGeometry, type ShareView } from './geometry.ts';
import { checkShare, resolveShare, ShareSpec, shownParts, type ShareModel } from './spec.ts';

function view(spec: ShareSpec, state: string, data: DataIndex): ChartView {
  const model = resolveShare(spec, data).model as ShareModel;
  const s = spec.states[state] as ShareSpec['states'][string];
  const v: ShareView = { shown: shownParts(model, s), highlight: s.highlight };
  const parts = model.parts.filter((p) => v.shown.includes(p.id));
  const withShare = model.parts.some((p) => p.share);
  const w = model.whole;
  return {
    unit: unitLine(displayUnit([w.value], w.unit)),
    scenes: { compact: shareGeometry(model, v, LAYOUTS.compact), regular: shareGeometry(model, v, LAYOUTS.regular) },
    description: [
      `${model.display === 'waffle' ? '方格图' : '堆积条形图'}：${spec.title}。${model.wholeLabel}${w.periodLabel ? `（${w.periodLabel}）` : ''}${w.text}`,
      ...parts.map((p) => `，其中${p.label}${p.value.text}${p.share ? `，占${p.share.text}` : ''}`),
      '。',
      model.display === 'waffle' ? '每格代表百分之一。' : '',
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
