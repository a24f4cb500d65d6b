import { describe, expect, it } from 'vitest';
import { checkGraphicWith, expectScenes } from '../test-helpers.ts';
import { waffleCounts } from './geometry.ts';
import { shareKind } from './index.ts';

const chains = {
  kind: 'share',
  title: '九大产业链占规上工业总产值的比重',
  whole: { indicator: 'industrial-output', period: 2024 },
  parts: [{ id: 'chains', value: { indicator: 'chains-output' }, share: { indicator: 'chains-share' } }],
  states: { whole: { parts: [] }, chains: {} },
};

const inside = {
  kind: 'share',
  title: '九大产业链产值构成',
  whole: { indicator: 'chains-output' },
  parts: [
    { id: 'aluminium', value: { indicator: 'aluminium-output' } },
    { id: 'corn', value: { indicator: 'corn-bio-output' } },
    { id: 'agrifood', value: { indicator: 'agrifood-output' } },
  ],
  rest: '其他产业链',
  states: { all: {}, corn: { highlight: ['corn'] }, first: { parts: ['aluminium'] } },
};

/** Without a whole: the parts are percentages as printed. */
const percent = {
  kind: 'share',
  title: '服务业在经济中的分量',
  wholeLabel: '地区生产总值',
  parts: [{ id: 'services', label: '服务业', value: { indicator: 'services-share', period: '2025Q1-Q3' } }],
  rest: '其他产业',
  states: { all: {}, none: { parts: [] } },
};

describe('waffleCounts()', () => {
  it.each([
    [[0.777], [78, 22]],
    [
      [0.5, 0.5],
      [50, 50, 0],
    ],
    [
      [0.333, 0.333, 0.333],
      [34, 33, 33, 0],
    ],
    [
      [0.757, 0.126, 0.083],
      [76, 13, 8, 3],
    ],
  ])('%j → %j', (fractions, counts) => {
    expect(waffleCounts(fractions)).toEqual(counts);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(100);
  });
});

describe('share check()', () => {
  it.each([chains, inside, percent, { ...percent, wholeLabel: undefined, display: 'waffle' }])('accepts $title', (spec) => {
    expect(checkGraphicWith(shareKind, spec)).toEqual([]);
  });
  it.each([
    [
      'parts larger than the whole',
      {
        ...inside,
        whole: { indicator: 'corn-bio-output' },
        parts: [
          { id: 'a', value: { indicator: 'agrifood-output' } },
          { id: 'b', value: { indicator: 'chains-output' } },
        ],
      },
      ['parts: the parts add up to more than the whole (166亿元); they must be disjoint pieces of it'],
    ],
    [
      'a printed share that contradicts the values',
      { ...chains, parts: [{ id: 'corn', value: { indicator: 'corn-bio-output' }, share: { indicator: 'chains-share' } }] },
      ['parts[0].share: the printed share 78% contradicts 166亿元 ÷ 1698亿元 (9.8%); check both figures'],
    ],
    [
      'a part in another period',
      { ...chains, whole: { indicator: 'industrial-output', period: 2020 }, parts: [{ id: 'c', value: { indicator: 'chains-output' } }] },
      [
        "parts[0].value: part 'c' is for 2024年 but the whole for 2020年; a share compares one period",
        'parts: the parts add up to more than the whole (1034亿元); they must be disjoint pieces of it',
      ],
    ],
    [
      'a part in another unit',
      { ...chains, parts: [{ id: 'c', value: { indicator: 'enterprises', period: 2024 } }] },
      [
        "parts[0].value: this chart mixes dimensions money (亿元) and count (户) ('industrial-output' and 'enterprises'); one chart shows one unit, so use separate charts",
      ],
    ],
    [
      'a share that is not a percentage',
      { ...chains, parts: [{ id: 'c', value: { indicator: 'chains-output' }, share: { indicator: 'gdp' } }] },
      ["parts[0].share: a share is in %, but 'gdp' is in 亿元"],
    ],
    [
      'a highlight of a hidden part',
      { ...inside, states: { s: { parts: ['corn'], highlight: ['aluminium'] } } },
      ["states.s.highlight[0]: part 'aluminium' is not shown in state 's'; add it to `parts`"],
    ],
    [
      'five parts',
      { ...inside, parts: [...inside.parts, { id: 'd', value: { indicator: 'gdp' } }, { id: 'e', value: { indicator: 'gdp' } }] },
      ['parts: at most 4 parts stay distinguishable; leave the smallest to the rest'],
    ],
    [
      'percentages of different wholes that add up to more than 100%',
      { ...percent, parts: [...percent.parts, { id: 'contribution', value: { indicator: 'services-contribution' } }] },
      [
        'parts: the parts add up to 115.8% (55.4% + 60.4%), more than 100%; parts of one whole cannot overlap — chart shares of different wholes separately',
      ],
    ],
    [
      'a part that is not a percentage, without a whole',
      { ...percent, parts: [{ id: 'gdp', value: { indicator: 'gdp' } }] },
      [
        "parts[0].value: without a `whole`, every part must be a percentage as printed, but 'gdp' is in 亿元; add the `whole` it is a part of",
      ],
    ],
    [
      'a growth rate as a share',
      { ...percent, parts: [{ id: 'g', value: { indicator: 'industrial-va-growth', period: 2024 } }] },
      [
        "parts[0].value: 'industrial-va-growth' 2024年 is a growth rate, not a share of a whole; a share chart draws parts of one hundred per cent",
      ],
    ],
    [
      'percentages of different periods',
      { ...percent, parts: [...percent.parts, { id: 'chains', value: { indicator: 'chains-share' } }] },
      ["parts[1].value: part 'chains' is for 2024年 but part 'services' for 2025年前三季度; a share compares one period"],
    ],
    [
      'a printed share on a part that is already one',
      { ...percent, parts: [{ ...percent.parts[0], share: { indicator: 'services-share' } }] },
      ['parts[0].share: without a `whole` the value is already the share; remove `share`'],
    ],
  ])('reports %s', (_, spec, messages) => {
    expect(checkGraphicWith(shareKind, spec)).toEqual(messages);
  });
});

