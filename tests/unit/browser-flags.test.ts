/**
 * The site tests' browser flags (scripts/lib/browser.ts): Chromium keeps only the last `--disable-features`,
 * so the list the tests pass must repeat every feature the installed playwright-core disables itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_BROWSER_UI_FEATURES, PLAYWRIGHT_DISABLED_FEATURES } from '../../scripts/lib/browser.ts';

/** playwright-core's own list, read from its bundle (`disabledFeatures = [ "A", // comment … ].filter(Boolean)`). */
function playwrightDisabled(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const block = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1];
  if (!block) throw new Error('playwright-core: no disabledFeatures list found in lib/coreBundle.js (its layout changed)');
  return [...block.replace(/\/\/.*$/gm, '').matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1]!);
}

describe('the site tests’ --disable-features', () => {
  it('repeats every feature playwright-core disables', () => {
    const theirs = playwrightDisabled();
    expect(theirs.length).toBeGreaterThan(5);
    expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...theirs].sort());
  });
  it('adds only the browser-UI features', () => {
    expect(NO_BROWSER_UI_FEATURES.filter((f) => PLAYWRIGHT_DISABLED_FEATURES.includes(f))).toEqual([]);
  });
});
