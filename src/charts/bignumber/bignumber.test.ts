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
  id: 'x',
  label: 'x',
  name: 'x',
  value: 5.1,
  unit: '%',
  period: '2024',
  periodLabel: '2024年',
  x: 2024.5,
  kind: 'growth',
  basis: 'yoy',
  text: '5.1%',
  cite: [],
  ...over,
});

describe('comparisonText()', () => {
  it.each([
    ['a rise', datum({}), '同比增长5.1%'],
    ['a fall prints the size of the fall', datum({ value: -1.2, text: '\u22121.2%' }), '同比下降1.2%'],
    [
      'an annual average over other years',
      datum({ basis: 'annual-avg', period: '2021/2024', periodLabel: '2021—2024年', value: 13.2, text: '13.2%' }),
      '2021—2024年年均增长13.2%',
    ],
    [
      'a change against a baseline',
      datum({ basis: 'change', baseline: '2020', unit: '亿元', value: 664, text: '664亿元' }),
      '比2020年增加664亿元',
    ],
    [
      'a growth target',
      datum({ kind: 'target', period: '2025', periodLabel: '2025年', value: 6, text: '6%以上' }),
      '2025年目标：同比增长6%以上',
    ],
    [
      'a level target',
      datum({ kind: 'target', basis: undefined, periodLabel: '2025年', unit: '亿元', value: 600, text: '600亿元' }),
      '2025年目标：600亿元',
    ],
    [
      'the level in another period',
      datum({ kind: 'actual', basis: undefined, periodLabel: '2020年', unit: '亿元', value: 1034, text: '1034亿元' }),
      '2020年：1034亿元',
    ],
  ])('%s', (_, d, expected) => {
    expect(comparisonText(d, '2024', (p) => `${p}年`)).toBe(expected);
  });
  it.each([
    ['a level', datum({ kind: 'actual', basis: undefined, periodLabel: '2022年11月', value: 96, text: '96%' }), '三年前', '三年前：96%'],
    [
      "a level, with the editor's own colon",
      datum({ kind: 'actual', basis: undefined, value: 96, text: '96%' }),
      '上次检查时，',
      '上次检查时，96%',
    ],
    ['a target', datum({ kind: 'target', value: 6, text: '6%以上' }), '今年的目标', '今年的目标：6%以上'],
    ['a fall keeps its direction', datum({ value: -1.2, text: '\u22121.2%' }), '与上年相比', '与上年相比下降1.2%'],
  ])('compareLabel replaces the automatic words: %s', (_, d, lead, expected) => {
    expect(comparisonText(d, '2024', (p) => `${p}年`, lead)).toBe(expected);
  });
});

describe('bignumber check()', () => {
  it('accepts a valid card', () => {
    expect(checkGraphicWith(bigNumberKind, card)).toEqual([]);
  });
  it.each([
    [
      'an unknown indicator',
      { ...card, value: { indicator: 'gpd', period: 2024 } },
      ["value.indicator: unknown indicator 'gpd'; did you mean 'gdp'?"],
    ],
    [
      'a period the indicator lacks',
      { ...card, value: { indicator: 'gdp', period: 2023 } },
      ["value.period: indicator 'gdp' has no value for period 2023; it has: 2024 (actual)"],
    ],
    [
      'an ambiguous reference',
      { ...card, value: { indicator: 'industrial-output' } },
      ["value: indicator 'industrial-output' has 2 values here; add period (and kind) to choose one: 2024 (actual), 2020 (actual)"],
    ],
    ['an unknown project', { ...card, value: { project: 'longm' } }, ["value.project: unknown project 'longm'; did you mean 'longma'?"]],
    [
      'a project without investment',
      { ...card, value: { project: 'no-money' } },
      ["value.project: project 'no-money' has no investment figure in the dataset; choose a project that has one"],
    ],
    [
      'both an indicator and a project',
      { ...card, value: { project: 'longma', indicator: 'gdp' } },
      ['value: name exactly one of "indicator" (with period/kind) or "project"'],
    ],
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
    [
      'digits in the suffix',
      { ...card, suffix: '7%' },
      ['suffix: the suffix must not contain digits: it qualifies the figure, which comes from the data'],
    ],
    [
      'a suffix the article did not print',
      { ...card, value: { indicator: 'industrial-va-growth', period: 2025, kind: 'target' }, compare: undefined, suffix: '以上' },
      ['suffix: "以上" does not occur in the figure as printed ("增长7%左右"); the suffix must repeat the article\'s own qualifier'],
    ],
    [
      'a suffix on a figure the dataset already qualifies',
      { ...card, value: { indicator: 'hotline-rates' }, compare: undefined, suffix: '以上' },
      ['suffix: the figure is already printed as "95%以上" from the dataset; remove `suffix`'],
    ],
    [
      'a compareLabel without a comparison',
      { ...card, compare: undefined, compareLabel: '三年前', states: { s: {} } },
      ['compareLabel: the card has no `compare`, so `compareLabel` has nothing to label; add a comparison or remove it'],
    ],
  ])('reports %s', (_, spec, messages) => {
    expect(checkGraphicWith(bigNumberKind, spec)).toEqual(messages);
  });
});

