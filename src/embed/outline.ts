/**
 * Text drawn as outlines, so resvg can draw the PNG downloads fast. resvg spends ~4 ms per glyph
 * outlining text in a 20 MB CJK font: about a second per graphic, minutes for all of them. Here each
 * distinct character (per weight) is outlined by resvg once — its path and its advance, measured by
 * drawing it anchored at its start and at its end — and cached on disk by font; then every `<text>`
 * of a document becomes those paths, laid out the way the SVG places text (x/y, text-anchor,
 * dominant-baseline central, halo strokes under the fill). The SVG download keeps its real text.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export interface Glyph {
  /** Outline at font-size 1000, origin on the baseline at the pen position ('' for blank characters). */
  d: string;
  /** Advance in units of 1/1000 em. */
  adv: number;
}

/** What the chart kit's `.halo` class does (scene.ts), as attributes. */
const HALO_CLASS = { stroke: '#fdfcf8', 'stroke-width': '3', 'stroke-linejoin': 'round', 'paint-order': 'stroke' };
/** The central baseline of a CJK font: the middle of the ideographic em box (−0.12 em … 0.88 em). */
const CENTRAL = 0.38;
/** Blank characters have no outline to measure: their advances in Noto Sans CJK. */
const BLANK: Record<string, number> = { ' ': 224, '\u00a0': 224, '\u3000': 1000 };

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_, n: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITY[n] as string),
  );

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTR = /([a-zA-Z:-]+)="([^"]*)"/g;

function attrsOf(s: string): Map<string, string> {
  return new Map([...s.matchAll(ATTR)].map((m) => [m[1] as string, m[2] as string]));
}

const weightOf = (a: Map<string, string>) => (/^(700|bold|800|900)$/.test(a.get('font-weight') ?? '') ? 700 : 400);

export class GlyphCache {
  private glyphs = new Map<string, Glyph>();
  private file: string | undefined;
  private dirty = false;

  private fonts: string[];

  constructor(fonts: string[], cacheDir?: string) {
    this.fonts = fonts;
    if (cacheDir) {
      const salt = createHash('sha256').update(JSON.stringify(fonts)).digest('hex').slice(0, 16);
      this.file = join(cacheDir, `glyphs-${salt}.json`);
      if (existsSync(this.file))
        for (const [k, g] of Object.entries(JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Glyph>)) this.glyphs.set(k, g);
    }
  }

  /** Outlines every character of `wanted` (`"<weight>:<char>"` keys) not yet known, in one resvg pass. */
  ensure(wanted: Iterable<string>): void {
    const missing = [...new Set(wanted)].filter((k) => !this.glyphs.has(k));
    const drawn = missing.filter((k) => {
      const ch = k.slice(k.indexOf(':') + 1);
      if (ch in BLANK || /^\s$/u.test(ch)) {
        this.glyphs.set(k, { d: '', adv: BLANK[ch] ?? 250 });
        return false;
      }
      return true;
    });
    if (drawn.length > 0) {
      const esc = (c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const rows = drawn.map((k, i) => {
        const w = k.slice(0, k.indexOf(':'));
        const ch = esc(k.slice(k.indexOf(':') + 1));
        const y = 2000 * i + 1500;
        return `<text id="s${i}" x="0" y="${y}" font-size="1000" font-weight="${w}">${ch}</text><text id="e${i}" x="0" y="${y}" font-size="1000" font-weight="${w}" text-anchor="end">${ch}</text>`;
      });
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="${2000 * drawn.length + 2000}">${rows.join('')}</svg>`;
      const out = new Resvg(svg, {
        font: { fontFiles: this.fonts, loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC' },
      }).toString();
      const groups = new Map(
        [...out.matchAll(/<g id="([se]\d+)"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => [
          m[1] as string,
          [...(m[2] as string).matchAll(/\bd="([^"]*)"/g)].map((x) => x[1] as string).join(' '),
        ]),
      );
      drawn.forEach((k, i) => {
        const s = groups.get(`s${i}`);
        const e = groups.get(`e${i}`);
        if (!s || !e) throw new Error(`resvg drew no outline for "${k}": is it in the font (${this.fonts.join(', ')})?`);
        const first = (d: string) => Number(/-?[\d.]+/.exec(d)?.[0]);
        const y = 2000 * i + 1500;
        // Absolute coordinates (usvg writes M/L/C/Q/Z with absolute pairs): move the origin to (0, 0).
        let n = 0;
        const d = s.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (v) =>
          String(Math.round((n++ % 2 === 1 ? Number(v) - y : Number(v)) * 10) / 10),
        );
        this.glyphs.set(k, { d, adv: Math.round(first(s) - first(e)) });
      });
    }
    if (missing.length > 0) this.dirty = true;
  }

  get(weight: number, ch: string): Glyph {
    const g = this.glyphs.get(`${weight}:${ch}`);
    if (!g) throw new Error(`glyph "${ch}" (weight ${weight}) was not outlined`);
    return g;
  }

  save(): void {
    if (!this.file || !this.dirty) return;
    mkdirSync(join(this.file, '..'), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(Object.fromEntries(this.glyphs)));
    renameSync(`${this.file}.tmp`, this.file);
    this.dirty = false;
  }

  /** Every `<text>` of an SVG document replaced by its outlines. */
  outline(svg: string): string {
    const texts = [...svg.matchAll(TEXT)];
    this.ensure(texts.flatMap((m) => [...decode(m[2] as string)].map((ch) => `${weightOf(attrsOf(m[1] as string))}:${ch}`)));
    return svg.replace(TEXT, (_, rawAttrs: string, rawText: string) => {
      const a = attrsOf(rawAttrs);
      const text = decode(rawText);
      const size = Number(a.get('font-size') ?? 16);
      const weight = weightOf(a);
      const k = size / 1000;
      const glyphs = [...text].map((ch) => this.get(weight, ch));
      const width = glyphs.reduce((w, g) => w + g.adv, 0) * k;
      const anchor = a.get('text-anchor') ?? 'start';
      const x = Number(a.get('x') ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
      const y = Number(a.get('y') ?? 0) + (a.get('dominant-baseline') === 'central' ? CENTRAL * size : 0);
      const paint = new Map<string, string>();
      if (a.get('class') === 'halo') for (const [n, v] of Object.entries(HALO_CLASS)) paint.set(n, v);
      for (const n of ['fill', 'opacity', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-linejoin', 'paint-order']) {
        const v = a.get(n);
        if (v !== undefined) paint.set(n, v);
      }
      // Stroke widths are in the text's units; the group is scaled by k.
      if (paint.has('stroke-width')) paint.set('stroke-width', String(Number(paint.get('stroke-width')) / k));
      const attrs = [...paint].map(([n, v]) => ` ${n}="${v}"`).join('');
      let pen = 0;
      const paths = glyphs
        .map((g) => {
          const p = g.d ? `<path transform="translate(${pen} 0)" d="${g.d}"/>` : '';
          pen += g.adv;
          return p;
        })
        .join('');
      return `<g transform="translate(${Math.round(x * 100) / 100} ${Math.round(y * 100) / 100}) scale(${k})"${attrs}>${paths}</g>`;
    });
  }
}
