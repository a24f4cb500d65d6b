/**
 * The `bignumber` chart kind: one figure from the dataset as a card.
 */
import type { DataIndex } from '../../lib/data/index.ts';
import { parsePeriod } from '../../lib/data/period.ts';
import { defineChartKind, type ChartView } from '../kind.ts';
import { inEachLayout } from '../layout.ts';
import { bigNumberGeometry } from './geometry.ts';
import { BigNumberSpec, checkBigNumber, comparisonText, resolveBigNumber, showsComparison, type BigNumberModel } from './spec.ts';

function view(spec: BigNumberSpec, state: string, data: DataIndex): ChartView {
  const model = resolveBigNumber(spec, data).model as BigNumberModel;
  const shown = showsComparison(model, spec.states[state] ?? {});
  const comparison =
    shown && model.compare ? comparisonText(model.compare, model.value.period, (p) => parsePeriod(p).label, model.compareLabel) : null;
  const v = model.value;
  const figure = `${v.text}${model.suffix ?? ''}`;
  const rows = [{ header: model.label, cells: [v.periodLabel || '—', figure] }];
  const c = model.compare;
  if (comparison && c) rows.push({ header: `${c.label}${c.kind === 'target' ? '（目标）' : ''}`, cells: [c.periodLabel, c.text] });
  return {
    unit: '',
    scenes: inEachLayout((layout) => bigNumberGeometry(model, comparison, layout)),
    description: `数字：${model.label}${v.periodLabel ? `，${v.periodLabel}` : ''}为${figure}${comparison ? `；${comparison}` : ''}。`,
    table: { columns: ['指标', '时期', '数值'], rows },
    plotted: comparison && c ? [v, c] : [v],
  };
}

export const bigNumberKind = defineChartKind<BigNumberSpec>({ kind: 'bignumber', schema: BigNumberSpec, check: checkBigNumber, view });
