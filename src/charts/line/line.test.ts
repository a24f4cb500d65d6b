import { describe, expect, it } from 'vitest';
import { checkGraphicWith, expectScenes } from '../test-helpers.ts';
import { adjacent, pointLabel, timeX } from './geometry.ts';
import { lineKind } from './index.ts';
import { PALETTE } from '../palette.ts';

const growth = {
  kind: 'line',
  title: '规上工业增加值增速',
  series: [
    { id: 'actual', indicator: 'industrial-va-growth', kind: 'growth', periods: [2020, 2021, 2022, 2023, 2024, '2025Q1'] },
    { id: 'plan', indicator: 'industrial-va-growth', kind: 'target' },
  ],
  states: {
    trough: { through: 2020, highlight: [{ series: 'actual', period: 2020 }] },
    recovery: { series: ['actual'], through: 2024, annotate: [{ series: 'actual', period: 2024, text: '七年最佳' }] },
    latest: { annotate: [{ series: 'actual', period: '2025Q1', text: '新高' }] },
    all: {},
  },
};

describe('adjacent()', () => {
  it.each([
    ['2023', '2024', true],
    ['2020', '2024', false],
    ['2024', '2025Q1', false],
    ['2025Q1', '2025Q2', true],
    ['2024Q4', '2025Q1', true],
    ['2025Q1-Q2', '2025Q1-Q3', true],
    ['2024-12', '2025-01', true],
    ['2021/', '2022/', false],
  ])('adjacent(%s, %s) is %s', (a, b, expected) => {
    expect(adjacent(a, b)).toBe(expected);
  });
});

describe('line check()', () => {
  it('accepts a valid definition', () => {
    expect(checkGraphicWith(lineKind, growth)).toEqual([]);
  });

  it.each([
    [
      'an unknown indicator, with a suggestion',
      { ...growth, series: [{ id: 'a', indicator: 'industrial-va-grwth', kind: 'growth' }], states: { all: {} } },
      ["series[0].indicator: unknown indicator 'industrial-va-grwth'; did you mean 'industrial-va-growth' or 'industrial-output'?"],
    ],
    [
      'a kind the indicator does not have (an empty series)',
      { ...growth, series: [{ id: 'a', indicator: 'gdp', kind: 'growth' }], states: { all: {} } },
      ["series[0].kind: indicator 'gdp' has no growth values, so the series would be empty; its kinds: actual"],
    ],
    [
      'a period the indicator does not have',
      { ...growth, series: [{ id: 'a', indicator: 'industrial-va-growth', kind: 'growth', periods: [2019] }], states: { all: {} } },
      ["series[0].periods[0]: indicator 'industrial-va-growth' has no growth value for 2019; it has: 2020, 2021, 2022, 2023, 2024, 2025Q1"],
    ],
    [
      'mixed units',
      {
        ...growth,
        series: [
          { id: 'a', indicator: 'industrial-va-growth', kind: 'growth' },
          { id: 'b', indicator: 'gdp', kind: 'actual' },
        ],
        states: { all: {} },
      },
      [
        "series[1]: this chart mixes dimensions percent (%) and money (亿元) ('industrial-va-growth' and 'gdp'); one chart shows one unit, so use separate charts",
      ],
    ],
    [
      'mixed units of one dimension',
      {
        ...growth,
        series: [
          { id: 'a', indicator: 'enterprises', kind: 'actual' },
          { id: 'b', indicator: 'projects-signed-2024', kind: 'actual' },
        ],
        states: { all: {} },
      },
      [
        "series[1]: this chart mixes units 户 and 个 ('enterprises' and 'projects-signed-2024'); one chart shows one unit, so use separate charts",
      ],
    ],
    [
      'mixed growth bases',
      {
        ...growth,
        series: [
          { id: 'a', indicator: 'industrial-va-growth', kind: 'growth', periods: [2024] },
          { id: 'b', indicator: 'avg-growth', kind: 'growth' },
        ],
        states: { all: {} },
      },
      [
        "series[1]: growth bases differ: 'industrial-va-growth' 2024 is yoy, 'avg-growth' 2021/2024 is annual-avg; chart rates of one basis",
      ],
    ],
    [
      'an open-ended period on a time axis',
      { ...growth, series: [{ id: 'a', indicator: 'attraction-trips', kind: 'actual' }], states: { all: {} } },
      ["series[0].indicator: period '2021/' (2021年以来) is open-ended and has no place on a time axis; choose periods with `periods:`"],
    ],
    [
      'an area under rates that cross zero',
      { ...growth, area: true },
      ["area: series 'actual' has values below zero; an area would suggest a quantity, so remove `area` for rates that change sign"],
    ],
    [
      'a highlight that is not plotted in its state',
      { ...growth, states: { early: { through: 2021, highlight: [{ series: 'actual', period: 2024 }] } } },
      [
        "states.early.highlight[0]: series 'actual' 2024 is not plotted in state 'early' (check `series` and `through`); only plotted points can be highlighted or annotated",
      ],
    ],
    [
      'an unknown series in a state',
      { ...growth, states: { s: { series: ['actul'], annotate: [{ series: 'target', period: 2025, text: '目标' }] } } },
      [
        "states.s.series[0]: unknown series 'actul'; did you mean 'actual'? (the chart defines: actual, plan)",
        "states.s.annotate[0].series: unknown series 'target' (the chart defines: actual, plan)",
      ],
    ],
    [
      'a period no series has',
      { ...growth, states: { s: { through: 2030 } } },
      ["states.s.through: no series has period 2030; the chart's periods: 2020, 2021, 2022, 2023, 2024, 2025Q1, 2025"],
    ],
    [
      'digits typed into an annotation',
      { ...growth, states: { s: { annotate: [{ series: 'actual', period: 2024, text: '增长5.1%' }] } } },
      ['states.s.annotate[0].text: annotation text must not contain digits: the value is printed from the dataset next to it'],
    ],
    ['a misspelt state field', { ...growth, states: { s: { hightlight: [] } } }, ['states.s: unknown field "hightlight"']],
    ['no states', { ...growth, states: {} }, ['states: define at least one state, e.g. `states: { all: {} }`']],
  ])('reports %s', (_, spec, messages) => {
    expect(checkGraphicWith(lineKind, spec)).toEqual(messages);
  });
});

