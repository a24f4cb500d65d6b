import { describe, expect, it } from 'vitest';
import { checkGraphicWith, expectScenes } from '../test-helpers.ts';
import { funnelKind } from './index.ts';
import { funnelRuns } from './spec.ts';

const pipeline = {
  kind: 'funnel',
  title: '招商引资的环节',
  stages: [
    { id: 'trips', value: { indicator: 'attraction-trips' } },
    { id: 'firms', value: { indicator: 'firms-contacted' } },
    { id: 'talks', value: { indicator: 'projects-negotiated' } },
    { id: 'signed', value: { indicator: 'projects-signed' } },
    { id: 'amount', value: { indicator: 'signed-amount' } },
  ],
  states: { start: { stages: ['trips', 'firms'] }, all: { highlight: ['signed'] } },
};

const projects = {
  kind: 'funnel',
  title: '项目',
  proportional: true,
  stages: [
    { id: 'talks', value: { indicator: 'projects-negotiated' } },
    { id: 'signed', value: { indicator: 'projects-signed' } },
  ],
  states: { all: {} },
};

describe('funnelRuns()', () => {
  const v = (value: number, unit: string) => ({ value, unit });
  it.each([
    [
      'single stages get no bar',
      [v(5, '次'), v(8, '家')],
      false,
      [
        { run: 0, fraction: null },
        { run: 1, fraction: null },
      ],
    ],
    [
      'a run of one unit shares a scale',
      [v(5, '次'), v(80, '个'), v(20, '个')],
      false,
      [
        { run: 0, fraction: null },
        { run: 1, fraction: 1 },
        { run: 1, fraction: 0.25 },
      ],
    ],
    [
      'proportional puts all on one scale',
      [v(100, '个'), v(50, '个')],
      true,
      [
        { run: 0, fraction: 1 },
        { run: 0, fraction: 0.5 },
      ],
    ],
    [
      'runs are consecutive only',
      [v(10, '个'), v(5, '家'), v(10, '个')],
      false,
      [
        { run: 0, fraction: null },
        { run: 1, fraction: null },
        { run: 2, fraction: null },
      ],
    ],
  ])('%s', (_, values, proportional, expected) => {
    expect(funnelRuns(values, proportional)).toEqual(expected);
  });
});

describe('funnel check()', () => {
  it.each([pipeline, projects])('accepts $title', (spec) => {
    expect(checkGraphicWith(funnelKind, spec)).toEqual([]);
  });
  it.each([
    [
      'a proportional funnel across units',
      { ...pipeline, proportional: true },
      [
        'proportional: a proportional funnel compares every stage by length, but the stages are counted in different units: 次 (trips), 家 (firms), 个 (talks), 个 (signed), 亿元 (amount); remove `proportional` to draw a sequence where lengths compare only within one unit',
      ],
    ],
    [
      'a stage of another period',
      { ...pipeline, stages: [...pipeline.stages, { id: 'y2024', value: { indicator: 'projects-signed-2024' } }] },
      ["stages[5].value: stage 'y2024' covers 2024年, but 'trips' covers 2021年以来; a pipeline compares stages of one period"],
    ],
    ['one stage', { ...projects, stages: [projects.stages[0]] }, ['stages: a funnel needs at least two stages']],
    [
      'an unknown stage in a state',
      { ...pipeline, states: { s: { stages: ['trip'] } } },
      ["states.s.stages[0]: unknown stage 'trip'; did you mean 'trips'? (the chart defines: trips, firms, talks, signed, amount)"],
    ],
  ])('reports %s', (_, spec, messages) => {
    expect(checkGraphicWith(funnelKind, spec)).toEqual(messages);
  });
});

describe('funnel geometry', () => {
  it.each([
    ['pipeline', 'start', pipeline],
    ['pipeline', 'all', pipeline],
    ['projects', 'all', projects],
  ] as const)('%s, state %s: snapshot at both widths, no label overlaps', async (name, state, spec) => {
    await expectScenes(funnelKind, spec, state, `__snapshots__/${name}-${state}`);
  });

  it('draws bars only for stages of one unit, and says so', async () => {
    const scenes = await expectScenes(funnelKind, pipeline, 'all', null);
    const bars = scenes.compact.marks.filter((m) => m.key.startsWith('bar-')).map((m) => m.key);
    expect(bars).toEqual(['bar-talks', 'bar-signed']);
    expect(scenes.compact.marks.find((m) => m.key === 'note')).toMatchObject({ text: '条形长度只在同一单位的相邻环节间可比' });
    const proportional = await expectScenes(funnelKind, projects, 'all', null);
    expect(proportional.compact.marks.find((m) => m.key === 'note')).toBeUndefined();
  });
});
