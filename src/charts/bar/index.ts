/**
 * The `bar` chart kind: rankings and grouped comparisons as horizontal bars.
 */
import type { DataIndex } from '../../lib/data/index.ts';
import { unitLineOf } from '../axis.ts';
import { defineChartKind, type ChartView } from '../kind.ts';
import { inEachLayout } from '../layout.ts';
import { barGeometry, type BarView } from './geometry.ts';
import { BarSpec, checkBar, resolveBar, shownRows } from './spec.ts';

function view(spec: BarSpec, state: string, data: DataIndex): ChartView {
  const { model } = resolveBar(spec, data);
  const s = spec.states[state] as BarSpec['states'][string];
  const v: BarView = { shown: shownRows(model, s), highlight: s.highlight, annotate: s.annotate };
  const rows = model.rows.filter((r) => v.shown.includes(r.id));
  const all = model.rows.flatMap((r) => r.data);
  const periods = [...new Set(rows.flatMap((r) => r.data.map((d) => d.periodLabel)))].filter(Boolean);
  const singlePeriod = periods.length === 1 && model.series.length === 0;
  const cell = (r: (typeof rows)[number]) => r.data.map((d) => (singlePeriod || !d.periodLabel ? d.text : `${d.text}（${d.periodLabel}）`));
  return {
    unit: unitLineOf(all),
    scenes: inEachLayout((layout) => barGeometry(model, v, layout)),
    description: [
      `条形图：${spec.title}${singlePeriod ? `（${periods[0]}）` : ''}。`,
      rows
        .map((r) => `${r.label}${r.data.map((d, j) => `${model.series[j] ? model.series[j].label : ''}${d.text}`).join('、')}`)
        .join('；'),
      '。',
      v.highlight.length ? `突出：${v.highlight.map((id) => model.rows.find((r) => r.id === id)?.label).join('、')}。` : '',
    ].join(''),
    table: {
      columns: ['项目', ...(model.series.length ? model.series.map((x) => x.label) : [singlePeriod ? `数值（${periods[0]}）` : '数值'])],
      rows: rows.map((r) => ({ header: r.label, cells: cell(r) })),
    },
    plotted: rows.flatMap((r) => r.data),
  };
}

export const barKind = defineChartKind<BarSpec>({ kind: 'bar', schema: BarSpec, check: checkBar, view });
