/// <reference types="vitest/config" />
/**
 * Tests that render the site's own Astro components and pages with Astro's container API, compiled by
 * Astro's Vite plugins (getViteConfig) — used for fixtures that swap the dataset.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'render',
    include: ['tests/render/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // The other projects' number (vitest.config.ts: WORKERS), so it runs in their group, not after it.
    maxWorkers: 3,
  },
});
