/**
 * The social images (Open Graph, 1200 × 630 PNG): the series name, the headline, a date line and,
 * when the story has one, its thumbnail graphic on the right. Composed as SVG and drawn by resvg at
 * build time; no external service, no browser.
 */
import { Resvg } from '@resvg/resvg-js';
import { escapeXml } from '../charts/scene.ts';
import { PALETTE } from '../charts/palette.ts';
import { findCjkFonts } from './font.ts';
import { fitText } from './wrap.ts';

import { OG_HEIGHT, OG_WIDTH } from './size.ts';

export { OG_HEIGHT, OG_WIDTH };

export interface OgContent {
  /** Small line above the headline (the series name). */
  kicker: string;
  headline: string;
  /** Line at the bottom, e.g. the original article's date. */
  meta: string;
  /** A standalone SVG document to show on the right. */
  graphic?: string | undefined;
}

const M = 64;
const PANEL = { x: 690, y: 64, width: 446, height: 502 };

/**
 * Place a standalone SVG document inside a box of another: the same element with the box's
 * position and size (its viewBox keeps the drawing's proportions, centred).
 */
export function nestSvg(doc: string, box: { x: number; y: number; width: number; height: number }): string {
  const open = /^\s*<svg\b([^>]*)>/.exec(doc);
  if (!open) throw new Error('nestSvg: not an SVG document');
  const attrs = (open[1] as string).replace(/\s(?:xmlns|width|height|x|y|preserveAspectRatio)="[^"]*"/g, '');
  return `<svg x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" preserveAspectRatio="xMidYMid meet"${attrs}>${doc.slice(open[0].length)}`;
}

/** The image as an SVG document (what `ogPng` rasterises). */
export function ogSvg(c: OgContent): string {
  const textWidth = (c.graphic ? PANEL.x - 40 : OG_WIDTH) - 2 * M;
  const head = fitText(c.headline, textWidth, [68, 60, 52, 46], 4);
  const lineHeight = Math.round(head.size * 1.32);
  const top = 200;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="Noto Sans CJK SC, sans-serif">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${PALETTE.bg}"/>`,
    `<rect width="${OG_WIDTH}" height="12" fill="${PALETTE.highlight}"/>`,
    `<text x="${M}" y="${M + 56}" font-size="32" font-weight="700" fill="${PALETTE.highlight}">${escapeXml(c.kicker)}</text>`,
    // An opening quote or bracket hangs into the margin, so the characters line up (its glyph is right-aligned in the em).
    ...head.lines.map(
      (l, i) =>
        `<text x="${/^[“‘《（「『]/u.test(l) ? M - Math.round(head.size * 0.5) : M}" y="${top + head.size + i * lineHeight}" font-size="${head.size}" font-weight="700" fill="${PALETTE.ink}">${escapeXml(l)}</text>`,
    ),
    `<line x1="${M}" x2="${M + 80}" y1="${OG_HEIGHT - M - 58}" y2="${OG_HEIGHT - M - 58}" stroke="${PALETTE.grid}" stroke-width="3"/>`,
    `<text x="${M}" y="${OG_HEIGHT - M - 10}" font-size="28" fill="${PALETTE.muted}">${escapeXml(c.meta)}</text>`,
  ];
  if (c.graphic) {
    parts.push(
      `<rect x="${PANEL.x}" y="${PANEL.y}" width="${PANEL.width}" height="${PANEL.height}" fill="#ffffff" stroke="${PALETTE.grid}" stroke-width="2"/>`,
    );
    parts.push(nestSvg(c.graphic, { x: PANEL.x + 16, y: PANEL.y + 16, width: PANEL.width - 32, height: PANEL.height - 32 }));
  }
  parts.push('</svg>');
  return parts.join('\n');
}

let fonts: string[] | undefined;

/** The PNG bytes of a social image. Fails (with the font it looked for) when no CJK font is installed. */
export function ogPng(c: OgContent): Uint8Array<ArrayBuffer> {
  fonts ??= findCjkFonts();
  const r = new Resvg(ogSvg(c), {
    fitTo: { mode: 'width', value: OG_WIDTH },
    font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  const png = r.render();
  if (png.width !== OG_WIDTH || png.height !== OG_HEIGHT)
    throw new Error(`social image came out ${png.width}×${png.height}, expected ${OG_WIDTH}×${OG_HEIGHT}`);
  // A copy on its own ArrayBuffer: what Response accepts as a body.
  return new Uint8Array(png.asPng());
}

/** Width and height from a PNG's IHDR chunk (the first chunk after the 8-byte signature). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: v.getUint32(16), height: v.getUint32(20) };
}