describe('line geometry', () => {
  it.each(Object.keys(growth.states))('state %s: snapshot at both widths, no label overlaps', async (state) => {
    await expectScenes(lineKind, growth, state, `__snapshots__/growth-${state}`);
  });

  it('with a gap in the record the line breaks, and only a dotted bridge spans the missing years', async () => {
    const gappy = {
      ...growth,
      series: [{ id: 'actual', indicator: 'industrial-va-growth', kind: 'growth', periods: [2020, 2023, 2024] }],
      states: { all: {} },
    };
    const scenes = await expectScenes(lineKind, gappy, 'all', '__snapshots__/gap-all');
    const path = scenes.regular.marks.find((m) => m.key === 'line-actual');
    expect(path?.type === 'path' && path.d.match(/M/g)?.length).toBe(1);
    const bridge = scenes.regular.marks.find((m) => m.key === 'bridge-actual');
    expect(bridge?.type === 'path' && bridge.d.match(/M/g)?.length).toBe(1);
    expect(bridge?.type === 'path' && bridge.dash).toBe('1 4');
  });

  it('keeps the axes and the number of path points when revealing points', async () => {
    const early = await expectScenes(lineKind, growth, 'trough', null);
    const late = await expectScenes(lineKind, growth, 'all', null);
    const ticks = (s: typeof early.compact) => s.marks.filter((m) => m.key.startsWith('tick-')).map((m) => m.key);
    expect(ticks(early.compact)).toEqual(ticks(late.compact));
    const d = (s: typeof early.compact) => {
      const m = s.marks.find((x) => x.key === 'line-actual');
      return m?.type === 'path' ? m.d : '';
    };
    expect(d(early.regular).split(/[ML]/).length).toBe(d(late.regular).split(/[ML]/).length);
    expect(d(early.regular)).not.toBe(d(late.regular));
  });

  it('draws the zero line in ink when values cross zero', async () => {
    const scenes = await expectScenes(lineKind, growth, 'all', null);
    const zero = scenes.compact.marks.find((m) => m.key === 'grid-0');
    expect(zero?.type === 'line' && zero.stroke).toBe('#1b1b1b');
  });

  it('draws targets as hollow points labelled "目标"', async () => {
    const scenes = await expectScenes(lineKind, growth, 'all', null);
    const point = scenes.regular.marks.find((m) => m.key === 'point-plan-2025');
    expect(point?.type === 'circle' && point.fill).toBe('#fdfcf8');
    expect(scenes.regular.marks.find((m) => m.key === 'label-plan-2025')).toMatchObject({ text: '目标 7%' });
  });
});

