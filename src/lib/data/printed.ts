/**
 * Reading numbers out of a printed locator, to check that a dataset value is the figure it cites.
 * "超1500个" → [1500]; "2万余户" → [2, 20000]; "近千亿元" → [1000]; "-1.2%" → [-1.2]. A scale (×10⁴,
 * ×10⁸ and back) applies only when the print shows it: 万 or 亿 right after the number.
 */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Parse a run of Chinese numerals below 万, e.g. 三千五百 → 3500, 千 → 1000, 十二 → 12. */
function parseChineseSmall(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch] as number;
    } else if (ch in SMALL_UNIT) {
      total += (digit ?? 1) * (SMALL_UNIT[ch] as number);
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

/** The magnitude a unit carries: 万元 → 10⁴, 亿元 → 10⁸, 元 → 1. */
export function unitMagnitude(unit: string): number {
  if (unit.startsWith('万亿')) return 1e12;
  if (unit.startsWith('万')) return 1e4;
  if (unit.startsWith('亿')) return 1e8;
  return 1;
}

/** The magnitude written right after a number in print: "1.58万人" → 10⁴, "2.3万亿元" → 10¹², "8%" → 1. */
function magnitudeAfter(rest: string): number {
  const m = /^\s*(?:余|多)?([万亿]+)/.exec(rest);
  if (!m) return 1;
  return [...m[1]!].reduce((f, ch) => f * (BIG_UNIT[ch] ?? 1), 1);
}

/** Numbers in `printed`, each with the magnitude the print gives it (万, 亿 right after it). */
function readings(printed: string): { n: number; magnitude: number }[] {
  const text = printed.replace(/[−–]/g, '-').replace(/，/g, ',');
  const out: { n: number; magnitude: number }[] = [];
  for (const m of text.matchAll(/-?\d+(?:,\d{3})*(?:\.\d+)?(?:\/\d+)?/g)) {
    const raw = m[0].replace(/,/g, '');
    const magnitude = magnitudeAfter(text.slice(m.index + m[0].length));
    if (raw.includes('/')) {
      const [a, b] = raw.split('/').map(Number) as [number, number];
      for (const n of [a, b, a / b, (a / b) * 100]) out.push({ n, magnitude: 1 });
    } else {
      out.push({ n: Number(raw), magnitude });
    }
  }
  for (const m of text.matchAll(/[零〇一二两三四五六七八九十百千]+/g)) {
    const n = parseChineseSmall(m[0]);
    if (n !== null && n > 0) out.push({ n, magnitude: magnitudeAfter(text.slice(m.index + m[0].length)) });
  }
  // A bare 万 or 亿 ("突破万元") reads as one of that unit.
  for (const m of text.matchAll(/(^|[^\d零〇一二两三四五六七八九十百千万亿])([万亿]+)/g)) {
    out.push({ n: 1, magnitude: magnitudeAfter(m[2]!) });
  }
  return out;
}

/**
 * Every number that `printed` can be read as. With the dataset `unit`, a printed magnitude is converted
 * to it exactly ("1.58万人" in 人 → 15800; in 万人 → 1.58); a scale the print does not show is never
 * applied ("1686亿元" is not 16 860 000 亿元). Without a unit, each number reads as itself or scaled
 * by the magnitude printed after it.
 */
export function numbersIn(printed: string, unit?: string): number[] {
  const out = new Set<number>();
  for (const { n, magnitude } of readings(printed)) {
    if (unit !== undefined) {
      out.add((n * magnitude) / unitMagnitude(unit));
      continue;
    }
    out.add(n);
    if (magnitude !== 1) {
      out.add(n * magnitude);
      out.add(n / magnitude);
    }
  }
  return [...out];
}

/** True when `value` (in `unit`, when given) is one of the numbers `printed` can be read as (to 6 significant digits). */
export function printedMatches(value: number, printed: string, unit?: string): boolean {
  return numbersIn(printed, unit).some((n) => {
    if (n === value) return true;
    const scale = Math.max(Math.abs(n), Math.abs(value), 1e-12);
    return Math.abs(n - value) / scale < 1e-6;
  });
}
