/**
 * Line breaking for Chinese headlines drawn as SVG text (social images), where nothing wraps by
 * itself. Breaks between any two Chinese characters, never inside a run of Latin letters or digits
 * ("2025", "8.4%"), never before closing punctuation or after opening punctuation, and prefers to
 * end a line at a natural pause (after ：，；) when that leaves the line at least half full. Pure.
 */
import { textWidth as widthAt } from '../lib/text-metrics.ts';

/** Characters that may not begin a line. */
const NO_START = new Set('，。、：；！？）》」』”’％·…—,.:;!?)%');
/** Characters that may not end a line. */
const NO_END = new Set('（《「『“‘(');
/** A line may end here by preference. */
const PAUSE = new Set('：，；、:;,');

/** Width of a string in ems (the estimator every build-time drawing uses). */
export function textWidth(s: string): number {
  return widthAt(s, 1);
}

/** Units that are never split: a run of Latin letters/digits (with . % - inside), or one other character. */
export function tokens(s: string): string[] {
  return s.match(/[A-Za-z0-9][A-Za-z0-9.%-]*|[\s\S]/gu) ?? [];
}

/**
 * Break `text` into lines at most `max` ems wide. Returns every line; a single token wider than a
 * line gets a line of its own (it overflows rather than being cut).
 */
export function wrapText(text: string, max: number): string[] {
  const toks = tokens(text.trim());
  const lines: string[] = [];
  let i = 0;
  while (i < toks.length) {
    // Take as many tokens as fit.
    let j = i;
    let w = 0;
    while (j < toks.length && w + textWidth(toks[j] as string) <= max) w += textWidth(toks[j++] as string);
    if (j === i) j = i + 1; // an over-wide token
    if (j < toks.length) {
      // Kinsoku: move the break back while the next line would start with closing punctuation or
      // this line would end with opening punctuation.
      let k = j;
      while (k > i + 1 && (NO_START.has(toks[k] as string) || NO_END.has(toks[k - 1] as string))) k--;
      if (k > i + 1 || !(NO_START.has(toks[k] as string) || NO_END.has(toks[k - 1] as string))) j = k;
      // Prefer a pause in the second half of the line.
      for (let p = j; p > i; p--) {
        if (PAUSE.has(toks[p - 1] as string)) {
          if (textWidth(toks.slice(i, p).join('')) >= max / 2) j = p;
          break;
        }
      }
    }
    lines.push(toks.slice(i, j).join(''));
    i = j;
  }
  return lines;
}

/**
 * Like `wrapText`, with lines of even length: the fewest lines `wrapText` needs at `max`, at the
 * narrowest width (in half-em steps) that still needs no more, so a headline does not end in an
 * orphaned word.
 */
export function wrapBalanced(text: string, max: number): string[] {
  const greedy = wrapText(text, max);
  const n = greedy.length;
  if (n < 2) return greedy;
  for (let w = Math.ceil((2 * textWidth(text.trim())) / n) / 2; w < max; w += 0.5) {
    const lines = wrapText(text, w);
    if (lines.length <= n) return lines;
  }
  return greedy;
}

/** Width of a line as it looks: closing punctuation at its end may hang into the margin. */
function inkWidth(line: string): number {
  return textWidth(line.replace(/[，。、：；！？）》」』”’,.:;!?)]+$/u, ''));
}

/**
 * One phrase per line, phrases being the runs that end in a pause (：，；、) and adjacent phrases
 * sharing a line when they fit; null when a phrase is wider than `max`.
 */
export function phraseLines(text: string, max: number): string[] | null {
  const phrases = text.trim().match(/[^：，；、:;,]+[：，；、:;,]*/gu) ?? [];
  const lines: string[] = [];
  for (const p of phrases) {
    if (inkWidth(p) > max) return null;
    const last = lines[lines.length - 1];
    if (last !== undefined && inkWidth(last + p) <= max) lines[lines.length - 1] = last + p;
    else lines.push(p);
  }
  return lines;
}

export interface FittedText {
  size: number;
  lines: string[];
}

/**
 * The font size and lines for `text` in `width` px, at most `maxLines` lines, `sizes` in px largest
 * first: the largest size at which each phrase gets whole lines (see phraseLines), else the largest at
 * which balanced lines fit; at the smallest size, the last line is cut with an ellipsis.
 */
export function fitText(text: string, width: number, sizes: number[], maxLines: number): FittedText {
  if (sizes.length === 0) throw new Error('fitText needs at least one font size');
  // Whole phrases on their lines read best, even a size smaller; breaking inside phrases comes second.
  // (A text of one phrase would only ever shrink to a single line: it goes straight to wrapping.)
  const phrased = (text.match(/[：，；、:;,](?=.)/gu) ?? []).length > 0;
  for (const size of phrased ? sizes : []) {
    const lines = phraseLines(text, width / size);
    if (lines && lines.length <= maxLines) return { size, lines };
  }
  for (const size of sizes) {
    const lines = wrapBalanced(text, width / size);
    if (lines.length <= maxLines) return { size, lines };
  }
  const size = sizes[sizes.length - 1] as number;
  const lines = wrapText(text, width / size).slice(0, maxLines);
  let last = lines[maxLines - 1] as string;
  while (last.length > 0 && textWidth(last + '…') > width / size) last = [...last].slice(0, -1).join('');
  lines[maxLines - 1] = `${last}…`;
  return { size, lines };
}
