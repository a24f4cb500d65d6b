/**
 * The CJK font the social images are drawn with. resvg draws text with the fonts it is given and
 * nothing else, so a headline without a Chinese font would come out blank: the build fails instead,
 * naming the font it looked for. `OG_FONT` (one path, or several separated by ":") overrides the search.
 */
import { existsSync } from 'node:fs';

/** Where common systems keep a Chinese sans-serif (bold first: headlines are bold). */
export const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/Hiragino Sans GB.ttc',
];

/**
 * The font files to load: the first candidate that exists (bold first: one face is enough, and each
 * file is about 20 MB that resvg reads for every image), or exactly those `OG_FONT` names.
 */
export function findCjkFonts(env: Record<string, string | undefined> = process.env, exists: (p: string) => boolean = existsSync): string[] {
  const override = env['OG_FONT']?.trim();
  if (override) {
    const paths = override.split(':').filter(Boolean);
    const missing = paths.filter((p) => !exists(p));
    if (missing.length > 0) throw new Error(`OG_FONT names a font file that does not exist: ${missing.join(', ')}`);
    return paths;
  }
  const found = CJK_FONT_CANDIDATES.find((p) => exists(p));
  if (!found) {
    throw new Error(
      [
        'The social images (og.png) need a Chinese font, and none was found. Looked for Noto Sans CJK (NotoSansCJK-Bold.ttc / NotoSansCJK-Regular.ttc) at:',
        ...CJK_FONT_CANDIDATES.map((p) => `  ${p}`),
        'Install it (Debian/Ubuntu: apt-get install fonts-noto-cjk) or set OG_FONT=/path/to/a-CJK-font.ttc (.otf/.ttf also work).',
      ].join('\n'),
    );
  }
  return [found];
}