describe('share geometry', () => {
  it.each([
    ['chains-bar', 'whole', chains],
    ['chains-bar', 'chains', chains],
    ['chains-waffle', 'chains', { ...chains, display: 'waffle' }],
    ['inside-bar', 'all', inside],
    ['inside-bar', 'corn', inside],
    ['inside-waffle', 'first', { ...inside, display: 'waffle' }],
    ['inside-waffle', 'all', { ...inside, display: 'waffle' }],
    ['percent-bar', 'all', percent],
    ['percent-waffle', 'all', { ...percent, display: 'waffle' }],
    ['percent-waffle', 'none', { ...percent, display: 'waffle' }],
    ['percent-nolabel-waffle', 'all', { ...percent, wholeLabel: undefined, display: 'waffle' }],
  ] as const)('%s, state %s: snapshot at both widths, no label overlaps', async (name, state, spec) => {
    await expectScenes(shareKind, spec, state, `__snapshots__/${name}-${state}`);
  });

  it('a waffle keeps its hundred squares in every state and recolours them', async () => {
    const whole = await expectScenes(shareKind, { ...chains, display: 'waffle' }, 'whole', null);
    const shown = await expectScenes(shareKind, { ...chains, display: 'waffle' }, 'chains', null);
    const cells = (s: typeof whole.compact) => s.marks.filter((m) => m.key.startsWith('cell-'));
    expect(cells(whole.compact)).toHaveLength(100);
    expect(cells(shown.compact).filter((m) => m.type === 'rect' && m.fill === '#1f5b99')).toHaveLength(78);
    expect(cells(whole.compact).filter((m) => m.type === 'rect' && m.fill === '#1f5b99')).toHaveLength(0);
  });

  it('without a whole, draws printed percentages out of a hundred: 55.4% fills 55 squares, an approximate 超50% fills 50', async () => {
    const waffle = await expectScenes(shareKind, { ...percent, display: 'waffle' }, 'all', null);
    const filled = (s: typeof waffle.compact) =>
      s.marks.filter((m) => m.key.startsWith('cell-') && m.type === 'rect' && m.fill === '#1f5b99');
    expect(filled(waffle.compact)).toHaveLength(55);
    expect(waffle.regular.marks.find((m) => m.key === 'whole')).toMatchObject({ text: '地区生产总值（整体）' });
    expect(waffle.regular.marks.find((m) => m.key === 'note')).toMatchObject({ text: '每格代表地区生产总值的百分之一' });
    const approx = await expectScenes(
      shareKind,
      { ...percent, display: 'waffle', parts: [{ id: 'p', label: '民间投资', value: { indicator: 'private-share' } }] },
      'all',
      null,
    );
    expect(filled(approx.compact)).toHaveLength(50);
    expect(approx.compact.marks.find((m) => m.key === 'legend-p')).toMatchObject({ text: '民间投资 超50%' });
  });

  it('without a whole, a stacked bar runs to 100% of the width', async () => {
    const bar = await expectScenes(shareKind, percent, 'all', null);
    const whole = bar.regular.marks.find((m) => m.key === 'whole-bar') as { width: number };
    const seg = bar.regular.marks.find((m) => m.key === 'segment-services') as { width: number };
    expect(seg.width / whole.width).toBeCloseTo(0.554, 6);
  });

  it('without a whole, the table and description give the printed shares only', async () => {
    const { fixtureData } = await import('../test-fixture.ts');
    const view = shareKind.view(shareKind.schema.parse(percent), 'all', fixtureData());
    expect(view.table).toEqual({ columns: ['部分', '占地区生产总值的比重'], rows: [{ header: '服务业', cells: ['55.4%'] }] });
    expect(view.description).toBe('堆积条形图：服务业在经济中的分量。服务业占地区生产总值的55.4%（2025年前三季度）。');
    expect(view.plotted.map((d) => d.id)).toEqual(['services-share']);
  });
});
