/**
 * Text boxes and overlap checks for chart scenes. Widths come from the one estimator shared by every
 * build-time drawing (src/lib/text-metrics.ts).
 */
import type { Scene, TextMark } from './scene.ts';
import { textWidth, type Box } from '../lib/text-metrics.ts';

export { textWidth, type Box };

/**
 * Ascent and descent of the font box, in em from the alphabetic baseline, as Chromium reports them
 * for Noto Sans CJK (the tallest of the fonts we name), so boxes match what a browser measures.
 */
export const ASCENT = 1.16;
export const DESCENT = 0.29;

/** Box of a text mark (plus its halo, when it has one). */
export function textBox(m: Pick<TextMark, 'x' | 'y' | 'text' | 'size' | 'anchor' | 'weight'>): Box {
  const w = textWidth(m.text, m.size, m.weight);
  const x0 = m.anchor === 'start' ? m.x : m.anchor === 'middle' ? m.x - w / 2 : m.x - w;
  return { x0, y0: m.y - ASCENT * m.size, x1: x0 + w, y1: m.y + DESCENT * m.size };
}

/** True when two boxes share more than a hairline (0.5 units) of area. */
export function intersects(a: Box, b: Box, gap = 0): boolean {
  return a.x0 < b.x1 + gap - 0.5 && b.x0 < a.x1 + gap - 0.5 && a.y0 < b.y1 + gap - 0.5 && b.y0 < a.y1 + gap - 0.5;
}

export interface Overlap {
  a: string;
  b: string;
}

/** Every pair of text marks in a scene whose boxes intersect, by their text. */
export function textOverlaps(scene: Scene): Overlap[] {
  const texts = scene.marks.filter((m): m is TextMark => m.type === 'text' && m.opacity !== 0);
  const boxes = texts.map(textBox);
  const out: Overlap[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b, j) => {
      if (intersects(a, b)) out.push({ a: (texts[i] as TextMark).text, b: (texts[i + 1 + j] as TextMark).text });
    }),
  );
  return out;
}

/** Text marks that leave the scene's box. */
export function textOutside(scene: Scene): string[] {
  return scene.marks
    .filter((m): m is TextMark => m.type === 'text')
    .filter((m) => {
      const b = textBox(m);
      return b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > scene.width + 0.5 || b.y1 > scene.height + 0.5;
    })
    .map((m) => m.text);
}

/** Full-width punctuation carries its own space: no half-width space after it. */
const FULL_WIDTH_END = /[，。、；：？！”’）》」』】…]$/u;

/** Words of a label joined by spaces, except after full-width punctuation ("一期还是全部？137.5亿元"). */
export function joinWords(parts: string[]): string {
  return parts.reduce((out, p) => (out === '' ? p : FULL_WIDTH_END.test(out) ? `${out}${p}` : `${out} ${p}`), '');
}
