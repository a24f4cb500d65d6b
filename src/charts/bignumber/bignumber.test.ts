import { describe, expect, it } from 'vitest';
import { checkGraphicWith, expectScenes } from '../test-helpers.ts';
import type { Datum } from '../data.ts';
import { bigNumberKind } from './index.ts';
import { comparisonText } from './spec.ts';

const card = {
  kind: 'bignumber',
  title: '经济总量',
  value: { indicator: 'gdp', period: 2024 },
  compare: { indicator: 'gdp-growth', period: 2025, kind: 'target' },
  states: { value: { comparison: false }, target: {} },
};

const datum = (over: Partial<Datum>): Datum => ({
  id: 'x', label: 'x', name: 'x', value: 5.1, unit: '%', period: '2024', periodLabel: '2024年', x: 2024.5, kind: 'growth', basis: 'yoy', text: '5.1%', cite: [], ...over,
});

describe('comparisonText()', () => {
  it.each([
    ['a rise', datum({}), '同比增长5.1%'],
    ['a fall prints the size of the fall', datum({ value: -1.2, text: '\u22121.2%' }), '同比下降1.2%'],
    ['an annual average over other years', datum({ basis: 'annual-avg', period: '2021/2024', periodLabel: '2021—2024年', value: 13.2, text: '13.2%' }), '2021—2024年年均增长13.2%'],
    ['a change against a baseline', datum({ basis: 'change', baseline: '2020', unit: '亿元', value: 664, text: '664亿元' }), '比2020年增加664亿元'],
    ['a growth target', datum({ kind: 'target', period: '2025', periodLabel: '2025年', value: 6, text: '6%以上' }), '2025年目标：同比增长6%以上'],
    ['a level target', datum({ kind: 'target', basis: undefined, periodLabel: '2025年', unit: '亿元', value: 600, text: '600亿元' }), '2025年目标：600亿元'],
    ['the level in another period', datum({ kind: 'actual', basis: undefined, periodLabel: '2020年', unit: '亿元', value: 1034, text: '1034亿元' }), '2020年：1034亿元'],
  ])('%s', (_, d, expected) => {
    expect(comparisonText(d, '2024', (p) => `${p}年`)).toBe(expected);
  });
});

describe('bignumber check()', () => {
  it('accepts a valid card', () => {
    expect(checkGraphicWith(bigNumberKind, card)).toEqual([]);
  });
  it.each([
    ['an unknown indicator', { ...card, value: { indicator: 'gpd', period: 2024 } }, ["value.indicator: unknown indicator 'gpd'; did you mean 'gdp'?"]],
    ['a period the indicator lacks', { ...card, value: { indicator: 'gdp', period: 2023 } }, ["value.period: indicator 'gdp' has no value for period 2023; it has: 2024 (actual)"]],
    [
      'an ambiguous reference',
      { ...card, value: { indicator: 'industrial-output' } },
      ["value: indicator 'industrial-output' has 2 values here; add period (and kind) to choose one: 2024 (actual), 2020 (actual)"],
    ],
    ['an unknown project', { ...card, value: { project: 'longm' } }, ["value.project: unknown project 'longm'; did you mean 'longma'?"]],
    ['a project without investment', { ...card, value: { project: 'no-money' } }, ["value.project: project 'no-money' has no investment figure in the dataset; choose a project that has one"]],
    ['both an indicator and a project', { ...card, value: { project: 'longma', indicator: 'gdp' } }, ['value: name exactly one of "indicator" (with period/kind) or "project"']],
    [
      'a comparison in another unit',
      { ...card, compare: { indicator: 'enterprises', period: 2020 } },
      ['compare: the comparison is in 户 but the figure in 亿元; compare a level with the same level, or with a growth rate or target'],
    ],
    [
      'a comparison state without a comparison',
      { ...card, compare: undefined, states: { s: { comparison: true } } },
      ['states.s.comparison: this state shows a comparison, but the card has no `compare`; add one or remove `comparison: true`'],
    ],
    ['digits in the label', { ...card, label: '2024年GDP' }, ['label: the label must not contain digits']],
  ])('reports %s', (_, spec, messages) => {
    expect(checkGraphicWith(bigNumberKind, spec)).toEqual(messages);
  });
});

describe('bignumber geometry', () => {
  it.each(['value', 'target'])('state %s: snapshot at both widths', async (state) => {
    await expectScenes(bigNumberKind, card, state, `__snapshots__/gdp-${state}`);
  });
  it('prints approximate figures as the dataset has them', async () => {
    const scenes = await expectScenes(bigNumberKind, { ...card, value: { indicator: 'attraction-trips' }, compare: undefined, states: { all: {} } }, 'all', '__snapshots__/trips-all');
    expect(scenes.compact.marks.filter((m) => m.type === 'text').map((m) => m.type === 'text' && m.text)).toEqual(['外出招商 · 2021年以来', '近5000', '次']);
  });
});
