import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineChartKind, type ChartSpecBase, type ChartView } from './kind.ts';
import type { Scene, TextMark } from './scene.ts';
import { textBox, textOutside, textOverlaps, textWidth } from './text.ts';
import { fixtureData } from './test-fixture.ts';

const text = (key: string, x: number, y: number, t: string, anchor: TextMark['anchor'] = 'start'): TextMark => ({
  type: 'text',
  key,
  x,
  y,
  text: t,
  size: 10,
  fill: '#000',
  anchor,
});
const scene = (...marks: TextMark[]): Scene => ({ width: 100, height: 50, marks });

describe('text measurement', () => {
  it.each([
    ['Han characters are one em', '通辽', 20],
    ['digits are 0.6 em', '2024', 24],
    ['the middle dot is full width in CJK fonts', '·', 10],
    ['mixed', '超1500个', 10 + 24 + 10],
  ])('textWidth(): %s', (_, t, width) => {
    expect(textWidth(t, 10)).toBeCloseTo(width, 5);
  });

  it('textBox() anchors at start, middle and end, from the font box around the baseline', () => {
    expect(textBox(text('a', 50, 20, '通辽'))).toEqual({ x0: 50, y0: 20 - 11.6, x1: 70, y1: 20 + 2.9 });
    expect(textBox(text('a', 50, 20, '通辽', 'middle'))).toMatchObject({ x0: 40, x1: 60 });
    expect(textBox(text('a', 50, 20, '通辽', 'end'))).toMatchObject({ x0: 30, x1: 50 });
  });

  it.each([
    ['side by side', [text('a', 0, 20, '通辽'), text('b', 21, 20, '通辽')], []],
    ['on top of each other', [text('a', 0, 20, '通辽'), text('b', 10, 22, '市区')], [{ a: '通辽', b: '市区' }]],
    ['one line apart', [text('a', 0, 20, '通辽'), text('b', 0, 35, '市区')], []],
  ])('textOverlaps(): %s', (_, marks, overlaps) => {
    expect(textOverlaps(scene(...marks))).toEqual(overlaps);
  });

  it('textOutside() finds text that leaves the scene', () => {
    expect(textOutside(scene(text('a', 0, 20, '通辽'), text('b', 90, 20, '通辽'), text('c', 5, 5, '市区')))).toEqual(['通辽', '市区']);
  });
});

describe('defineChartKind()', () => {
  const Spec = z.strictObject({ kind: z.literal('fake'), title: z.string(), states: z.record(z.string(), z.strictObject({})) });
  const view = (layoutScene: Scene): ChartView => ({
    unit: '',
    scenes: { compact: layoutScene, regular: scene() },
    description: '',
    table: { columns: [], rows: [] },
    plotted: [],
  });
  const kind = (own: string[], drawn: Scene) =>
    defineChartKind<ChartSpecBase & z.infer<typeof Spec>>({
      kind: 'fake',
      schema: Spec,
      check: () => own.map((message) => ({ path: [], message })),
      view: () => view(drawn),
    });
  const spec = { kind: 'fake' as const, title: 't', states: { one: {} } };

  it('reports labels that overlap or do not fit, per state and layout', () => {
    const drawn = scene(text('a', 0, 20, '通辽'), text('b', 10, 22, '市区'), text('c', 95, 40, '开鲁'));
    expect(kind([], drawn).check(spec, fixtureData())).toEqual([
      {
        path: ['states', 'one'],
        message: 'labels "通辽" and "市区" overlap in the compact layout; shorten a label or highlight fewer items',
      },
      { path: ['states', 'one'], message: 'label "开鲁" does not fit in the compact layout; shorten it' },
    ]);
  });

  it('reports a chart too tall for a phone', () => {
    expect(kind([], { width: 300, height: 281, marks: [] }).check(spec, fixtureData())).toEqual([
      {
        path: [],
        message:
          'the chart is 281 units tall on phones, but at most 280 fit on screen beside the text; show fewer rows, shorten labels or split the chart',
      },
    ]);
    expect(kind([], { width: 300, height: 280, marks: [] }).check(spec, fixtureData())).toEqual([]);
  });

  it("reports the kind's own problems first and draws nothing while they stand", () => {
    const drawn = scene(text('a', 0, 20, '通辽'), text('b', 10, 22, '市区'));
    expect(kind(['unknown indicator'], drawn).check(spec, fixtureData())).toEqual([{ path: [], message: 'unknown indicator' }]);
  });
});
