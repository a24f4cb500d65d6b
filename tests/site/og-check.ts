/**
 * The social-image gate over a built site: every HTML page names an og:image under the site URL and
 * base path, the file exists in the build, is a PNG of exactly the declared size (read from its
 * header), and has alt text. Returns every problem, so a test can show them all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pngSize } from '../../src/og/image.ts';

/** All `.html` files under `dir`, relative paths. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.html')) out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

function meta(html: string, property: string): string | undefined {
  const re = new RegExp(`<meta property="${property.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`);
  return re.exec(html)?.[1]?.replace(/&amp;/g, '&');
}

/** Problems with the social image of each page in `dist` (built for `site` + `base`). */
export function ogProblems(dist: string, site: string, base: string): string[] {
  const problems: string[] = [];
  const prefix = new URL(base, site).href;
  // Embed pages are made to be framed in other pages (issue 16); their share card is the story's.
  for (const file of htmlFiles(dist).filter((f) => !f.startsWith('embed/'))) {
    const html = readFileSync(join(dist, file), 'utf8');
    const image = meta(html, 'og:image');
    if (!image) {
      problems.push(`${file}: no og:image`);
      continue;
    }
    if (!image.startsWith(prefix)) {
      problems.push(`${file}: og:image ${image} is not an absolute URL under ${prefix}`);
      continue;
    }
    const path = join(dist, decodeURIComponent(image.slice(prefix.length)));
    if (!existsSync(path)) {
      problems.push(`${file}: og:image ${image} does not exist in the build`);
      continue;
    }
    let size: { width: number; height: number };
    try {
      size = pngSize(readFileSync(path));
    } catch (e) {
      problems.push(`${file}: og:image ${image}: ${(e as Error).message}`);
      continue;
    }
    const [w, h] = [meta(html, 'og:image:width'), meta(html, 'og:image:height')];
    if (size.width !== 1200 || size.height !== 630) problems.push(`${file}: og:image is ${size.width}×${size.height}, expected 1200×630`);
    if (w !== String(size.width) || h !== String(size.height))
      problems.push(`${file}: og:image:width/height say ${w}×${h}, the PNG is ${size.width}×${size.height}`);
    if (!meta(html, 'og:image:alt')?.trim()) problems.push(`${file}: no og:image:alt`);
  }
  return problems;
}
