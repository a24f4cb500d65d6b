import { describe, expect, it } from 'vitest';
import { checkGraphicWith, expectScenes } from '../test-helpers.ts';
import { dumbbellKind } from './index.ts';
import { legendLabel } from './geometry.ts';

const goals = {
  kind: 'dumbbell',
  title: '增速：2024年实绩与2025年目标',
  rows: [
    { id: 'investment', result: { indicator: 'investment-growth', period: 2024, kind: 'growth' }, target: { indicator: 'investment-growth', period: 2025, kind: 'target' } },
    { id: 'budget', result: { indicator: 'budget-revenue-growth', period: 2024 }, target: { indicator: 'budget-revenue-growth', period: 2025 } },
    { id: 'industry', result: { indicator: 'industrial-va-growth', period: 2024 }, target: { indicator: 'industrial-va-growth', period: 2025, kind: 'target' } },
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
      { ...goals, rows: [{ id: 'x', result: { indicator: 'industrial-va-growth', period: 2020 }, target: { indicator: 'industrial-va-growth', period: 2024 } }] },
      ["rows[0].target: `target` must be a target value (kind: target), but 'industrial-va-growth' 2024 is growth"],
    ],
    [
      'a result that is a target',
      { ...goals, rows: [{ id: 'x', result: { indicator: 'retail-growth', period: 2025 }, target: { indicator: 'retail-growth', period: 2025 } }] },
      ["rows[0].result: `result` must be a realised value, but 'retail-growth' 2025 is a target"],
    ],
    [
      'rows of different units',
      { ...goals, rows: [...goals.rows, { id: 'output', result: { indicator: 'industrial-output', period: 2024 }, target: { indicator: 'key-projects-investment', period: 2025 } }] },
      [
        "rows[4].result: this chart mixes dimensions percent (%) and money (亿元) ('investment-growth' and 'industrial-output'); one chart shows one unit, so use separate charts",
        "rows[4].target: this chart mixes dimensions percent (%) and money (亿元) ('investment-growth' and 'key-projects-investment'); one chart shows one unit, so use separate charts",
      ],
    ],
    ['an unknown state mark', { ...goals, states: { s: { show: ['goal'] } } }, ['states.s.show[0]: Invalid option: expected one of "result"|"target"']],
  ])('reports %s', (_, spec, messages) => {
    expect(checkGraphicWith(dumbbellKind, spec)).toEqual(messages);
  });
});

describe('dumbbell geometry', () => {
  it.each(['targets', 'both', 'industry'])('state %s: snapshot at both widths, no label overlaps', async (state) => {
    await expectScenes(dumbbellKind, goals, state, `__snapshots__/goals-${state}`);
  });
  it('puts the larger value\'s label on the right and the smaller one\'s on the left', async () => {
    const scenes = await expectScenes(dumbbellKind, goals, 'both', null);
    const m = (key: string) => scenes.regular.marks.find((x) => x.key === key);
    expect(m('result-value-investment')).toMatchObject({ anchor: 'start', text: '20.8%' });
    expect(m('target-value-investment')).toMatchObject({ anchor: 'end', text: '目标15%' });
    expect(m('result-value-industry')).toMatchObject({ anchor: 'end' });
    expect(m('target-value-industry')).toMatchObject({ anchor: 'start' });
  });
});
