/**
 * Periods are short strings in the dataset, parsed once and checked at build.
 *
 * | string         | meaning                                   | label               |
 * |----------------|-------------------------------------------|---------------------|
 * | `2024`         | calendar year (or its end, for a stock)   | 2024年              |
 * | `2025Q1`       | one quarter                               | 2025年一季度        |
 * | `2025Q1-Q3`    | the first n quarters, cumulative          | 2025年前三季度      |
 * | `2022H1`       | a half year                               | 2022年上半年        |
 * | `2022-10`      | a month (or its end, for a running total) | 2022年10月          |
 * | `2021-09-25`   | a day                                     | 2021年9月25日       |
 * | `2021/2024`    | a closed range of any of the above        | 2021—2024年         |
 * | `2021/`        | since then, up to the article             | 2021年以来          |
 * | `FYP14`        | the 14th Five-Year Plan, 2021–2025        | “十四五”时期        |
 * | `FYP14/`       | since the plan began, up to the article   | “十四五”以来        |
 * | `current`      | as of the article, date not printed       | 截至发稿            |
 */

export type PeriodType =
  | 'year'
  | 'quarter'
  | 'quarters'
  | 'half'
  | 'month'
  | 'day'
  | 'range'
  | 'since'
  | 'plan'
  | 'current';

export interface Period {
  /** The string as written in the dataset. */
  raw: string;
  type: PeriodType;
  /** First day covered, `YYYY-MM-DD`; `null` only for `current`. */
  start: string | null;
  /** Last day covered, `YYYY-MM-DD`; `null` when open-ended (`since`, `current`). */
  end: string | null;
  /** Chinese label for readers. */
  label: string;
  /** Short label for chart axes. */
  short: string;
}

