import { describe, expect, it } from 'vitest';
import { checkGraphicWith, expectScenes } from '../test-helpers.ts';
import { barKind } from './index.ts';

const ranking = {
  kind: 'bar',
  title: '2024年主要指标增速',
  sort: 'descending',
  rows: [
    { id: 'industry', value: { indicator: 'industrial-va-growth', period: 2024 } },
    { id: 'investment', value: { indicator: 'investment-growth', period: 2024, kind: 'growth' } },
    { id: 'retail', value: { indicator: 'retail-growth', period: 2024 } },
    { id: 'budget', value: { indicator: 'budget-revenue-growth', period: 2024 } },
  ],
  states: {
    all: {},
    first: { rows: ['investment'], highlight: ['investment'], annotate: [{ row: 'investment', text: '最快' }] },
    industry: { highlight: ['industry'] },
  },
};

const projects = {
  kind: 'bar',
  title: '重点项目总投资',
  rows: [
    { id: 'zalu', value: { project: 'zalu-2' } },
    { id: 'longma', value: { project: 'longma' } },
  ],
  states: { all: {} },
};

const grouped = {
  kind: 'bar',
  title: '市级重点项目计划投资',
  series: [
    { id: 'y2022', label: '2022年' },
    { id: 'y2025', label: '2025年' },
  ],
  rows: [
    {
      id: 'total',
      values: {
        y2022: { indicator: 'key-projects-investment', period: 2022 },
        y2025: { indicator: 'key-projects-investment', period: 2025 },
      },
    },
    {
      id: 'annual',
      values: { y2022: { indicator: 'key-projects-annual', period: 2022 }, y2025: { indicator: 'key-projects-annual', period: 2025 } },
    },
  ],
  states: { all: {}, annual: { highlight: ['annual'] } },
};

const withNegative = {
  kind: 'bar',
  title: '增速',
  rows: [
    { id: 'y2020', label: '二〇二〇年', value: { indicator: 'industrial-va-growth', period: 2020 } },
    { id: 'y2024', label: '二〇二四年', value: { indicator: 'industrial-va-growth', period: 2024 } },
  ],
  states: { all: {} },
};

describe('bar check()', () => {
  it.each([ranking, projects, grouped, withNegative])('accepts $title', (spec) => {
    expect(checkGraphicWith(barKind, spec)).toEqual([]);
  });

  it.each([
    [
      'values of different units',
      { ...projects, rows: [...projects.rows, { id: 'firms', value: { indicator: 'enterprises', period: 2024 } }] },
      [
        "rows[2]: this chart mixes dimensions money (亿元) and count (户) ('zalu-2' and 'enterprises'); one chart shows one unit, so use separate charts",
      ],
    ],
    [
      'a grouped row missing a series and naming an unknown one',
      {
        ...grouped,
        rows: [
          {
            id: 'total',
            values: {
              y2022: { indicator: 'key-projects-investment', period: 2022 },
              y2052: { indicator: 'key-projects-investment', period: 2025 },
            },
          },
        ],
      },
      [
        "rows[0].values.y2052: unknown series 'y2052'; did you mean 'y2022' or 'y2025'?",
        "rows[0].values: row 'total' has no value for series 'y2025'",
      ],
    ],
    [
      'a row with values but no series',
      { ...projects, rows: [{ id: 'x', values: { a: { project: 'longma' } } }] },
      ['rows[0].values: this chart has no `series`, so each row takes one `value`, not `values`', "rows[0]: row 'x' needs a `value`"],
    ],
    [
      'a highlight of a hidden row and an unknown row',
      { ...ranking, states: { s: { rows: ['industry'], highlight: ['retail', 'industy'] } } },
      [
        "states.s.highlight[0]: row 'retail' is not shown in state 's'; add it to `rows` or highlight a shown row",
        "states.s.highlight[1]: unknown row 'industy'; did you mean 'industry'? (the chart defines: investment, budget, industry, retail)",
      ],
    ],
    [
      'duplicate row ids',
      { ...projects, rows: [projects.rows[0], projects.rows[0]] },
      ["rows[1].id: id 'zalu' is used twice; ids must be unique"],
    ],
    [
      'digits in a row label',
      { ...projects, rows: [{ id: 'x', label: '项目1', value: { project: 'longma' } }] },
      ['rows[0].label: row labels must not contain digits; figures come from the dataset'],
    ],
  ])('reports %s', (_, spec, messages) => {
    expect(checkGraphicWith(barKind, spec)).toEqual(messages);
  });
});

