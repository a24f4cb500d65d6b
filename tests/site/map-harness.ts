/**
 * The map's browser module (`src/map/enhance.ts`, the `map` family's `mount`) as the site ships it: the
 * test build's own chunk of it (`_astro/enhance.<hash>.js`, the one exporting `mount` with the map's
 * `map:import` mark), so tests import into a real page exactly the code the scrolly engine loads (its
 * MapLibre chunk and worker the same files), and can drive the controller directly. Bundling it again for
 * the tests took Vite several CPU seconds per run and wrote into the served build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_BASE, TEST_DIST } from '../../scripts/lib/browser.ts';

/**
 * URL path (under the served site) of the built map module. With a query of its own: the page's engine
 * imports the same file for its sticky maps, and the test's controller is a separate module instance, as
 * a bundle of its own would be (the chunks it imports, MapLibre's included, are the site's).
 */
export function mapModuleEntry(): string {
  const dir = join(TEST_DIST, '_astro');
  const found = readdirSync(dir).filter((f) => {
    if (!/^enhance\..*\.js$/.test(f)) return false;
    const js = readFileSync(join(dir, f), 'utf8');
    return js.includes('map:import') && /export\s*\{[^}]*\bas mount\b/.test(js);
  });
  if (found.length !== 1)
    throw new Error(`expected one built map module in ${dir} (enhance.*.js exporting mount), found: ${found.join(', ') || 'none'}`);
  return `${TEST_BASE}_astro/${found[0]}?test-controller`;
}
