/**
 * No sentence is copied from the source articles: the newsroom's own overlap checker
 * (../shared/tools/overlap-check, beside the sources) reports 0 runs over the whole project.
 * Skipped with a visible message where ../shared is absent; CI requires it (REQUIRE_SOURCES).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../src/lib/data/sources-dir.ts';

const TOOL = join(dirname(SOURCES_DIR), 'tools', 'overlap-check');
const available = existsSync(TOOL);
if (!available && process.env['REQUIRE_SOURCES']) {
  throw new Error(`REQUIRE_SOURCES is set but ${TOOL} is absent: the overlap check cannot run`);
}
if (!available) console.warn(`\n⚠ overlap test SKIPPED: ${TOOL} is absent\n`);

describe.skipIf(!available)('overlap with the source articles', () => {
  it('finds no copied run of text in content, src, data, docs, scripts, tests or the README', () => {
    const root = join(import.meta.dirname, '..', '..');
    const r = spawnSync(TOOL, ['content', 'src', 'data', 'docs', 'scripts', 'tests', 'bench', 'README.md'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.error).toBeUndefined();
    expect(r.stdout + r.stderr).toMatch(/overlap-check: 0 copied run/);
    expect(r.status).toBe(0);
  }, 60_000); // the tool reads every file, including the dataset and its 1.1.0 copies: seconds on a busy machine
});