describe('bar geometry', () => {
  it.each([
    ['ranking', 'all', ranking],
    ['ranking', 'first', ranking],
    ['ranking', 'industry', ranking],
    ['projects', 'all', projects],
    ['grouped', 'all', grouped],
    ['grouped', 'annual', grouped],
    ['negative', 'all', withNegative],
  ] as const)('%s, state %s: snapshot at both widths, no label overlaps', async (name, state, spec) => {
    await expectScenes(barKind, spec, state, `__snapshots__/${name}-${state}`);
  });

  it('sorts descending and keeps every row in place when rows are hidden', async () => {
    const all = await expectScenes(barKind, ranking, 'all', null);
    const first = await expectScenes(barKind, ranking, 'first', null);
    const bar = (s: typeof all.compact, key: string) => s.marks.find((m) => m.key === key);
    expect(all.compact.marks.filter((m) => m.key.startsWith('label-')).map((m) => m.type === 'text' && m.text)).toEqual([
      '固投增速',
      '财政收入增速',
      '规上工业增加值增速',
      '社零增速',
    ]);
    expect(bar(first.compact, 'bar-investment-value')).toMatchObject({
      y: (bar(all.compact, 'bar-investment-value') as { y: number }).y,
      fill: '#a4231b',
    });
    expect(bar(first.compact, 'bar-industry-value')).toBeUndefined();
    expect(first.compact.height).toBe(all.compact.height);
  });

  it('draws negative bars left of an ink zero line', async () => {
    const scenes = await expectScenes(barKind, withNegative, 'all', null);
    const zero = scenes.regular.marks.find((m) => m.key === 'zero');
    const neg = scenes.regular.marks.find((m) => m.key === 'bar-y2020-value');
    expect(zero?.type === 'line' && neg?.type === 'rect' && neg.x + neg.width).toBeCloseTo(zero?.type === 'line' ? zero.x1 : NaN, 5);
  });
});

describe('an annotation shown by one state', () => {
  const tour = {
    kind: 'bar',
    title: '报道写明总投资的项目',
    sort: 'descending',
    rows: [
      { id: 'a', label: '龙马装备制造基地', value: { indicator: 'key-projects-investment', period: 2025 } },
      { id: 'b', label: '经安不锈钢', value: { indicator: 'key-projects-investment', period: 2022 } },
      { id: 'c', label: '风光储氢氨研示范', value: { indicator: 'key-projects-annual', period: 2025 } },
    ],
    states: { largest: { highlight: ['a'] }, noted: { highlight: ['c'], annotate: [{ row: 'c', text: '一期还是全部？' }] } },
  };
  const bars = (scene: { marks: { key: string }[] }) =>
    Object.fromEntries(scene.marks.filter((m) => m.key.startsWith('bar-')).map((m) => [m.key, (m as unknown as { width: number }).width]));

  it('leaves the bars of every state long on a phone (the note finds its own place)', async () => {
    expect(checkGraphicWith(barKind, tour)).toEqual([]);
    for (const state of ['largest', 'noted']) {
      const { compact, regular } = await expectScenes(barKind, tour, state, null);
      // The longest bar takes most of a phone-width chart; lengths stay proportional to the values.
      const c = bars(compact);
      expect(c['bar-a-value']).toBeGreaterThan(0.6 * compact.width);
      expect((c['bar-c-value'] as number) / (c['bar-a-value'] as number)).toBeCloseTo(700 / 2200, 2);
      expect(bars(regular)['bar-a-value']).toBeGreaterThan(0.5 * regular.width);
    }
  });

  it('prints the note only in its state, once', async () => {
    const text = (scene: { marks: { type: string; text?: string }[] }) =>
      scene.marks
        .filter((m) => m.type === 'text')
        .map((m) => m.text)
        .join(' ');
    const noted = await expectScenes(barKind, tour, 'noted', null);
    const largest = await expectScenes(barKind, tour, 'largest', null);
    for (const layout of ['compact', 'regular'] as const) {
      expect(text(noted[layout]).split('一期还是全部？')).toHaveLength(2);
      // No half-width space after the full-width question mark inside any label.
      expect(noted[layout].marks.filter((m) => m.type === 'text' && /？ /.test(m.text))).toEqual([]);
      expect(text(largest[layout])).not.toContain('一期还是全部？');
    }
  });
});
