/**
 * Text measurement without a DOM, for everything drawn at build time (charts, map labels, social
 * images, embed downloads). No font is loaded at build, so widths are estimated per character from
 * the metrics of the system fonts we name (Han is full-width in PingFang, Noto Sans CJK and Microsoft
 * YaHei; digits are 0.55–0.6 em in those and in SF/Helvetica). Estimates err on the wide side, and
 * the browser tests compare them with real rendering.
 */

/** An axis-aligned box, in the drawing's units. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether two boxes share any area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
}

/** Width of one character in em. */
export function charEm(ch: string): number {
  const code = ch.codePointAt(0) as number;
  // Han, kana, CJK punctuation and full-width forms.
  if (code >= 0x2e80 && code <= 0x9fff) return 1;
  if (code >= 0xf900 && code <= 0xfaff) return 1;
  if (code >= 0xff00 && code <= 0xffef) return 1;
  // Dashes, ellipsis, curly quotes and the middle dot are full-width in CJK fonts.
  if ([0x2014, 0x2026, 0x201c, 0x201d, 0x00b7].includes(code)) return 1;
  if (/[0-9]/.test(ch)) return 0.6;
  if (/[.,:;'|!il]/.test(ch)) return 0.3;
  if (ch === ' ') return 0.28;
  if (ch === '%') return 0.93;
  if (/[A-Z]/.test(ch)) return 0.68;
  return 0.6;
}

export interface WidthOptions {
  /**
   * Count every character as a full em, whatever its script: the conservative estimate for text that
   * is Chinese by rule and must never be under-measured (the map's place and project names, whose
   * digits and letters then get the room of a Han character too).
   */
  fullWidth?: boolean;
}

/** Estimated advance width of `text` at `size` (in em when size is 1; bold is ≈ 5 % wider). */
export function textWidth(text: string, size = 1, weight: 400 | 700 = 400, opts: WidthOptions = {}): number {
  let em = 0;
  for (const ch of text) em += opts.fullWidth ? 1 : charEm(ch);
  return em * size * (weight === 700 ? 1.05 : 1);
}
