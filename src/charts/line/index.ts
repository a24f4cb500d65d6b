/**
 * The `line` chart kind: time series of one unit, realised values solid, targets dashed.
 */
import type { DataIndex } from '../../lib/data/index.ts';
import { unitLineOf } from '../axis.ts';
import type { Datum } from '../data.ts';
import { defineChartKind, type ChartView } from '../kind.ts';
import { inEachLayout } from '../layout.ts';
import { gaps, lineGeometry } from './geometry.ts';
import { parsePeriod } from '../../lib/data/period.ts';
import { checkLine, isShown, lineView, LineSpec, resolveLine } from './spec.ts';

function view(spec: LineSpec, state: string, data: DataIndex): ChartView {
  const { model } = resolveLine(spec, data);
  const v = lineView(model, spec.states[state] as LineSpec['states'][string]);
  const all = model.series.flatMap((s) => s.data);
  const shown = model.series.filter((s) => v.visible.includes(s.id)).map((s) => ({ s, data: s.data.filter((d) => isShown(v, s.id, d)) }));
  const plotted = shown.flatMap((x) => x.data);

  const periods = [...new Map(plotted.map((d) => [d.period, d])).values()].sort((a, b) => (a.x as number) - (b.x as number));
  const cell = (data: Datum[], period: string) => data.find((d) => d.period === period)?.text ?? '—';
  const marked = [...v.highlight, ...v.annotate].map((p) => {
    const d = model.series.find((s) => s.id === p.series)?.data.find((q) => q.period === p.period) as Datum;
    return `${d.periodLabel}${d.text}${'text' in p ? `（${p.text}）` : ''}`;
  });
  const description = [
    `折线图：${spec.title}。`,
    ...shown.map(({ s, data }) => `${s.label}：${data.map((d) => `${d.periodLabel}${d.text}`).join('，')}。`),
    marked.length ? `重点：${marked.join('；')}。` : '',
  ].join('');

  const bridged = model.series.some((s) => s.role === 'actual' && v.visible.includes(s.id) && gaps(s.data).length > 0);
  const mixed = new Set(plotted.map((d) => parsePeriod(d.period).type === 'year')).size > 1;
  const notes = [
    ...(bridged ? ['点线连接的两个时期之间，报道没有给出数据。'] : []),
    ...(mixed ? ['季度和全年的数值口径不同，放在一起仅供对照。'] : []),
    ...(shown.some(({ s }) => s.role === 'forecast')
      ? ['空心菱形和点线是预计值（报道或企业的预期），不是目标；目标画作空心圆和虚线。']
      : []),
  ];

  return {
    notes,
    unit: unitLineOf(all),
    scenes: inEachLayout((layout) => lineGeometry(model, v, layout)),
    description,
    table: {
      columns: ['时期', ...shown.map(({ s }) => s.label)],
      rows: periods.map((p) => ({ header: p.periodLabel, cells: shown.map(({ data }) => cell(data, p.period)) })),
    },
    plotted,
  };
}

export const lineKind = defineChartKind<LineSpec>({ kind: 'line', schema: LineSpec, check: checkLine, view });
