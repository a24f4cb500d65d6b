/**
 * The copy lint (src/checks/lint/copy.ts) over every page of the test build: what readers get,
 * including the text that components and the dataset add (period labels such as "截至发稿", source
 * lists, chart labels), which the lint of chapters and pages cannot see. No browser needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/checks/problem.ts';
import { lintHtml } from '../../src/checks/lint/copy.ts';
import { TEST_DIST } from '../../scripts/lib/browser.ts';
import { allPages } from './pages.ts';

describe('the copy of every built page', () => {
  it('finds the pages', () => {
    expect(allPages().length).toBeGreaterThanOrEqual(8);
  });
  it.each(allPages().map((p) => [p || '(front page)', p]))('%s', (_name, page) => {
    const file = join(TEST_DIST, page as string, 'index.html');
    const problems = lintHtml(file, readFileSync(file, 'utf8'));
    expect(
      problems.map((p) => p.message),
      formatReport(problems),
    ).toEqual([]);
  });
});
