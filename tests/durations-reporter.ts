/**
 * Prints each test file's wall time with its hooks, the figure ./durations.ts wants:
 *   npm test -- --reporter=default --reporter=./tests/durations-reporter.ts
 * (The JSON report's startTime..endTime leaves out the file's beforeAll hooks, where html.test.ts runs the
 * HTML checker and the walk readers record their walks: it put a 16 s file among the 0 s ones.)
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class DurationsReporter implements Reporter {
  private readonly rows: [number, string][] = [];

  onTestModuleEnd(module: TestModule): void {
    this.rows.push([module.diagnostic().duration / 1000, module.relativeModuleId]);
  }

  onTestRunEnd(): void {
    for (const [s, file] of this.rows.sort((a, b) => b[0] - a[0])) if (s >= 1.5) console.log(`  '${file}': ${Math.round(s)},`);
  }
}
