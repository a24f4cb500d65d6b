/**
 * Forecasts (kind `forecast`, dataset 2.0.0) are never shown as targets: a line draws them with their
 * own marker (hollow diamond, dotted line) and note, every printed figure says 预计 (labels, tables,
 * descriptions), and a dumbbell refuses them in either slot.
 */
import { describe, expect, it } from 'vitest';
import { DataIndex } from '../lib/data/index.ts';
import { testDataset } from '../lib/data/test-dataset.ts';
import { checkGraphic } from '../graphics/registry.ts';
import { formatPath } from '../lib/data/load.ts';
import { lineKind } from './line/index.ts';
import { comparisonText } from './bignumber/spec.ts';
import { resolveValue } from './data.ts';
import type { LineSpec } from './line/spec.ts';

const cite = [{ source: 'services-2025', section: 's1', printed: 'x' }];
const data = new DataIndex(
  testDataset(['services-2025'], {
    indicators: [
      {
        id: 'freight',
        label: '货运量',
        unit: '万吨',
        scope: 'city',
        topic: 'services',
        observations: [
          { period: '2023', value: 3900, kind: 'actual', cite },
          { period: '2024', value: 4300, kind: 'actual', cite },
          { period: '2025', value: 4851, kind: 'forecast', cite },
          { period: '2026', value: 4950, kind: 'forecast', cite },
          { period: '2027', value: 5000, kind: 'target', cite },
          { period: '2028', value: 5200, kind: 'target', cite },
        ],
      },
      {
        id: 'retail',
        label: '社零增速',
        unit: '%',
        scope: 'city',
        topic: 'consumption',
        observations: [
          { period: '2025', value: 4, kind: 'forecast', basis: 'yoy', cite },
          { period: '2024', value: 5, kind: 'target', basis: 'yoy', cite },
        ],
      },
    ],
    projects: [],
    milestones: [],
    errata: [],
  }),
);

const spec = {
  kind: 'line',
  title: '货运量：实绩、预计和目标',
  series: [
    { id: 'actual', indicator: 'freight', kind: 'actual' },
    { id: 'fc', indicator: 'freight', kind: 'forecast' },
    { id: 'plan', indicator: 'freight', kind: 'target' },
  ],
  states: { all: {} },
};

describe('forecasts in charts', () => {
  it('a line draws forecasts with a hollow diamond and a dotted line, targets with a hollow circle and a dashed line', () => {
    expect(checkGraphic(spec, data).problems.map((p) => `${formatPath(p.path)}: ${p.message}`)).toEqual([]);
    const v = lineKind.view(lineKind.schema.parse(spec) as LineSpec, 'all', data);
    const marks = v.scenes.regular.marks;
    const fcPoint = marks.find((m) => m.key === 'point-fc-2025');
    const planPoint = marks.find((m) => m.key === 'point-plan-2027');
    expect(fcPoint?.type).toBe('path');
    expect(planPoint?.type).toBe('circle');
    const lineOf = (id: string) => marks.find((m) => m.key === `line-${id}`) as { dash?: string } | undefined;
    expect(lineOf('fc')?.dash).toBe('2 3');
    expect(lineOf('plan')?.dash).toBe('6 4');
    expect(v.notes?.join('')).toMatch(/空心菱形.*预计值.*不是目标/);
    expect(v.table.columns).toEqual(expect.arrayContaining(['预计', '目标']));
    const cells = v.table.rows.flatMap((r) => r.cells).join(' ');
    expect(cells).toContain('预计4851万吨');
    expect(cells).not.toContain('预计5000');
    expect(v.description).toContain('预计4851万吨');
    const labels = marks
      .filter((m) => m.type === 'text')
      .map((m) => (m as { text: string }).text)
      .join(' ');
    expect(labels).toContain('预计4950万吨'); // the last forecast point is always named
  });

  it('a big-number comparison names a forecast as 预计, not 目标', () => {
    const d = resolveValue(data, { indicator: 'retail', kind: 'forecast' }, []).datum!;
    const text = comparisonText(d, '2024', (p) => p);
    expect(text).toContain('预计');
    expect(text).not.toContain('目标');
  });

  it('a dumbbell refuses a forecast as the result and as the target', () => {
    const db = (result: string, target: string) => ({
      kind: 'dumbbell',
      title: '增速：实绩与目标',
      rows: [{ id: 'r', label: '社零', result: { indicator: 'retail', kind: result }, target: { indicator: 'retail', kind: target } }],
      states: { all: {} },
    });
    const problems = (s: unknown) =>
      checkGraphic(s, data)
        .problems.map((p) => p.message)
        .join(' | ');
    expect(problems(db('forecast', 'target'))).toMatch(/`result` must be a realised value.*is a forecast/);
    expect(problems(db('forecast', 'forecast'))).toMatch(/`target` must be a target value.*is forecast/);
  });
});
