/**
 * Every value in the dataset cites a figure that is printed in the cited section of the cited
 * article. Reads ../shared/sources (or SOURCES_DIR); where it is absent, the test is skipped with a
 * visible message. CI always has it (and fails if it does not: see .ci/run).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/load.ts';
import { allCitations, checkProvenance, sectionText } from '../../src/lib/data/provenance.ts';
import { SOURCES_DIR } from '../../src/lib/data/sources-dir.ts';
import { formatPath } from '../../src/lib/data/load.ts';

const available = existsSync(SOURCES_DIR);
if (!available && process.env['REQUIRE_SOURCES']) {
  throw new Error(`REQUIRE_SOURCES is set but ${SOURCES_DIR} is absent: the provenance test cannot run`);
}
if (!available) {
  console.warn(`\n⚠ provenance test SKIPPED: ${SOURCES_DIR} is absent (set SOURCES_DIR to check citations)\n`);
}

describe.skipIf(!available)('provenance', () => {
  const ds = loadDataset();
  const read = (file: string) => {
    const p = join(SOURCES_DIR, file);
    return existsSync(p) ? readFileSync(p, 'utf8') : null;
  };

  it('finds every cited figure in its article section', () => {
    const problems = checkProvenance(ds, read).map((p) => `${formatPath(p.path)}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(allCitations(ds).length).toBeGreaterThan(0);
  });

  it('has every source file and a non-empty text for every section', () => {
    for (const s of ds.sources) {
      const text = read(s.file);
      expect(text, s.file).not.toBeNull();
      for (const sec of s.sections) {
        expect(sectionText(s, sec.id, text as string).trim().length, `${s.id} § ${sec.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('would catch a figure that is not in the article', () => {
    const broken = structuredClone(ds);
    const first = broken.indicators[0]!.observations[0]!.cite[0]!;
    first.printed = '987654亿元';
    expect(checkProvenance(broken, read).map((p) => p.message)).toContain(
      `"987654亿元" not found in ${first.source} § ${first.section}: it is not in the article`,
    );
  });
});
