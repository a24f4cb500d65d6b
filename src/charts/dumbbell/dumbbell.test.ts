import { describe, expect, it } from 'vitest';
import { checkGraphicWith, expectScenes } from '../test-helpers.ts';
import { dumbbellKind } from './index.ts';
import { legendLabel } from './geometry.ts';
import { intersects, textBox } from '../text.ts';

const goals = {
  kind: 'dumbbell',
  title: '增速：2024年实绩与2025年目标',
  rows: [
    {
      id: 'investment',
      result: { indicator: 'investment-growth', period: 2024, kind: 'growth' },
      target: { indicator: 'investment-growth', period: 2025, kind: 'target' },
    },
    {
      id: 'budget',
      result: { indicator: 'budget-revenue-growth', period: 2024 },
      target: { indicator: 'budget-revenue-growth', period: 2025 },
    },
    {
      id: 'industry',
      result: { indicator: 'industrial-va-growth', period: 2024 },
      target: { indicator: 'industrial-va-growth', period: 2025, kind: 'target' },
    },
    { id: 'retail', result: { indicator: 'retail-growth', period: 2024 }, target: { indicator: 'retail-growth', period: 2025 } },
  ],
  states: { targets: { show: ['target'] }, both: {}, industry: { highlight: ['industry'] } },
};

describe('legendLabel()', () => {
  it.each([
    [['2024年', '2024年'], '实际（2024年）'],
    [['2024年', '2025年一季度'], '实际'],
  ])('%j → %s', (periods, expected) => {
    expect(legendLabel('实际', periods)).toBe(expected);
  });
});

describe('dumbbell check()', () => {
  it('accepts a valid definition', () => {
    expect(checkGraphicWith(dumbbellKind, goals)).toEqual([]);
  });
  it.each([
    [
      'a target that is not a target',
      {
        ...goals,
        rows: [
          {
            id: 'x',
            result: { indicator: 'industrial-va-growth', period: 2020 },
            target: { indicator: 'industrial-va-growth', period: 2024 },
          },
        ],
      },
      ["rows[0].target: `target` must be a target value (kind: target), but 'industrial-va-growth' 2024 is growth"],
    ],
    [
      'a result that is a target',
      {
        ...goals,
        rows: [{ id: 'x', result: { indicator: 'retail-growth', period: 2025 }, target: { indicator: 'retail-growth', period: 2025 } }],
      },
      ["rows[0].result: `result` must be a realised value, but 'retail-growth' 2025 is a target"],
    ],
    [
      'rows of different units',
      {
        ...goals,
        rows: [
          ...goals.rows,
          {
            id: 'output',
            result: { indicator: 'industrial-output', period: 2024 },
            target: { indicator: 'key-projects-investment', period: 2025 },
          },
        ],
      },
      [
        "rows[4].result: this chart mixes dimensions percent (%) and money (亿元) ('investment-growth' and 'industrial-output'); one chart shows one unit, so use separate charts",
        "rows[4].target: this chart mixes dimensions percent (%) and money (亿元) ('investment-growth' and 'key-projects-investment'); one chart shows one unit, so use separate charts",
      ],
    ],
    ['an unknown state mark', { ...goals, states: { s: { show: ['goal'] } } }, ['states.s.show[0]: the value cannot be the text "goal"']],
  ])('reports %s', (_, spec, messages) => {
    expect(checkGraphicWith(dumbbellKind, spec)).toEqual(messages);
  });
});

describe('dumbbell geometry', () => {
  it.each(['targets', 'both', 'industry'])('state %s: snapshot at both widths, no label overlaps', async (state) => {
    await expectScenes(dumbbellKind, goals, state, `__snapshots__/goals-${state}`);
  });
  it("puts the larger value's label on the right and the smaller one's on the left", async () => {
    const scenes = await expectScenes(dumbbellKind, goals, 'both', null);
    const m = (key: string) => scenes.regular.marks.find((x) => x.key === key);
    expect(m('result-value-investment')).toMatchObject({ anchor: 'start', text: '20.8%' });
    expect(m('target-value-investment')).toMatchObject({ anchor: 'end', text: '目标15%' });
    expect(m('result-value-industry')).toMatchObject({ anchor: 'end' });
    expect(m('target-value-industry')).toMatchObject({ anchor: 'start' });
  });
});

describe('dumbbell on a phone', () => {
  type AnyMark = { key: string; type: string; cx?: number; cy?: number; r?: number; x1?: number; fill?: string };
  const box = (m: AnyMark) => ({
    x0: (m.cx as number) - (m.r as number),
    y0: (m.cy as number) - (m.r as number),
    x1: (m.cx as number) + (m.r as number),
    y1: (m.cy as number) + (m.r as number),
  });

  it.each(['targets', 'both', 'industry'])(
    'state %s: the value axis takes most of the width and no value label touches a dot',
    async (state) => {
      const scenes = await expectScenes(dumbbellKind, goals, state, null);
      const compact = scenes.compact;
      const marks = compact.marks as unknown as AnyMark[];
      const zero = marks.find((m) => m.key === 'grid-0') as AnyMark;
      const dots = marks.filter((m) => m.type === 'circle' && !m.key.startsWith('legend'));
      const far = Math.max(...dots.map((d) => d.cx as number));
      // Values up to about 21% (the 'targets' state shows up to 15%): the largest sits at least 80% of the width from zero.
      expect(far - (zero.x1 as number)).toBeGreaterThan((state === 'targets' ? 0.55 : 0.8) * compact.width);
      for (const layout of ['compact', 'regular'] as const) {
        const ms = scenes[layout].marks;
        const texts = ms.filter((m) => m.type === 'text').map((m) => ({ text: (m as { text: string }).text, b: textBox(m as never) }));
        const circles = (ms as unknown as AnyMark[]).filter((m) => m.type === 'circle').map(box);
        for (const t of texts) for (const c of circles) expect(intersects(t.b, c), `${layout}: "${t.text}" over a dot`).toBe(false);
      }
    },
  );

  it("keeps a highlighted result in the legend's colour", async () => {
    const scenes = await expectScenes(dumbbellKind, goals, 'industry', null);
    for (const scene of [scenes.compact, scenes.regular]) {
      const fill = (key: string) => (scene.marks.find((m) => m.key === key) as { fill: string }).fill;
      expect(fill('result-industry')).toBe(fill('legend-result'));
      expect(fill('result-budget')).toBe(fill('legend-result'));
    }
  });

  it("keeps a one-row chart's label and values clear of the zero line", async () => {
    const one = { ...goals, rows: [goals.rows[3]], states: { both: {} } };
    const scenes = await expectScenes(dumbbellKind, one, 'both', null);
    for (const scene of [scenes.compact, scenes.regular]) {
      const zero = (scene.marks.find((m) => m.key === 'grid-0') as { x1: number }).x1;
      for (const m of scene.marks.filter((x) => x.key.includes('-value-') || x.key.startsWith('label-'))) {
        const b = textBox(m as never);
        expect(b.x0 > zero + 1 || b.x1 < zero - 1, (m as { text: string }).text).toBe(true);
      }
    }
  });
});
