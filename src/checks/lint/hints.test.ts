import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { data } from '../../lib/data/index.ts';
import { formatProblem } from '../problem.ts';
import { chapterHints, contentHints } from './hints.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('chapterHints() (editor hints, never build failures)', () => {
  it('finds a graphic whose state does not change between consecutive steps, and a card that repeats the only figure of its text', () => {
    const file = 'tests/fixtures/copy-lint/hints.mdx';
    const hints = chapterHints(file, readFileSync(`${root}${file}`, 'utf8'), data());
    expect(hints.map((h) => `${h.line} ${h.message}`)).toEqual([
      '21 <Step id="card-alone">: the number card "output-card" shows the only figure its text gives (industrial-output 2024)',
      '27 <Step id="line-again"> shows "growth" exactly as the step before (#line-trough, state "trough")',
      '30 <Step id="line-alike"> shows "growth" exactly as the step before (#line-again: states "trough" and "low" are defined alike)',
    ]);
    expect(hints.every((h) => (h.hint ?? '').length > 10)).toBe(true);
  });
});

describe('the hints for this project', () => {
  it('are listed for the editors (not a failure), each at a chapter line', () => {
    const hints = contentHints(root, data());
    console.info(`Editor hints (${hints.length}):\n${hints.map(formatProblem).join('\n')}`);
    for (const h of hints) expect(existsSync(`${root}${h.file}`) && (h.line ?? 0) > 0, formatProblem(h)).toBe(true);
  });
});
