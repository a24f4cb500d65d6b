import { describe, expect, it } from 'vitest';
import { fitText, phraseLines, textWidth, tokens, wrapBalanced, wrapText } from './wrap.ts';

describe('tokens()', () => {
  it('keeps numbers and Latin words whole and splits Chinese by character', () => {
    expect(tokens('增速8.4%背后的GDP')).toEqual(['增', '速', '8.4%', '背', '后', '的', 'GDP']);
  });
});

describe('wrapText()', () => {
  it('fills lines up to the width, counting Latin characters as narrow', () => {
    expect(wrapText('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
    expect(textWidth('2025年')).toBeCloseTo(3.4);
    expect(wrapText('2025年目标', 4)).toEqual(['2025年', '目标']);
  });

  it('never starts a line with closing punctuation or ends one with opening punctuation', () => {
    // Greedy would give 一二三 / ，四五六; 三 moves down with its comma (and that line ends at the pause).
    expect(wrapText('一二三，四五六', 3)).toEqual(['一二', '三，', '四五六']);
    expect(wrapText('一二“三四”五', 3)).toEqual(['一二', '“三', '四”五']);
  });

  it('ends a line at a pause when the line is at least half full', () => {
    expect(wrapText('通辽工业五年：从负增长到一季度新高', 11)).toEqual(['通辽工业五年：', '从负增长到一季度新高']);
    // The colon comes too early (under half of 10 ems), so the line is filled.
    expect(wrapText('目标：通辽工业五年从负增长到新高', 10)).toEqual(['目标：通辽工业五年从', '负增长到新高']);
  });

  it('never splits a number across lines', () => {
    expect(wrapText('增速达到了8.4%以上', 6)).toEqual(['增速达到了', '8.4%以上']);
  });
});

describe('fitText()', () => {
  it('uses the largest size at which the text fits the line limit', () => {
    expect(fitText('一二三四五六七八九十', 400, [100, 80, 40], 2)).toEqual({ size: 80, lines: ['一二三四五', '六七八九十'] });
  });

  it('cuts the last line with an ellipsis when even the smallest size is too big', () => {
    expect(fitText('一二三四五六七八九十', 300, [100], 2)).toEqual({ size: 100, lines: ['一二三', '四五…'] });
  });
});

describe('wrapBalanced()', () => {
  it('evens out the lines instead of leaving an orphan', () => {
    expect(wrapText('通辽工业五年从负增长到一季度新高', 15)).toEqual(['通辽工业五年从负增长到一季度新', '高']);
    expect(wrapBalanced('通辽工业五年从负增长到一季度新高', 15)).toEqual(['通辽工业五年从负', '增长到一季度新高']);
    expect(wrapBalanced('通辽工业五年：从负增长到一季度新高', 15.7)).toEqual(['通辽工业五年：', '从负增长到一季度新高']);
  });
  it('leaves a text that fits on one line alone', () => {
    expect(wrapBalanced('通辽工业', 15)).toEqual(['通辽工业']);
  });
});

describe('phraseLines()', () => {
  it('puts phrases on lines, sharing a line when they fit, letting end punctuation hang', () => {
    expect(phraseLines('“十四五”的项目账：投资从哪来，产业落在哪', 12)).toEqual(['“十四五”的项目账：', '投资从哪来，产业落在哪']);
    expect(phraseLines('“十四五”的项目账：投资从哪来，产业落在哪', 9)).toEqual(['“十四五”的项目账：', '投资从哪来，', '产业落在哪']);
  });
  it('gives up when a phrase is wider than a line', () => {
    expect(phraseLines('通辽工业五年：从负增长到一季度新高', 8)).toBeNull();
  });
  it('fitText() prefers whole phrases at a smaller size over broken phrases at a larger one', () => {
    expect(fitText('通辽工业五年：从负增长到一季度新高', 522, [68, 60, 52], 4)).toEqual({
      size: 52,
      lines: ['通辽工业五年：', '从负增长到一季度新高'],
    });
  });
});
