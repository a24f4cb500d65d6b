/**
 * The `dumbbell` chart kind: results against targets.
 */
import type { DataIndex } from '../../lib/data/index.ts';
import { unitLineOf } from '../axis.ts';
import { defineChartKind, type ChartView } from '../kind.ts';
import { inEachLayout } from '../layout.ts';
import { dumbbellGeometry } from './geometry.ts';
import { checkDumbbell, dumbbellView, DumbbellSpec, resolveDumbbell, type DumbbellModel } from './spec.ts';

function view(spec: DumbbellSpec, state: string, data: DataIndex): ChartView {
  const model = resolveDumbbell(spec, data).model as DumbbellModel;
  const v = dumbbellView(model, spec.states[state] as DumbbellSpec['states'][string]);
  const rows = model.rows.filter((r) => v.shown.includes(r.id));
  const showResult = v.show.includes('result');
  const showTarget = v.show.includes('target');
  const all = model.rows.flatMap((r) => [r.result, r.target]);
  return {
    unit: unitLineOf(all),
    scenes: inEachLayout((layout) => dumbbellGeometry(model, v, layout)),
    description: `哑铃图：${spec.title}。${rows
      .map((r) =>
        [
          r.label,
          showResult ? `${r.result.periodLabel}实际${r.result.text}` : '',
          showTarget ? `${r.target.periodLabel}目标${r.target.text}` : '',
        ]
          .filter(Boolean)
          .join('，'),
      )
      .join('；')}。`,
    table: {
      columns: ['指标', ...(showResult ? ['实际'] : []), ...(showTarget ? ['目标'] : [])],
      rows: rows.map((r) => ({
        header: r.label,
        cells: [
          ...(showResult ? [`${r.result.text}（${r.result.periodLabel}）`] : []),
          ...(showTarget ? [`${r.target.text}（${r.target.periodLabel}）`] : []),
        ],
      })),
    },
    plotted: rows.flatMap((r) => [...(showResult ? [r.result] : []), ...(showTarget ? [r.target] : [])]),
  };
}

export const dumbbellKind = defineChartKind<DumbbellSpec>({ kind: 'dumbbell', schema: DumbbellSpec, check: checkDumbbell, view });
