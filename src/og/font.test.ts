import { describe, expect, it } from 'vitest';
import { CJK_FONT_CANDIDATES, findCjkFonts } from './font.ts';

describe('findCjkFonts()', () => {
  it('returns the first candidate that exists (bold before regular)', () => {
    const have = new Set([CJK_FONT_CANDIDATES[1], CJK_FONT_CANDIDATES[6]]);
    expect(findCjkFonts({}, (p) => have.has(p))).toEqual([CJK_FONT_CANDIDATES[1]]);
    expect(findCjkFonts({}, () => true)).toEqual(['/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc']);
  });

  it('fails the build with a message naming the font and how to install it when none exists', () => {
    expect(() => findCjkFonts({}, () => false)).toThrow(
      /need a Chinese font.*Noto Sans CJK[\s\S]*NotoSansCJK-Bold\.ttc[\s\S]*apt-get install fonts-noto-cjk[\s\S]*OG_FONT=/,
    );
  });

  it('takes OG_FONT instead of searching, and rejects a path that does not exist', () => {
    expect(findCjkFonts({ OG_FONT: '/a/x.otf:/b/y.ttf' }, () => true)).toEqual(['/a/x.otf', '/b/y.ttf']);
    expect(() => findCjkFonts({ OG_FONT: '/a/x.otf' }, () => false)).toThrow('OG_FONT names a font file that does not exist: /a/x.otf');
  });
});
