/**
 * Bad datasets (tests/fixtures/data-errors/): each is rejected with the line of every problem, and
 * every independent problem is listed in one run (issue 15).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetError, parseDataset } from './load.ts';

const DIR = 'tests/fixtures/data-errors';
function problems(name: string): string[] {
  const file = `${DIR}/${name}`;
  try {
    parseDataset(readFileSync(file, 'utf8'), file);
  } catch (e) {
    if (e instanceof DatasetError) return e.message.split('\n').slice(1).map((l) => l.trim());
    throw e;
  }
  return [];
}

describe('bad datasets', () => {
  it.each([
    ['duplicate-kind.json', [`${DIR}/duplicate-kind.json:56  indicators[0].observations[0].kind: the key "kind" appears twice in this object (lines 55 and 56); JSON keeps only the last one`]],
    ['duplicate-nested.json', [`${DIR}/duplicate-nested.json:12  sources[0].headline: the key "headline" appears twice in this object (lines 11 and 12)`]],
    ['duplicate-top-level.json', [`${DIR}/duplicate-top-level.json:45  indicators: the key "indicators" appears twice in this object (lines 44 and 45)`]],
    [
      'schema-and-reference.json',
      [
        `${DIR}/schema-and-reference.json:54  indicators[0].observations[0].value: the value should be a number, not the text "1686"; write a number`,
        `${DIR}/schema-and-reference.json:79  indicators[1].observations[0].cite[0].source: unknown source "goals-2026"`,
      ],
    ],
    [
      'schema-and-region.json',
      [`${DIR}/schema-and-region.json:42  regions[0]: unknown field "nmae"`, `${DIR}/schema-and-region.json:50  indicators[0].scope: unknown region "150599"`],
    ],
    ['scale-not-printed.json', [`${DIR}/scale-not-printed.json:60  indicators[0].observations[0].cite[0].printed: value 16860000 does not appear in the printed figure "1686亿元"`]],
    ['scale-too-small.json', [`${DIR}/scale-too-small.json:60  indicators[0].observations[0].cite[0].printed: value 0.1686 does not appear in the printed figure "1686亿元"`]],
  ])('%s', (name, expected) => {
    const got = problems(name);
    for (const e of expected) expect(got.some((l) => l.startsWith(e)), `not found:\n${e}\nin:\n${got.join('\n')}`).toBe(true);
  });

  it('every fixture is covered', () => {
    expect(readdirSync(DIR).length).toBe(7);
  });
});