const QUARTER_ZH = ['', '一', '二', '三', '四'] as const;
const FYP_ZH: Record<string, string> = { '13': '十三五', '14': '十四五', '15': '十五五' };
const FYP_START: Record<string, number> = { '13': 2016, '14': 2021, '15': 2026 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export class PeriodError extends Error {
  constructor(raw: string, why: string) {
    super(
      `invalid period "${raw}": ${why}. Use e.g. 2024, 2025Q1, 2025Q1-Q3, 2022H1, 2022-10, 2021-09-25, 2021/2024, 2021/, FYP14, FYP14/ or current`,
    );
    this.name = 'PeriodError';
  }
}

function parseSingle(raw: string, s: string): Period {
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    return { raw, type: 'year', start: `${y}-01-01`, end: `${y}-12-31`, label: `${y}年`, short: `${y}` };
  }
  if ((m = s.match(/^(\d{4})Q([1-4])$/))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const m0 = (q - 1) * 3 + 1;
    const m1 = q * 3;
    return {
      raw,
      type: 'quarter',
      start: `${y}-${pad(m0)}-01`,
      end: `${y}-${pad(m1)}-${pad(lastDay(y, m1))}`,
      label: `${y}年${QUARTER_ZH[q]}季度`,
      short: `${y}年${QUARTER_ZH[q]}季度`,
    };
  }
  if ((m = s.match(/^(\d{4})Q1-Q([2-4])$/))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const m1 = q * 3;
    const span = q === 2 ? '上半年' : q === 4 ? '全年' : `前${QUARTER_ZH[q]}季度`;
    return {
      raw,
      type: 'quarters',
      start: `${y}-01-01`,
      end: `${y}-${pad(m1)}-${pad(lastDay(y, m1))}`,
      label: `${y}年${span}`,
      short: `${y}年${span}`,
    };
  }
  if ((m = s.match(/^(\d{4})H([12])$/))) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    return {
      raw,
      type: 'half',
      start: h === 1 ? `${y}-01-01` : `${y}-07-01`,
      end: h === 1 ? `${y}-06-30` : `${y}-12-31`,
      label: `${y}年${h === 1 ? '上' : '下'}半年`,
      short: `${y}年${h === 1 ? '上' : '下'}半年`,
    };
  }
  if ((m = s.match(/^(\d{4})-(\d{2})$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) throw new PeriodError(raw, `month ${m[2]} is out of range`);
    return {
      raw,
      type: 'month',
      start: `${y}-${pad(mo)}-01`,
      end: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`,
      label: `${y}年${mo}月`,
      short: `${y}年${mo}月`,
    };
  }
  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12) throw new PeriodError(raw, `month ${m[2]} is out of range`);
    if (d < 1 || d > lastDay(y, mo)) throw new PeriodError(raw, `day ${m[3]} does not exist in ${y}-${m[2]}`);
    const iso = `${y}-${pad(mo)}-${pad(d)}`;
    return { raw, type: 'day', start: iso, end: iso, label: `${y}年${mo}月${d}日`, short: `${mo}月${d}日` };
  }
  if ((m = s.match(/^FYP(1[3-5])$/))) {
    const n = m[1] as string;
    const y0 = FYP_START[n] as number;
    return {
      raw,
      type: 'plan',
      start: `${y0}-01-01`,
      end: `${y0 + 4}-12-31`,
      label: `“${FYP_ZH[n]}”时期`,
      short: `“${FYP_ZH[n]}”`,
    };
  }
  throw new PeriodError(raw, 'unrecognised form');
}

/** Label of a range `a/b`, compacted when both ends share a year (2022年10月31日—11月2日). */
function rangeLabel(a: Period, b: Period): string {
  if (a.type === 'year' && b.type === 'year') return `${a.short}—${b.short}年`;
  const ya = a.start?.slice(0, 4);
  const yb = b.start?.slice(0, 4);
  if (ya === yb && (b.type === 'day' || b.type === 'month')) {
    return `${a.label}—${b.label.slice(5)}`;
  }
  return `${a.label}—${b.label}`;
}

/** Parse a period string. Throws a `PeriodError` naming the string and the accepted forms. */
export function parsePeriod(raw: string): Period {
  const s = raw.trim();
  if (s !== raw) throw new PeriodError(raw, 'leading or trailing spaces');
  if (s === 'current') {
    return { raw, type: 'current', start: null, end: null, label: '截至原报道', short: '原报道时' };
  }
  const slash = s.indexOf('/');
  if (slash === -1) return parseSingle(raw, s);
  const left = s.slice(0, slash);
  const right = s.slice(slash + 1);
  const a = parseSingle(raw, left);
  if (right === '') {
    const label = a.type === 'plan' ? `${a.short}以来` : `${a.label}以来`;
    return { raw, type: 'since', start: a.start, end: null, label, short: label };
  }
  const b = parseSingle(raw, right);
  if ((a.start as string) > (b.start as string)) throw new PeriodError(raw, 'the range ends before it starts');
  const label = rangeLabel(a, b);
  return { raw, type: 'range', start: a.start, end: b.end, label, short: label };
}

/** True when the string parses. */
export function isPeriod(raw: string): boolean {
  try {
    parsePeriod(raw);
    return true;
  } catch {
    return false;
  }
}

/**
 * A number for placing a period on a time axis: the middle of the period as a fractional year, in
 * whole months so that sub-year periods sit inside their own year at fixed places:
 * 2024 → 2024.5, 2025Q1 → 2025.125, 2025Q1-Q3 (first three quarters) → 2025.375, 2022H1 → 2022.25,
 * 2022-10 → 2022 + 9.5/12. Days and multi-year ranges use the calendar. Open-ended periods have no position.
 */
export function periodMidYear(p: Period): number | null {
  if (!p.start || !p.end) return null;
  const [y0, m0] = p.start.split('-').map(Number) as [number, number];
  const [y1, m1] = p.end.split('-').map(Number) as [number, number];
  if (['year', 'quarter', 'quarters', 'half', 'month', 'plan', 'range'].includes(p.type) && p.start.endsWith('-01') && isMonthEnd(p.end)) {
    // Whole months: the midpoint between the first month's start and the last month's end.
    const from = y0 + (m0 - 1) / 12;
    const to = y1 + m1 / 12;
    return (from + to) / 2;
  }
  const t0 = Date.parse(`${p.start}T00:00:00Z`);
  const t1 = Date.parse(`${p.end}T23:59:59Z`);
  const mid = new Date((t0 + t1) / 2);
  const y = mid.getUTCFullYear();
  const ya = Date.UTC(y, 0, 1);
  const yb = Date.UTC(y + 1, 0, 1);
  return y + (mid.getTime() - ya) / (yb - ya);
}

function isMonthEnd(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return d === lastDay(y, m);
}
