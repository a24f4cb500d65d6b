/**
 * The errors editors make most often, each with a pinned message that names the file and line, says
 * what is wrong and how to fix it, and all of them reported together in one run (one build).
 * Fixture: tests/fixtures/editor-errors/content/broken-story/.
 */
import { describe, expect, it } from 'vitest';
import { data } from '../lib/data/index.ts';
import { checkContent } from './index.ts';
import { formatProblem, formatReport } from './problem.ts';

const root = 'tests/fixtures/editor-errors';
const problems = checkContent({ root, data: data() });
const lines = problems.map(formatProblem);
const FILE = 'content/broken-story/01-growth.mdx';

describe('editor errors, all reported at once', () => {
  it.each([
    ['a typo in a data id', `${FILE}:19:10  <V>: unknown indicator 'industrial-va-grwth'; did you mean 'industrial-va-growth'`],
    [
      'a step without a summary',
      `${FILE}:24:3  <Step> is missing summary="…"\n    → summary: one line for screen readers saying what the graphic now shows`,
    ],
    [
      'a chart state that does not exist',
      `${FILE}:27  <Step id="growth-latest">: graphic "growth" has no state "peek"\n    → its states: trough, latest`,
    ],
    ['a region code that does not exist', `${FILE}:17  graphic "counties" states.city.highlight.0: unknown region '150599'`],
    [
      'a hand-typed figure in prose',
      `${FILE}:19:63  hand-typed figure "5.1%"\n    → take figures from the dataset: <V id="…" period="…" />`,
    ],
    [
      'a malformed frontmatter field',
      'content/broken-story/story.yaml:5  story.yaml published: write the date as YYYY-MM-DD, e.g. 2025-03-15',
    ],
    ['a duplicate step id', `${FILE}:30  step id "growth-trough" is already used (${FILE}:24)`],
    [
      'an image without alt text',
      `${FILE}:21:1  image "./chart.png" has no alt text\n    → write a description between the brackets: ![what the image shows](path)`,
    ],
  ])('%s', (_what, expected) => {
    expect(
      lines.some((l) => l.startsWith(expected)),
      `not found:\n${expected}\n\nin:\n${lines.join('\n')}`,
    ).toBe(true);
  });

  it('reports all of them in one report (what the build prints)', () => {
    const report = formatReport(problems);
    expect(report).toMatch(/^Content check: \d+ problems in 2 files:/);
    expect(problems.length).toBeGreaterThanOrEqual(8);
  });
});
