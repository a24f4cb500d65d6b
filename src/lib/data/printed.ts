/**
 * Reading numbers out of a printed locator, to check that a dataset value is the figure it cites.
 * "超1500个" → [1500]; "2万余户" → [2, 20000]; "近千亿元" → [1000]; "-1.2%" → [-1.2].
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

/** Numbers written in Chinese numerals in the text (runs of 零一二…千), e.g. 近千亿元 → 1000. */
function chineseNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[零〇一二两三四五六七八九十百千]+/g)) {
    const n = parseChineseSmall(m[0]);
    if (n !== null && n > 0) out.push(n);
  }
  return out;
}

/**
 * Every number that `printed` can be read as, including scaled readings when the printed figure
 * carries 万 or 亿 and the dataset stores it in a smaller or larger unit.
 */
export function numbersIn(printed: string): number[] {
  const text = printed.replace(/[−–]/g, '-').replace(/，/g, ',');
  const base: number[] = [];
  for (const m of text.matchAll(/-?\d+(?:,\d{3})*(?:\.\d+)?(?:\/\d+)?/g)) {
    const raw = m[0].replace(/,/g, '');
    if (raw.includes('/')) {
      const [a, b] = raw.split('/').map(Number) as [number, number];
      base.push(a, b, a / b, (a / b) * 100);
    } else {
      base.push(Number(raw));
    }
  }
  base.push(...chineseNumbers(text));
  // A bare 万 or 亿 ("突破万元") reads as one of that unit.
  if (/(^|[^\d零〇一二两三四五六七八九十百千])[万亿]/.test(text)) base.push(1);
  const out = new Set<number>();
  for (const n of base) {
    out.add(n);
    for (const f of Object.values(BIG_UNIT)) {
      out.add(n * f);
      out.add(n / f);
    }
  }
  return [...out];
}

/** True when `value` is one of the numbers `printed` can be read as (to 6 significant digits). */
export function printedMatches(value: number, printed: string): boolean {
  return numbersIn(printed).some((n) => {
    if (n === value) return true;
    const scale = Math.max(Math.abs(n), Math.abs(value), 1e-12);
    return Math.abs(n - value) / scale < 1e-6;
  });
}
