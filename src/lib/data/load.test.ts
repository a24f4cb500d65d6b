import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASET_PATH, DatasetError, parseDataset } from './load.ts';

/** A small valid dataset; each broken fixture below is one edit of it. */
function minimal() {
  return {
    id: 'fixture',
    title: '测试数据集',
    version: '1.0.0',
    released: '2026-01-01',
    description: '测试',
    license: 'CC BY 4.0',
    sources: [
      {
        id: 'goals-2025',
        headline: '标题',
        byline: [],
        file: '004_f80d7eaeb07b7d9b.txt',
        lines: [1, 92],
        date: '2025-03',
        dateNote: '推断',
        sections: [{ id: 's1', title: '一节', line: 19 }],
      },
    ],
    regions: [
      { id: '150581', code: '150581', name: '霍林郭勒市', short: '霍林郭勒市', nameEn: 'Holingol City', type: '县级市', seat: { name: '市区', lon: 119.66, lat: 45.53 } },
    ],
    indicators: [
      {
        id: 'gdp',
        label: '地区生产总值',
        unit: '亿元',
        scope: 'city',
        topic: 'economy',
        observations: [{ period: '2024', value: 1686, kind: 'actual', cite: [{ source: 'goals-2025', section: 's1', printed: '1686亿元' }] }],
      },
    ],
  };
}

type Fixture = ReturnType<typeof minimal> & Record<string, unknown>;

function problemsOf(edit: (d: Fixture) => void): string {
  const d = minimal() as Fixture;
  edit(d);
  try {
    parseDataset(JSON.stringify(d, null, 2), 'fixture.json');
  } catch (e) {
    if (e instanceof DatasetError) return e.message;
    throw e;
  }
  throw new Error('expected the fixture to be rejected');
}