describe('bignumber geometry', () => {
  const texts = (scene: { marks: { type: string; key: string }[] }) =>
    Object.fromEntries(scene.marks.filter((m) => m.type === 'text').map((m) => [m.key, (m as unknown as { text: string }).text]));

  it('prints a trailing qualifier after the unit, as printed: 95%以上', async () => {
    const spec = { kind: 'bignumber', title: '热线', value: { indicator: 'hotline-rates', period: 2024 }, states: { all: {} } };
    expect(checkGraphicWith(bigNumberKind, spec)).toEqual([]);
    const scenes = await expectScenes(bigNumberKind, spec, 'all', '__snapshots__/hotline-all');
    expect(texts(scenes.compact)).toMatchObject({ value: '95', unit: '%以上' });
    const view = bigNumberKind.view(bigNumberKind.schema.parse(spec), 'all', (await import('../test-fixture.ts')).fixtureData());
    expect(view.table.rows[0]?.cells).toEqual(['2024年', '95%以上']);
  });

  it("prints the editor's suffix from the printed figure, and a compareLabel", async () => {
    const spec = {
      kind: 'bignumber',
      title: '增速目标',
      value: { indicator: 'industrial-va-growth', period: 2025, kind: 'target' },
      suffix: '左右',
      compare: { indicator: 'industrial-va-growth', period: 2024 },
      compareLabel: '上年实绩',
      states: { all: {} },
    };
    expect(checkGraphicWith(bigNumberKind, spec)).toEqual([]);
    const scenes = await expectScenes(bigNumberKind, spec, 'all', '__snapshots__/suffix-all');
    expect(texts(scenes.regular)).toMatchObject({ value: '7', unit: '%左右', comparison: '上年实绩增长5.1%' });
  });

  it("labels a comparison with the editor's words, keeping the figure from the data", async () => {
    const spec = {
      kind: 'bignumber',
      title: '办结率',
      value: { indicator: 'prep-rate', period: 'current' },
      compare: { indicator: 'prep-rate', period: '2022-11' },
      compareLabel: '三年前',
      states: { all: {} },
    };
    expect(checkGraphicWith(bigNumberKind, spec)).toEqual([]);
    const scenes = await expectScenes(bigNumberKind, spec, 'all', '__snapshots__/prep-all');
    expect(texts(scenes.compact)).toMatchObject({ value: '95', unit: '%以上', comparison: '三年前：96%' });
  });

  it.each(['value', 'target'])('state %s: snapshot at both widths', async (state) => {
    await expectScenes(bigNumberKind, card, state, `__snapshots__/gdp-${state}`);
  });
  it('prints approximate figures as the dataset has them', async () => {
    const scenes = await expectScenes(
      bigNumberKind,
      { ...card, value: { indicator: 'attraction-trips' }, compare: undefined, states: { all: {} } },
      'all',
      '__snapshots__/trips-all',
    );
    expect(scenes.compact.marks.filter((m) => m.type === 'text').map((m) => m.type === 'text' && m.text)).toEqual([
      '外出招商（2021年以来）',
      '近5000',
      '次',
    ]);
  });
});
