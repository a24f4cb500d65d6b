/**
 * PNG downloads of a graphic state: its standalone SVG (export.ts) drawn by resvg with the CJK font
 * the social images use (src/og/font.ts: `OG_FONT` or Noto Sans CJK), at 1200 px wide (1×) and
 * 2400 px (2×). The regular face is added when it sits beside the
 * bold one, so body text is not bold.
 *
 * Cost: resvg spends ~4 ms per glyph outlining text in a 20 MB CJK font, about a second per graphic.
 * So text is outlined once per character (outline.ts) and drawn as paths; the PNGs are also cached by
 * content (SVG, fonts, resvg version) in node_modules/.cache, so a rebuild draws only what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { GlyphCache } from './outline.ts';
import { findCjkFonts } from '../og/font.ts';
import { pngSize } from '../og/image.ts';

/** Widths of the PNG downloads in px: 1× and 2×. */
export const PNG_WIDTHS = { '1x': 1200, '2x': 2400 } as const;

const CACHE = process.env['GRAPHICS_PNG_CACHE'] ?? join('node_modules', '.cache', 'tongliao-graphics-png');

let fontFiles: string[] | undefined;

/** The font files: what the social images use, plus its regular (or bold) sibling when present. */
export function downloadFonts(): string[] {
  if (fontFiles) return fontFiles;
  const found = findCjkFonts();
  const extra = found
    .flatMap((f) => [f.replace('-Bold.', '-Regular.'), f.replace('-Regular.', '-Bold.')])
    .filter((f) => !found.includes(f) && existsSync(f));
  fontFiles = [...found, ...new Set(extra)];
  return fontFiles;
}

let salt: string | undefined;
function cacheSalt(): string {
  if (salt) return salt;
  const resvgVersion = (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version;
  salt = JSON.stringify({ v: 2, resvgVersion, fonts: downloadFonts().map((f) => [f, statSync(f).size, statSync(f).mtimeMs]) });
  return salt;
}

function cached(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = join(CACHE, `${createHash('sha256').update(cacheSalt()).update(key).digest('hex')}.png`);
  if (existsSync(file)) return Promise.resolve(new Uint8Array(readFileSync(file)));
  return make().then((png) => {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(`${file}.tmp`, png);
    renameSync(`${file}.tmp`, file);
    return png;
  });
}

function check(png: Uint8Array, width: number): Uint8Array<ArrayBuffer> {
  const size = pngSize(png);
  if (size.width !== width) throw new Error(`graphic PNG came out ${size.width} px wide, expected ${width}`);
  return new Uint8Array(png);
}

let glyphs: GlyphCache | undefined;

/** An SVG document drawn at `width` px, its text drawn from the outline cache. */
async function draw(svg: string, width: number): Promise<Uint8Array> {
  glyphs ??= new GlyphCache(downloadFonts(), CACHE);
  const outlined = glyphs.outline(svg);
  glyphs.save();
  const img = new Resvg(outlined, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render();
  return check(img.asPng(), width);
}

const pending = new Map<string, Promise<{ '1x': Uint8Array; '2x': Uint8Array }>>();

/**
 * Both PNGs of an SVG document. Starts the drawing at once and returns a promise, so callers can
 * start many (they share resvg's thread pool) and await each when they need it.
 */
export function statePngs(svg: string): Promise<{ '1x': Uint8Array; '2x': Uint8Array }> {
  let p = pending.get(svg);
  if (!p) {
    p = (async () => {
      const big = await cached(`2x\n${svg}`, () => draw(svg, PNG_WIDTHS['2x']));
      const small = await cached(`1x\n${svg}`, () => draw(svg, PNG_WIDTHS['1x']));
      return { '1x': check(small, PNG_WIDTHS['1x']), '2x': check(big, PNG_WIDTHS['2x']) };
    })();
    pending.set(svg, p);
  }
  return p;
}
