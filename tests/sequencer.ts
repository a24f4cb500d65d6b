/**
 * The order test files are handed to the workers (vitest.config.ts: `sequence.sequencer`): longest first.
 *
 * All projects run in one group on three workers (vitest.config.ts), so the order decides how well they
 * fill it: a file that takes two minutes and starts last ends the run two minutes after the others. Vitest
 * orders by the durations of the previous run when it has them and by file size when it has none (a fresh
 * clone, CI), which started the 119 s a11y file late and the 17 s CLI file after the browser tests. Here:
 * the longest files first, from the figures of ./durations.ts, then the files without a figure by project
 * (unit files last, together: a unit worker keeps its module graph for the next file only if that file is
 * a unit file too, `isolate: false`). Largest first is how a scheduler packs jobs of known length (LPT):
 * the short files fill the end of the run.
 *
 * The figures only order the files: a wrong or missing one costs time, never coverage.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { DURATIONS, UNKNOWN } from './durations.ts';

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const estimate = (spec: TestSpecification): number => {
      const file = relative(root, spec.moduleId).replaceAll('\\', '/');
      return DURATIONS[file] ?? UNKNOWN[spec.project.name] ?? UNKNOWN['default']!;
    };
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        estimate(b) - estimate(a) ||
        (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0),
    );
  }
}
