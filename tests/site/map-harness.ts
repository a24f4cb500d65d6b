/**
 * Until the scrolly engine is on this branch, the map's browser module is not part of the site's
 * build (nothing imports it yet). This bundles `src/map/enhance.ts` the way Astro's Vite would (worker
 * and geometry as same-origin assets) into the served test build, so tests can import it into a
 * real page and drive the controller directly.
 */
import { build } from 'vite';
import { TEST_BASE, TEST_DIST } from '../../scripts/lib/browser.ts';

export const HARNESS_DIR = '_map-harness';
/** URL path of the bundled module under the served site. */
export const HARNESS_ENTRY = `${TEST_BASE}${HARNESS_DIR}/enhance.js`;

export async function buildMapHarness(): Promise<void> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'error',
    base: `${TEST_BASE}${HARNESS_DIR}/`,
    build: {
      outDir: `${TEST_DIST}/${HARNESS_DIR}`,
      emptyOutDir: true,
      assetsInlineLimit: 0,
      minify: false,
      rollupOptions: {
        input: { enhance: 'src/map/enhance.ts' },
        preserveEntrySignatures: 'exports-only',
        output: { entryFileNames: '[name].js' },
      },
    },
  });
}
