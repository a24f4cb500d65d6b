import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirst from './tests/sequencer.ts';

/**
 * The projects a run asks for (`--project unit`), none meaning all. Loading the render project's config
 * starts Astro (its integrations run the content check): about 10 s, so only when that project runs.
 */
const asked = process.argv.flatMap((a, i, all) =>
  a === '--project' ? [all[i + 1] ?? ''] : a.startsWith('--project=') ? [a.slice('--project='.length)] : [],
);
const withRender = asked.length === 0 || asked.some((p) => p === 'render' || p.includes('*'));

/** The end-to-end tests of the command-line scripts (the `cli` project). */
const CLI = ['scripts/data-release.test.ts', 'scripts/new-content.test.ts'];

/**
 * Workers of every project. Three on 2 cores: the browser tests spend part of their time waiting (reading
 * pauses, timers, a throttled network, the other workers' walks), which a third worker fills; each worker has
 * its own browser (tests/site/shared.ts). Measured with the whole site project: CPU 98 % busy with 3, 89 % with 2.
 * The same number in every project puts them all in one group (Vitest runs groups one after the other and
 * refuses projects with different maxWorkers in one group): the unit, cli and render files fill the end of
 * the browser tests' run instead of waiting for it (~38 s after it on CI at 3960b3c), in the order of
 * tests/sequencer.ts (longest first, the unit files last).
 */
const WORKERS = 3;

/**
 * Projects:
 * - unit: pure modules (data, geometry, camera maths, content checks), no build needed (`npm run test:unit`).
 * - cli: the scripts run end to end as a reader of the README would, each in a throwaway copy of the project
 *   (`npm run test:cli`): seconds per case, so apart from the unit tests.
 * - site: tests over the built site (`.test-dist/`, built by `npm test` under a non-root base path):
 *   build integrity, budgets, and browser tests in Debian's Chromium through playwright-core
 *   (`npm run test:site` reuses the existing test build; tests/site/setup.ts refuses a missing or stale one).
 */
export default defineConfig({
  test: {
    // A machine-readable report too, so CI can prove that tests ran and none were skipped.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...CLI],
          environment: 'node',
          // Pure modules with no global state between files: one module graph per worker, not one per file
          // (importing and transforming each file's modules anew was most of the project's time).
          isolate: false,
          // A hang guard, not a timing: loading and checking the whole dataset takes ~1 s alone and over
          // 5 s (Vitest's default) on a loaded 2-core machine.
          testTimeout: 30_000,
          // Each worker keeps its module graph from one unit file to the next (tests/sequencer.ts hands them
          // out together, last).
          maxWorkers: WORKERS,
        },
      },
      {
        test: {
          name: 'cli',
          include: CLI,
          environment: 'node',
          maxWorkers: WORKERS,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/site/setup.ts'],
          // One worker process per worker for all its files, not a fresh one per file: each file's fork, its
          // import of playwright-core (~0.8 s CPU) and its transformed modules were paid 25 times. The files
          // keep no state in shared modules between them (each leases the worker's browser and closes its own contexts:
          // shared.ts).
          // Measured on the 12 files of tests/site/{map*,security,fallback,embed,frontpage,charts,helpers,
          // downloads,servers}.test.ts in one run, A/B/A/B: 205.0 and 213.3 core-s, 123.8 and 121.2 s wall
          // isolated; 191.0 and 183.4 core-s, 109.9 and 106.4 s without (the forks: 34–36 → 22 core-s).
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: WORKERS,
        },
      },
      // Astro components rendered with the container API (needs Astro's Vite plugins): fixtures that swap the dataset.
      ...(withRender ? ['tests/render/vitest.config.ts'] : []),
    ],
  },
});
