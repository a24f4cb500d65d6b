/**
 * Serves the test build (`.test-dist/`, built with BASE_PATH=/stories/tongliao/) on 127.0.0.1 for
 * the site tests, and hands them the URL (each worker launches its own Chromium: ./shared.ts). Fails
 * loudly when the build is missing, built under another base, or stale (a source of the site changed after it was built): `npm run test:site` reuses the build
 * that `npm run build:test` (or `npm test`) made.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { TEST_BASE, TEST_DIST } from '../../scripts/lib/browser.ts';

let running: RunningServer | undefined;
let walkDir: string | undefined;

/** What the test build is made from; the files the build itself writes into the checkout are not inputs. */
const INPUTS = ['src', 'content', 'data', 'public', 'astro.config.mjs'];
const WRITTEN_BY_BUILD = new Set(['src/generated/ids.ts', 'content/ids.json']);

/** The most recently modified input of the build: its path and time. */
export function newestInput(paths = INPUTS): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const visit = (p: string) => {
    if (!existsSync(p) || WRITTEN_BY_BUILD.has(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) visit(join(p, e));
    } else if (st.mtimeMs > newest.mtimeMs) newest = { file: p, mtimeMs: st.mtimeMs };
  };
  for (const p of paths) visit(p);
  return newest;
}

export async function setup(project: TestProject) {
  const index = `${TEST_DIST}/index.html`;
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run "npm test" (it builds the site first) or "npm run build:test"`);
  }
  const html = readFileSync(index, 'utf8');
  if (!html.includes(`href="${TEST_BASE}`)) {
    throw new Error(`${TEST_DIST} was not built with base ${TEST_BASE}; run "npm run build:test"`);
  }
  const built = statSync(index).mtimeMs;
  const newest = newestInput();
  if (newest.mtimeMs > built) {
    throw new Error(
      `${TEST_DIST} is stale: ${newest.file} changed ${Math.round((newest.mtimeMs - built) / 1000)} s after it was built; run "npm run build:test" (or "npm test", which builds first)`,
    );
  }
  const age = (Date.now() - built) / 60_000;
  if (age > 24 * 60) console.warn(`note: ${TEST_DIST} is ${Math.round(age / 60)} hours old`);
  // Brotli at quality 5, not 11: each file the tests request is compressed once per run, and quality 11 cost
  // ~10 core-s of the run's CPU (0.65 MB/s over the build's 9 MB of text) for bodies ~11 % smaller. The pages
  // behave the same; the throttled-network tests move slightly more bytes. The benchmark keeps 11.
  running = await serve({ root: TEST_DIST, base: TEST_BASE, brotliQuality: 5 });
  project.provide('siteUrl', running.url);
  // This run's walks (./walk.ts): recorded once by the first file that needs each, read by the others.
  walkDir = mkdtempSync(join(tmpdir(), 'site-walks-'));
  project.provide('walkDir', walkDir);
}

export async function teardown() {
  await running?.close();
  if (walkDir) rmSync(walkDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The folder of this run's walk recordings (./walk.ts). */
    walkDir: string;
  }
}
