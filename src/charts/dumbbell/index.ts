/**
 * The `dumbbell` chart kind: results against targets.
 */
import type { DataIndex } from '../../lib/data/index.ts';
import { displayUnit, unitLine } from '../axis.ts';
import { defineChartKind, type ChartView } from '../kind.ts';
import { LAYOUTS } from '../layout.ts';
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
    unit: unitLine(
      displayUnit(
        all.map((d) => d.value),
        all[0]?.unit ?? '',
      ),
      all.find((d) => d.basis)?.basis,
    ),
    scenes: { compact: dumbbellGeometry(model, v, LAYOUTS.compact), regular: dumbbellGeometry(model, v, LAYOUTS.regular) },
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