describe('parseDataset()', () => {
  it('accepts the real dataset', () => {
    const ds = parseDataset(readFileSync(DATASET_PATH, 'utf8'));
    expect(ds.indicators.length).toBeGreaterThan(0);
  });

  it('accepts the minimal fixture', () => {
    expect(parseDataset(JSON.stringify(minimal())).id).toBe('fixture');
  });

  it('reports JSON syntax errors with a line', () => {
    expect(() => parseDataset('{\n  "id": "x",\n  oops\n}', 'bad.json')).toThrowErrorMatchingInlineSnapshot(`
      [DatasetError: The dataset has 3 problems:
        bad.json:3  (root): JSON syntax: InvalidSymbol
        bad.json:4  (root): JSON syntax: PropertyNameExpected
        bad.json:4  (root): JSON syntax: ValueExpected]
    `);
  });

  it.each<[string, (d: Fixture) => void, string]>([
    ['a missing field', (d) => delete (d.indicators[0] as Partial<Fixture['indicators'][0]>).unit,
      'fixture.json:45  indicators[0].unit: the field is missing; add it: the full list is in src/lib/data/units.ts'],
    ['an unknown unit', (d) => ((d.indicators[0] as { unit: string }).unit = '亿圆'),
      'fixture.json:48  indicators[0].unit: the value cannot be the text "亿圆"; did you mean "亿元" or "亿支" or "亿斤"? the full list is in src/lib/data/units.ts'],
    ['a misspelt field', (d) => ((d.indicators[0] as Record<string, unknown>)['lable'] = 'x'),
      'fixture.json:65  indicators[0]: unknown field "lable"; check the spelling (see src/lib/data/schema.ts)'],
    ['a bad period', (d) => (d.indicators[0]!.observations[0]!.period = '2024年'),
      'fixture.json:53  indicators[0].observations[0].period: not a period; use e.g. 2024, 2025Q1'],
    ['a bad semver', (d) => (d.version = 'v1'),
      'fixture.json:4  version: version must be semver, e.g. 1.2.0'],
    ['an empty series', (d) => (d.indicators[0]!.observations = []),
      'fixture.json:51  indicators[0].observations: an indicator needs at least one observation'],
    ['a duplicate id', (d) => d.indicators.push(structuredClone(d.indicators[0]!)),
      'indicators[1].id: duplicate id "gdp" (first used at indicators[0])'],
    ['an unknown source', (d) => (d.indicators[0]!.observations[0]!.cite[0]!.source = 'goals-2052'),
      'indicators[0].observations[0].cite[0].source: unknown source "goals-2052"; known: goals-2025'],
    ['an unknown section', (d) => (d.indicators[0]!.observations[0]!.cite[0]!.section = 's9'),
      'indicators[0].observations[0].cite[0].section: source "goals-2025" has no section "s9"; its sections: s1'],
    ['an unknown region scope', (d) => (d.indicators[0]!.scope = '150599'),
      'indicators[0].scope: unknown region "150599"; known: city, 150581'],
    ['a value that is not the printed figure', (d) => (d.indicators[0]!.observations[0]!.value = 1668),
      'indicators[0].observations[0].cite[0].printed: value 1668 does not appear in the printed figure "1686亿元"'],
    ['a printed figure in another unit', (d) => (d.indicators[0]!.observations[0]!.cite[0]!.printed = '1686万元'),
      'the printed figure "1686万元" does not show the unit 亿元'],
    ['a growth value in a level unit', (d) => (d.indicators[0]!.observations[0]!.kind = 'growth'),
      'indicators[0].observations[0].kind: a growth value needs the unit %, 个百分点 or 倍, but indicator "gdp" is in 亿元'],
    ['two values for one period', (d) => d.indicators[0]!.observations.push(structuredClone(d.indicators[0]!.observations[0]!)),
      'indicator "gdp" has two actual values for period 2024 (observations 0 and 1); merge their citations into one observation'],
    ['both a value and a range', (d) => ((d.indicators[0]!.observations[0]! as Record<string, unknown>)['range'] = { low: 1, high: 2 }),
      'give exactly one of "value" (a number) or "range"'],
    ['a range whose upper end is not printed', (d) => {
      const o = d.indicators[0]!.observations[0]! as Record<string, unknown>;
      delete o['value'];
      o['range'] = { low: 1686, high: 1700 };
    }, 'the upper end 1700 does not appear in the printed figure "1686亿元"'],
    ['an unknown kind', (d) => ((d.indicators[0]!.observations[0]! as Record<string, unknown>)['kind'] = 'expected'),
      'kind: the value cannot be the text "expected"; use one of: actual, target, forecast, growth'],
    ['an erratum linking a value that does not exist', (d) => {
      d['errata'] = [{ id: 'e', source: 'goals-2025', kind: 'inconsistency', printed: 'x', resolution: 'kept', note: 'n', affects: ['gdp'], values: [{ indicator: 'gdp', period: '2023' }] }];
    }, 'indicator "gdp" has no value for 2023'],
    ['a long locator', (d) => (d.indicators[0]!.observations[0]!.cite[0]!.printed = '2024年全市地区生产总值达到1686亿元，同比增长了不少，创下了有统计以来历史新高的一份好成绩'),
      'keep locators short: the figure as printed, not the sentence'],
  ])('rejects %s', (_name, edit, message) => {
    expect(problemsOf(edit)).toContain(message);
  });

  it('lists every problem at once', () => {
    const msg = problemsOf((d) => {
      d.version = 'x';
      d.indicators[0]!.scope = 'nowhere';
    });
    // A shape error does not hide a reference error elsewhere (issue 15): both are listed.
    expect(msg).toMatch(/^The dataset has 2 problems/);
    expect(msg).toContain('version: version must be semver');
    expect(msg).toContain('indicators[0].scope: unknown region "nowhere"');
    const msg2 = problemsOf((d) => {
      d.indicators[0]!.scope = 'nowhere';
      d.indicators[0]!.observations[0]!.cite[0]!.source = 'nope';
    });
    expect(msg2).toMatch(/^The dataset has 2 problems/);
  });
});