describe('time axis: sub-year periods sit inside their year', () => {
  it.each([
    ['2024', 2024.5],
    ['2025Q1', 2025.125],
    ['2025Q2', 2025.375],
    ['2025Q4', 2025.875],
    ['2025Q1-Q3', 2025.375],
    ['2025Q1-Q2', 2025.25],
    ['2022H1', 2022.25],
    ['2022H2', 2022.75],
    ['2022-10', 2022 + 9.5 / 12],
  ])('timeX(%s) = %s', (period, x) => {
    expect(timeX(period)).toBeCloseTo(x, 9);
  });

  it('has no place for open-ended periods', () => {
    expect(timeX('2021/')).toBeNull();
    expect(timeX('current')).toBeNull();
  });

  it('labels a quarter and the first three quarters with their year', () => {
    const s = { role: 'actual' as const, label: '实际' };
    expect(pointLabel(s, { period: '2025Q1', periodLabel: '2025年一季度', text: '8.4%' }, '新高', false)).toBe('新高 2025年一季度 8.4%');
    expect(pointLabel(s, { period: '2025Q1-Q3', periodLabel: '2025年前三季度', text: '5%' }, undefined, false)).toBe('2025年前三季度 5%');
    expect(pointLabel(s, { period: '2024', periodLabel: '2024年', text: '5.1%' }, undefined, false)).toBe('5.1%');
  });

  /** Fractional-year position of a point, read back from the scene through the year-boundary ticks. */
  const yearPos = (marks: { key: string }[], key: string, year: number): number => {
    const at = (k: string) => {
      const m = marks.find((x) => x.key === k) as { x1?: number; cx?: number } | undefined;
      if (!m) throw new Error(`no mark ${k}`);
      return (m.cx ?? m.x1) as number;
    };
    const x0 = at(`year-tick-${year}`);
    const x1 = at(`year-tick-${year + 1}`);
    return year + (at(key) - x0) / (x1 - x0);
  };

  it('draws 2025Q1 an eighth into 2025, not at the start of a separate year', async () => {
    const scenes = await expectScenes(lineKind, growth, 'latest', null);
    for (const scene of [scenes.compact, scenes.regular]) {
      expect(yearPos(scene.marks, 'point-actual-2025Q1', 2025)).toBeCloseTo(2025.125, 6);
      expect(yearPos(scene.marks, 'point-actual-2024', 2024)).toBeCloseTo(2024.5, 6);
      // The target for the whole year sits mid-2025, right of the quarter.
      expect(yearPos(scene.marks, 'point-plan-2025', 2025)).toBeCloseTo(2025.5, 6);
    }
    const label = scenes.regular.marks.find((m) => m.key === 'label-actual-2025Q1');
    expect(label).toMatchObject({ text: '新高 2025年一季度 8.4%' });
    // 2025 is named from the start of its band, nearer the quarter's point than 2024 is; a dashed
    // line sets the year off from 2024.
    for (const scene of [scenes.compact, scenes.regular]) {
      const at = (key: string) => scene.marks.find((m) => m.key === key) as { x?: number; cx?: number; x1?: number };
      const q = at('point-actual-2025Q1').cx as number;
      expect(Math.abs((at('year-2025').x as number) - q)).toBeLessThan(Math.abs((at('year-2024').x as number) - q));
      expect(at('year-line-2025')).toBeDefined();
    }
  });

  it('draws the first three quarters of two years inside each year, with year labels', async () => {
    const services = {
      kind: 'line',
      title: '服务业增加值增速',
      series: [{ id: 'actual', indicator: 'services-va-growth', kind: 'growth' }],
      states: { all: { highlight: [{ series: 'actual', period: '2025Q1-Q3' }] } },
    };
    expect(checkGraphicWith(lineKind, services)).toEqual([]);
    const scenes = await expectScenes(lineKind, services, 'all', '__snapshots__/quarters-all');
    for (const scene of [scenes.compact, scenes.regular]) {
      expect(yearPos(scene.marks, 'point-actual-2024Q1-Q3', 2024)).toBeCloseTo(2024.375, 6);
      expect(yearPos(scene.marks, 'point-actual-2025Q1-Q3', 2025)).toBeCloseTo(2025.375, 6);
      expect(scene.marks.filter((m) => m.type === 'text' && m.key.startsWith('year-')).map((m) => (m as { text: string }).text)).toEqual([
        '2024',
        '2025',
      ]);
      // Each year holding sub-year points is named from its start (under its early points).
      const y2025 = scene.marks.find((m) => m.key === 'year-2025') as { x: number; anchor: string };
      expect(y2025.anchor).toBe('start');
      expect(y2025.x).toBeGreaterThan((scene.marks.find((m) => m.key === 'year-tick-2025') as { x1: number }).x1);
    }
    const label = scenes.regular.marks.find((m) => m.key === 'label-actual-2025Q1-Q3');
    expect(label).toMatchObject({ text: '2025年前三季度 5%' });
  });
});

describe('highlighted points', () => {
  it('keep the colour of their kind (blue filled actual, orange hollow target), marked by size and an ink ring', async () => {
    const scenes = await expectScenes(lineKind, growth, 'trough', null);
    for (const scene of [scenes.compact, scenes.regular]) {
      const p = scene.marks.find((m) => m.key === 'point-actual-2020') as { fill: string; stroke: string; r: number };
      expect(p.fill).toBe(PALETTE.actual);
      expect(p.stroke).toBe(PALETTE.ink);
    }
  });
});
