/** The pages of the test build (paths under the base), read from `.test-dist/`. */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_DIST } from './env.ts';

/** Every HTML page: '' (front), 'data/', 'sources/', and each story. */
export function allPages(): string[] {
  const out = existsSync(join(TEST_DIST, 'index.html')) ? [''] : [];
  for (const d of readdirSync(TEST_DIST, { withFileTypes: true })) {
    if (d.isDirectory() && existsSync(join(TEST_DIST, d.name, 'index.html'))) out.push(`${d.name}/`);
  }
  return out.sort();
}

/** The story pages (those with a `data-story` root). */
export function storyPages(): string[] {
  return allPages().filter((p) => p && readFileSync(join(TEST_DIST, p, 'index.html'), 'utf8').includes('data-story'));
}

/** Every file of the build as a URL path under `base`. */
export function allFilePaths(base: string, dir = TEST_DIST, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFilePaths(base, join(dir, e.name), `${prefix}${e.name}/`) : [`${base}${prefix}${e.name === 'index.html' ? '' : e.name}`],
  );
}
