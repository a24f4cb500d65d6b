import { describe, expect, it } from 'vitest';
import { findHandTypedFigures } from './hand-typed.ts';

const figures = (s: string) => findHandTypedFigures(s).map((f) => f.text);

describe('findHandTypedFigures()', () => {
  it.each([
    // Figures: flagged.
    ['去年全市地区生产总值达到1686亿元。', ['1686亿元']],
    ['增速为8.4%，高于去年。', ['8.4%']],
    ['规上工业增加值下降了-1.2%', ['-1.2%']],
    ['签约项目609个', ['609个']],
    ['两台2×350MW机组', ['2×350MW']],
    ['总投资超过三千亿元', ['三千亿元']],
    ['占比达到百分之六十', ['百分之六十']],
    ['七成企业', ['七成']],
    ['产值翻一番', ['翻一番']],
    ['带动就业近万人', ['万人']],
    ['9个旗县市区', ['9个']],
    ['1.5万吨', ['1.5万吨']],
  ])('flags %j', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it.each([
    // Not figures: allowed.
    '2024年，通辽开始新的一年。',
    '从2021—2025年的五年间',
    '2020年到2024年',
    '2022年10月31日至11月2日，观摩团走访各地。',
    '5月下旬召开现场会',
    '1—9月的数据',
    '第3次会议在第01版刊出',
    '一季度、前三季度',
    '“十四五”以来，“十五五”开局',
    '一个项目、两大集群、一批企业',
    '2025Q1 的数据',
    '成员、成功、成为',
  ])('allows %j', (text) => {
    expect(figures(text)).toEqual([]);
  });
});
