import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import LongestFirst from '../sequencer.ts';
import { DURATIONS, UNKNOWN } from '../durations.ts';

/** A stand-in for Vitest's test specification: the fields the sequencer reads. */
const spec = (moduleId: string, project: string, groupOrder = 0) =>
  ({ moduleId: `/repo/${moduleId}`, project: { name: project, config: { sequence: { groupOrder } } } }) as unknown as TestSpecification;

describe('the test sequencer (tests/sequencer.ts)', () => {
  const sequencer = new LongestFirst({ config: { root: '/repo' } } as unknown as Vitest);
  const order = async (specs: TestSpecification[]) => (await sequencer.sort(specs)).map((s) => s.moduleId.slice('/repo/'.length));

  it('hands out the longest files first, then those without a figure by project, the unit files last', async () => {
    // The example's figures must differ (a tie keeps the given order): checked, so new figures that tie fail here.
    const known = ['tests/site/a11y.test.ts', 'scripts/new-content.test.ts', 'tests/site/charts.test.ts', 'scripts/serve.test.ts'];
    const figures = known.map((f) => DURATIONS[f] ?? 0);
    expect(figures, `${known.join(', ')}: strictly decreasing figures in tests/durations.ts`).toEqual([...figures].sort((a, b) => b - a));
    expect(new Set(figures).size).toBe(known.length);
    expect(Math.min(...figures)).toBeGreaterThan(UNKNOWN['site'] ?? 0);
    expect(
      await order([
        spec('src/a.test.ts', 'unit'),
        spec('tests/site/new.test.ts', 'site'),
        spec('tests/site/charts.test.ts', 'site'),
        spec('scripts/serve.test.ts', 'unit'),
        spec('tests/site/a11y.test.ts', 'site'),
        spec('scripts/new-content.test.ts', 'cli'),
        spec('src/b.test.ts', 'unit'),
      ]),
    ).toEqual([
      'tests/site/a11y.test.ts',
      'scripts/new-content.test.ts',
      'tests/site/charts.test.ts',
      'scripts/serve.test.ts',
      'tests/site/new.test.ts',
      'src/a.test.ts',
      'src/b.test.ts',
    ]);
  });

  it('keeps a project with a later sequence.groupOrder after the others', async () => {
    expect(await order([spec('tests/site/a11y.test.ts', 'late', 1), spec('src/a.test.ts', 'unit')])).toEqual([
      'src/a.test.ts',
      'tests/site/a11y.test.ts',
    ]);
  });

  it('has figures only for files that exist (a renamed file would lose its place silently)', () => {
    expect(Object.keys(DURATIONS).filter((f) => !existsSync(f))).toEqual([]);
  });
});
