import { describe, expect, it } from 'vitest';
import { nestSvg, ogSvg, pngSize } from './image.ts';

describe('nestSvg()', () => {
  it('moves a document into a box, keeping its viewBox and dropping its own size', () => {
    expect(
      nestSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200" width="300" height="200" font-family="A"><rect/></svg>', {
        x: 1,
        y: 2,
        width: 30,
        height: 40,
      }),
    ).toBe(
      '<svg x="1" y="2" width="30" height="40" preserveAspectRatio="xMidYMid meet" viewBox="0 0 300 200" font-family="A"><rect/></svg>',
    );
    expect(() => nestSvg('<g/>', { x: 0, y: 0, width: 1, height: 1 })).toThrow('not an SVG document');
  });
});

describe('ogSvg()', () => {
  it('wraps the headline into lines and escapes text', () => {
    const svg = ogSvg({ kicker: 'A&B', headline: '通辽工业五年：从负增长到一季度新高', meta: '约2025年4月' });
    expect(svg).toContain('>A&amp;B<');
    const lines = (s: string) =>
      [...s.matchAll(/font-size="(\d+)" font-weight="700" fill="#1b1b1b">([^<]*)</g)].map((m) => `${m[1]}:${m[2]}`);
    expect(lines(svg)).toEqual(['68:通辽工业五年：', '68:从负增长到一季度新高']);
    // Beside a graphic the column is narrower: a smaller size keeps each phrase whole.
    const narrow = ogSvg({
      kicker: 'k',
      headline: '通辽工业五年：从负增长到一季度新高',
      meta: 'm',
      graphic: '<svg viewBox="0 0 10 10"></svg>',
    });
    expect(lines(narrow)).toEqual(['52:通辽工业五年：', '52:从负增长到一季度新高']);
  });
});

describe('pngSize()', () => {
  const header = (w: number, h: number, chunk = 'IHDR') => {
    const b = new Uint8Array(24);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...[...chunk].map((c) => c.charCodeAt(0))]);
    new DataView(b.buffer).setUint32(16, w);
    new DataView(b.buffer).setUint32(20, h);
    return b;
  };
  it('reads the size from the IHDR chunk', () => {
    expect(pngSize(header(1200, 630))).toEqual({ width: 1200, height: 630 });
  });
  it('rejects what is not a PNG', () => {
    expect(() => pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toThrow('not a PNG file');
    expect(() => pngSize(header(1, 1, 'IDAT'))).toThrow('PNG without IHDR first');
  });
});

describe('ogSvg() opening punctuation', () => {
  it('hangs a line-initial opening quote into the margin', () => {
    const svg = ogSvg({ kicker: 'k', headline: '“十四五”的项目账：投资从哪来', meta: 'm' });
    expect(svg).toMatch(/<text x="(\d+)" y="\d+" font-size="(\d+)" font-weight="700" fill="#1b1b1b">“十四五”/);
    const [, x, size] = /<text x="(\d+)" y="\d+" font-size="(\d+)" font-weight="700" fill="#1b1b1b">“/.exec(svg) as RegExpExecArray;
    expect(Number(x)).toBe(64 - Math.round(Number(size) * 0.5));
  });
});
