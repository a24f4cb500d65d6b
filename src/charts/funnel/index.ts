/**
 * The `funnel` chart kind: an investment pipeline as an honest sequence of stages.
 */
import type { DataIndex } from '../../lib/data/index.ts';
import { defineChartKind, type ChartView } from '../kind.ts';
import { inEachLayout } from '../layout.ts';
import { funnelGeometry, MIXED_UNITS_NOTE, type FunnelView } from './geometry.ts';
import { checkFunnel, FunnelSpec, resolveFunnel, shownStages, type FunnelModel } from './spec.ts';

function view(spec: FunnelSpec, state: string, data: DataIndex): ChartView {
  const model = resolveFunnel(spec, data).model as FunnelModel;
  const s = spec.states[state] as FunnelSpec['states'][string];
  const v: FunnelView = { shown: shownStages(model, s), highlight: s.highlight };
  const stages = model.stages.filter((x) => v.shown.includes(x.id));
  const period = model.stages[0]?.value.periodLabel ?? '';
  return {
    unit: period ? `时期：${period}` : '',
    scenes: inEachLayout((layout) => funnelGeometry(model, v, layout)),
    description: `环节图：${spec.title}${period ? `（${period}）` : ''}。${stages.map((x) => `${x.label}${x.value.text}`).join('，')}。${model.mixedUnits ? `${MIXED_UNITS_NOTE}。` : ''}`,
    table: {
      columns: ['环节', '数值'],
      rows: stages.map((x) => ({ header: x.label, cells: [x.value.text] })),
    },
    plotted: stages.map((x) => x.value),
  };
}

export const funnelKind = defineChartKind<FunnelSpec>({ kind: 'funnel', schema: FunnelSpec, check: checkFunnel, view });
