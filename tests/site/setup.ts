/**
 * Serves the test build (`.test-dist/`, built with BASE_PATH=/stories/tongliao/) on 127.0.0.1 for
 * the site tests, and hands them the URL. Fails loudly when the build is missing or stale.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { TEST_BASE, TEST_DIST } from './env.ts';

let running: RunningServer | undefined;

export async function setup(project: TestProject) {
  const index = `${TEST_DIST}/index.html`;
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run "npm test" (it builds the site first) or "npm run build:test"`);
  }
  const html = readFileSync(index, 'utf8');
  if (!html.includes(`href="${TEST_BASE}`)) {
    throw new Error(`${TEST_DIST} was not built with base ${TEST_BASE}; run "npm run build:test"`);
  }
  const age = (Date.now() - statSync(index).mtimeMs) / 60_000;
  if (age > 24 * 60) console.warn(`note: ${TEST_DIST} is ${Math.round(age / 60)} hours old`);
  running = await serve({ root: TEST_DIST, base: TEST_BASE });
  project.provide('siteUrl', running.url);
}

export async function teardown() {
  await running?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
