/**
 * A small dataset for the chart kit's unit tests, shaped like data/tongliao.json (figures taken
 * from the articles; citations abbreviated). Tests must not depend on the real dataset, which grows.
 */
import { DataIndex } from '../lib/data/index.ts';
import { testDataset } from '../lib/data/test-dataset.ts';

const cite = (source: string, printed: string) => [{ source, section: 's1', printed }];

type Obs = { period: string; value: number; kind: 'actual' | 'target' | 'growth'; approx?: string; basis?: string; cite: unknown[] };
const ind = (id: string, label: string, unit: string, observations: Obs[], short?: string) => ({
  id,
  label,
  unit,
  scope: 'city',
  topic: 'industry',
  observations,
  ...(short ? { short } : {}),
});
const growth = (period: string, value: number, source = 'industry-2025', basis = 'yoy'): Obs => ({
  period,
  value,
  kind: 'growth',
  basis,
  cite: cite(source, `${value}%`),
});
const actual = (period: string, value: number, printed: string, source = 'industry-2025', approx?: string): Obs => ({
  period,
  value,
  kind: 'actual',
  ...(approx ? { approx } : {}),
  cite: cite(source, printed),
});

const target = (period: string, value: number, printed: string, approx?: string, basis?: string): Obs => ({
  period,
  value,
  kind: 'target',
  ...(approx ? { approx } : {}),
  ...(basis ? { basis } : {}),
  cite: cite('goals-2025', printed),
});

const fixture = testDataset(['goals-2025', 'industry-2025'], {
  regions: [
    {
      id: '150502',
      code: '150502',
      name: '科尔沁区',
      short: '科尔沁区',
      nameEn: 'Horqin',
      type: '区',
      seat: { name: 's', lon: 122.26, lat: 43.62 },
    },
  ],
  indicators: [
    ind('industrial-va-growth', '规上工业增加值增速', '%', [
      growth('2020', -1.2),
      growth('2021', 6.8),
      growth('2022', 3.1),
      growth('2023', 4.4),
      growth('2024', 5.1),
      growth('2025Q1', 8.4),
      { period: '2025', value: 7, kind: 'target', basis: 'yoy', cite: cite('goals-2025', '增长7%左右') },
    ]),
    ind('gdp', '地区生产总值', '亿元', [actual('2024', 1686, '1686亿元', 'goals-2025')]),
    ind('gdp-growth', '地区生产总值增速', '%', [
      { period: '2025', value: 6, kind: 'target', approx: 'at-least', basis: 'yoy', cite: cite('goals-2025', '6%以上') },
    ]),
    ind(
      'investment-growth',
      '固定资产投资增速',
      '%',
      [growth('2024', 20.8, 'goals-2025'), { period: '2025', value: 15, kind: 'target', basis: 'yoy', cite: cite('goals-2025', '15%') }],
      '固投增速',
    ),
    ind('services-va-growth', '服务业增加值增速', '%', [growth('2024Q1-Q3', 2.2, 'goals-2025'), growth('2025Q1-Q3', 5)]),
    ind('hotline-rates', '12345热线“四率”', '%', [actual('2024', 95, '95%以上', 'goals-2025', 'at-least')]),
    ind('prep-rate', '重点项目前期手续办结率', '%', [
      actual('2022-11', 96, '办结率96%', 'goals-2025'),
      actual('current', 95, '办结率达95%以上', 'industry-2025', 'at-least'),
    ]),
    ind('services-share', '服务业增加值占地区生产总值比重', '%', [actual('2025Q1-Q3', 55.4, '55.4%')], '服务业占比'),
    ind('services-contribution', '服务业对经济增长贡献率', '%', [actual('2025Q1-Q3', 60.4, '高达60.4%')]),
    ind('private-share', '民间投资占固定资产投资比重', '%', [actual('current', 50, '超过50%', 'industry-2025', 'over')]),
    ind('avg-growth', '规上工业总产值年均增速', '%', [growth('2021/2024', 13.2, 'industry-2025', 'annual-avg')]),
    ind('industrial-output', '规上工业总产值', '亿元', [actual('2024', 1698, '1698亿元'), actual('2020', 1034, '1034亿元')]),
    ind('chains-output', '九大产业链产值', '亿元', [actual('2024', 1320, '1320亿元')]),
    ind('chains-share', '九大产业链产值占比', '%', [actual('2024', 78, '78%')]),
    ind('aluminium-output', '铝镍硅新材料产业产值', '亿元', [actual('2024', 1000, '近千亿元', 'industry-2025', 'nearly')], '铝镍硅新材料'),
    ind('corn-bio-output', '玉米合成生物产业产值', '亿元', [actual('2024', 166, '166亿元')], '玉米合成生物'),
    ind('agrifood-output', '绿色农畜产品加工产业产值', '亿元', [actual('2024', 109, '109亿元')], '绿色农畜产品加工'),
    ind('attraction-trips', '外出招商', '次', [actual('2021/', 5000, '近5000次', 'industry-2025', 'nearly')]),
    ind('firms-contacted', '对接企业', '家', [actual('2021/', 7955, '7955家')]),
    ind('projects-negotiated', '洽谈项目', '个', [actual('2021/', 7321, '7321个')]),
    ind('projects-signed', '签约项目', '个', [actual('2021/', 2000, '2000余个', 'industry-2025', 'plus')]),
    ind('signed-amount', '签约额', '亿元', [actual('2021/', 7300, '近7300亿元', 'industry-2025', 'nearly')]),
    ind('projects-signed-2024', '签约项目（2024年）', '个', [actual('2024', 609, '609个')]),
    ind('enterprises', '规上工业企业', '户', [actual('2024', 315, '315户'), actual('2020', 225, '225户')]),
    ind(
      'key-projects-investment',
      '市级重点项目总投资',
      '亿元',
      [target('2022', 1660, '1660亿元'), target('2025', 2200, '超2200亿元', 'over')],
      '总投资',
    ),
    ind(
      'key-projects-annual',
      '市级重点项目年度计划投资',
      '亿元',
      [target('2022', 518, '518亿元'), target('2025', 700, '超700亿元', 'over')],
      '年度计划投资',
    ),
    ind(
      'retail-growth',
      '社会消费品零售总额增速',
      '%',
      [growth('2024', 3.5, 'goals-2025'), target('2025', 4, '4%', undefined, 'yoy')],
      '社零增速',
    ),
    ind(
      'budget-revenue-growth',
      '一般公共预算收入增速',
      '%',
      [growth('2024', 8.6, 'goals-2025'), target('2025', 8, '8%', undefined, 'yoy')],
      '财政收入增速',
    ),
  ],
  projects: [
    {
      id: 'longma',
      name: '龙马高端装备制造基地',
      region: '150502',
      precision: 'county',
      sector: 'wind-equipment',
      investment: { value: 50, unit: '亿元', cite: cite('industry-2025', '50亿元') },
      capacity: [],
      mentions: [],
    },
    {
      id: 'zalu-2',
      name: '扎铝二期',
      region: '150502',
      precision: 'county',
      sector: 'aluminium',
      investment: { value: 120, unit: '亿元', approx: 'over', cite: cite('industry-2025', '超120亿元') },
      capacity: [],
      mentions: [],
    },
    {
      id: 'no-money',
      name: '无投资额项目',
      region: '150502',
      precision: 'county',
      sector: 'aluminium',
      capacity: [],
      mentions: cite('industry-2025', 'x'),
    },
  ],
  milestones: [],
  errata: [],
});

/** A fresh index over the fixture. */
export function fixtureData(): DataIndex {
  return new DataIndex(fixture);
}
