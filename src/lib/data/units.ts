/**
 * The units a dataset value may carry. A unit not in this list fails validation, so a typo such as
 * "万千万" is caught at build time instead of being printed on the site.
 *
 * `dimension` groups units that can share one axis: a chart refuses to mix dimensions, and within a
 * dimension it refuses to mix units (no silent 万吨 vs 吨 scaling).
 */
export const UNITS = {
  // money
  '亿元': { dimension: 'money', en: '100 million yuan' },
  '万元': { dimension: 'money', en: '10,000 yuan' },
  '元': { dimension: 'money', en: 'yuan' },
  // shares and changes
  '%': { dimension: 'percent', en: 'percent' },
  '个百分点': { dimension: 'percentage-point', en: 'percentage points' },
  '倍': { dimension: 'ratio', en: 'times' },
  // counts (measure words)
  '个': { dimension: 'count', en: 'items' },
  '家': { dimension: 'count', en: 'firms' },
  '户': { dimension: 'count', en: 'firms or households' },
  '次': { dimension: 'count', en: 'times' },
  '项': { dimension: 'count', en: 'items' },
  '场': { dimension: 'count', en: 'events' },
  '件': { dimension: 'count', en: 'cases or pieces' },
  '万件': { dimension: 'count', en: '10,000 cases' },
  '座': { dimension: 'count', en: 'structures' },
  '所': { dimension: 'count', en: 'institutions' },
  '套': { dimension: 'count', en: 'units or sets' },
  '台': { dimension: 'count', en: 'machines' },
  '台套': { dimension: 'count', en: 'sets' },
  '条': { dimension: 'count', en: 'lines' },
  '处': { dimension: 'count', en: 'sites' },
  '支': { dimension: 'count', en: 'vials' },
  '亿支': { dimension: 'count', en: '100 million vials' },
  '人': { dimension: 'count', en: 'people' },
  '万人': { dimension: 'count', en: '10,000 people' },
  '万户': { dimension: 'count', en: '10,000 households' },
  '万个': { dimension: 'count', en: '10,000 items' },
  '名': { dimension: 'count', en: 'people' },
  '批': { dimension: 'count', en: 'batches' },
  // mass
  '吨': { dimension: 'mass', en: 'tonnes' },
  '万吨': { dimension: 'mass', en: '10,000 tonnes' },
  '亿斤': { dimension: 'mass', en: '100 million jin (50,000 t)' },
  // power and energy capacity
  '千瓦': { dimension: 'power', en: 'kW' },
  '万千瓦': { dimension: 'power', en: '10,000 kW' },
  'MW': { dimension: 'power', en: 'MW' },
  'GW': { dimension: 'power', en: 'GW' },
  // area
  '亩': { dimension: 'area', en: 'mu' },
  '万亩': { dimension: 'area', en: '10,000 mu' },
  '平方米': { dimension: 'area', en: 'm²' },
  '万平方米': { dimension: 'area', en: '10,000 m²' },
  // length, volume, transport work
  '公里': { dimension: 'length', en: 'km' },
  '亿立方米': { dimension: 'volume', en: '100 million m³' },
  '万立方米': { dimension: 'volume', en: '10,000 m³' },
  '万方': { dimension: 'volume', en: '10,000 m³ (of gas)' },
  '亿吨公里': { dimension: 'freight', en: '100 million tonne-km' },
  // time
  '年': { dimension: 'duration', en: 'years' },
  '个月': { dimension: 'duration', en: 'months' },
  '天': { dimension: 'duration', en: 'days' },
  '日': { dimension: 'duration', en: 'days' },
  '分钟': { dimension: 'duration', en: 'minutes' },
  // rank
  '位': { dimension: 'rank', en: 'places' },
} as const satisfies Record<string, { dimension: string; en: string }>;

export type Unit = keyof typeof UNITS;
export type Dimension = (typeof UNITS)[Unit]['dimension'];

export const UNIT_NAMES = Object.keys(UNITS) as Unit[];

export function isUnit(u: string): u is Unit {
  return Object.hasOwn(UNITS, u);
}

export function dimensionOf(u: Unit): Dimension {
  return UNITS[u].dimension;
}
