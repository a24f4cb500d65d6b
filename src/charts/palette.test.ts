import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKGROUND, CATEGORICAL, MARK_TOKENS, PALETTE, TEXT_TOKENS, paletteCss } from './palette.ts';

/** sRGB hex → linear RGB channels. */
function linear(hex: string): [number, number, number] {
  const c = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return [c[0] as number, c[1] as number, c[2] as number];
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b2] = linear(hex);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, in linear RGB. */
const VISION: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** CIELAB (D65) of a colour as seen with the given vision. */
function labAs(hex: string, vision: number[][]): [number, number, number] {
  const c = linear(hex);
  const [r, g, b] = vision.map((row) =>
    Math.min(1, Math.max(0, (row[0] as number) * c[0] + (row[1] as number) * c[1] + (row[2] as number) * c[2])),
  ) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** The closest pair of colours under any of the simulated visions (CIE76 ΔE). */
function closestPair(colours: readonly string[]): { vision: string; a: string; b: string; deltaE: number } {
  let worst = { vision: '', a: '', b: '', deltaE: Infinity };
  for (const [vision, m] of Object.entries(VISION)) {
    colours.forEach((a, i) =>
      colours.slice(i + 1).forEach((b) => {
        const [la, lb] = [labAs(a, m), labAs(b, m)];
        const deltaE = Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
        if (deltaE < worst.deltaE) worst = { vision, a, b, deltaE };
      }),
    );
  }
  return worst;
}

describe('palette', () => {
  it('measures against the page background of global.css', () => {
    const css = readFileSync(new URL('../styles/global.css', import.meta.url), 'utf8');
    expect(css).toMatch(new RegExp(`--bg:\\s*${BACKGROUND};`));
  });

  it('contrast() reproduces known WCAG ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(TEXT_TOKENS)('text colour %s reaches 4.5:1 (WCAG AA, normal text)', (token) => {
    expect(contrast(PALETTE[token], BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it.each([...MARK_TOKENS, ...CATEGORICAL.map((_, i) => i)])('mark colour %s reaches 3:1 (WCAG AA, graphical objects)', (token) => {
    const colour = typeof token === 'number' ? (CATEGORICAL[token] as string) : PALETTE[token];
    expect(contrast(colour, BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it('a highlight stands out from both the context and the series colours for every vision', () => {
    expect(closestPair([PALETTE.highlight, PALETTE.context, PALETTE.actual, PALETTE.target]).deltaE).toBeGreaterThan(15);
  });

  it('categorical colours stay apart under protanopia, deuteranopia and tritanopia', () => {
    expect(closestPair(CATEGORICAL).deltaE).toBeGreaterThan(15);
    // The check can fail: two blues that differ only in red collapse for a protanope.
    expect(closestPair(['#1f5b99', '#5b5b99']).deltaE).toBeLessThan(15);
  });

  it('the rest of a whole is far lighter than any part, so it reads as background', () => {
    for (const c of CATEGORICAL) expect(contrast(PALETTE.rest, c)).toBeGreaterThan(2.5);
  });

  it('palette.css is generated from palette.ts', async () => {
    await expect(paletteCss()).toMatchFileSnapshot('./palette.css');
  });
});
