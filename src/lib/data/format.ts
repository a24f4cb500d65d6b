/**
 * Number formatting for Chinese readers: 1686亿元, 43.57万人, 超1500个, 近1000亿元, 2000余个, −1.2%.
 * No thousands separators (Chinese newspaper style); large counts move to 万/亿 units instead.
 */
import type { Unit } from './units.ts';

export type ApproxKind = 'over' | 'nearly' | 'about' | 'at-least' | 'plus';

export interface FormatOptions {
  /** How exact the figure is (see schema `Approx`). */
  approx?: ApproxKind | undefined;
  /** Show a plus sign on positive numbers (for growth rates in charts). */
  sign?: boolean;
  /** Maximum fraction digits; default 2. */
  maxDecimals?: number;
}

const MINUS = '\u2212';

/** Units that move to a 万 (or 亿) unit when the number gets large. */
const SCALE_UP: Partial<Record<Unit, [number, string][]>> = {
  个: [[1e4, '万个']],
  人: [[1e4, '万人']],
  户: [[1e4, '万户']],
  件: [[1e4, '万件']],
  吨: [[1e4, '万吨']],
  亩: [[1e4, '万亩']],
  千瓦: [[1e4, '万千瓦']],
  平方米: [[1e4, '万平方米']],
  元: [
    [1e8, '亿元'],
    [1e4, '万元'],
  ],
  万元: [[1e4, '亿元']],
};

/** 1686 → "1686"; 393.640 → "393.64"; -1.2 → "−1.2"; 0.5 → "0.5". */
export function formatNumber(n: number, opts: Pick<FormatOptions, 'sign' | 'maxDecimals'> = {}): string {
  if (!Number.isFinite(n)) throw new Error(`invalid number: ${n}`);
  const digits = opts.maxDecimals ?? 2;
  // Round half away from zero on the decimal digits as written (2.355 → 2.36), not on the binary value.
  const rounded = Math.sign(n) * Number(`${Math.round(Number(`${Math.abs(n)}e${digits}`))}e-${digits}`);
  const abs = Math.abs(rounded);
  let s = abs.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (rounded < 0) return MINUS + s;
  if (opts.sign && rounded > 0) return `+${s}`;
  return s;
}

/** Move a large count to a 万/亿 unit: (15800, 人) → (1.58, 万人). */
export function scaleUnit(value: number, unit: string): { value: number; unit: string } {
  const steps = SCALE_UP[unit as Unit];
  if (steps) {
    for (const [factor, bigger] of steps) {
      if (Math.abs(value) >= factor) {
        return { value: value / factor, unit: bigger };
      }
    }
  }
  return { value, unit };
}

/**
 * A printed range as a reader sees it: (1.5, 2, 个月) → "1.5至2个月"; (2, 4, 亿元) → "2至4亿元". Both ends share
 * the unit the higher end scales to (a range is never printed in two units).
 */
export function formatRange(low: number, high: number, unit: string, opts: Pick<FormatOptions, 'maxDecimals'> = {}): string {
  const scaled = scaleUnit(high, unit);
  const factor = scaled.value === 0 ? 1 : high / scaled.value;
  return `${formatNumber(low / factor, opts)}至${formatNumber(scaled.value, opts)}${scaled.unit}`;
}

/** An observation (a value or a printed range) as a reader sees it. */
export function formatObservation(o: { value?: number | undefined; range?: { low: number; high: number } | undefined; approx?: ApproxKind | undefined }, unit: string): string {
  if (o.range) return formatRange(o.range.low, o.range.high, unit);
  if (o.value === undefined) throw new Error('an observation needs a value or a range');
  return formatValue(o.value, unit, { approx: o.approx });
}

/** A value with its unit and approximation, as a reader sees it: "超1500个", "1686亿元", "8.4%". */
export function formatValue(value: number, unit: string, opts: FormatOptions = {}): string {
  const scaled = scaleUnit(value, unit);
  const num = formatNumber(scaled.value, opts);
  const u = scaled.unit;
  switch (opts.approx) {
    case 'over':
      return `超${num}${u}`;
    case 'nearly':
      return `近${num}${u}`;
    case 'about':
      return `约${num}${u}`;
    case 'at-least':
      return `${num}${u}以上`;
    case 'plus':
      return `${num}余${u}`;
    default:
      return `${num}${u}`;
  }
}
