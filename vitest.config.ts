import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - unit: pure modules (data, geometry, camera maths, content checks), no build needed.
 * - site: tests over the built site (`.test-dist/`, built by `npm test` under a non-root base path):
 *   build integrity, budgets, and browser tests in Debian's Chromium through playwright-core.
 */
export default defineConfig({
  test: {
    // A machine-readable report too, so CI can prove that tests ran and none were skipped.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/site/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Browser tests share a machine with 2 cores; keep them from starving each other.
          maxWorkers: 2,
        },
      },
      // Astro components rendered with the container API (needs Astro's Vite plugins): fixtures that swap the dataset.
      'tests/render/vitest.config.ts',
    ],
  },
});
