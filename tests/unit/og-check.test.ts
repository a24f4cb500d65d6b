import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ogProblems } from '../site/og-check.ts';

/** A PNG signature and IHDR header of the given size (the gate reads only these). */
function pngHeader(w: number, h: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, w);
  new DataView(b.buffer).setUint32(20, h);
  return b;
}

const page = (image: string | null, w = '1200', h = '630', alt = '分享图') =>
  `<html><head>${image === null ? '' : `<meta property="og:image" content="${image}" />`}<meta property="og:image:width" content="${w}" /><meta property="og:image:height" content="${h}" /><meta property="og:image:alt" content="${alt}" /></head></html>`;

const dir = mkdtempSync(join(tmpdir(), 'og-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ogProblems()', () => {
  it('passes a page whose image is a 1200×630 PNG under the base, and reports every kind of bad page', () => {
    const site = 'http://127.0.0.1';
    const base = '/stories/tongliao/';
    const img = (p: string) => `${site}${base}${p}`;
    mkdirSync(join(dir, 'a'), { recursive: true });
    writeFileSync(join(dir, 'og.png'), pngHeader(1200, 630));
    writeFileSync(join(dir, 'small.png'), pngHeader(600, 315));
    writeFileSync(join(dir, 'fake.png'), '<svg/>');
    writeFileSync(join(dir, 'index.html'), page(img('og.png')));
    writeFileSync(join(dir, 'a', 'index.html'), page(null));
    writeFileSync(join(dir, 'b.html'), page('https://cdn.example.com/og.png'));
    writeFileSync(join(dir, 'c.html'), page(img('missing.png')));
    writeFileSync(join(dir, 'd.html'), page(img('small.png'), '600', '315'));
    writeFileSync(join(dir, 'e.html'), page(img('fake.png')));
    writeFileSync(join(dir, 'f.html'), page(img('og.png'), '1200', '600', ' '));
    expect(ogProblems(dir, site, base)).toEqual([
      'a/index.html: no og:image',
      'b.html: og:image https://cdn.example.com/og.png is not an absolute URL under http://127.0.0.1/stories/tongliao/',
      'c.html: og:image http://127.0.0.1/stories/tongliao/missing.png does not exist in the build',
      'd.html: og:image is 600×315, expected 1200×630',
      'e.html: og:image http://127.0.0.1/stories/tongliao/fake.png: not a PNG file',
      'f.html: og:image:width/height say 1200×600, the PNG is 1200×630',
      'f.html: no og:image:alt',
    ]);
  });
});
