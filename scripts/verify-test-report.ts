/**
 * Fails CI when the test run proves nothing: no report, no tests, failures, or skipped tests
 * (a browser or provenance test that silently skipped would make a green run meaningless).
 *
 *   node scripts/verify-test-report.ts test-results/vitest.json
 */
import { readFileSync } from 'node:fs';

interface Report {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
  testResults: { name: string; assertionResults: { status: string; fullName: string }[] }[];
}

const file = process.argv[2] ?? 'test-results/vitest.json';
let report: Report;
try {
  report = JSON.parse(readFileSync(file, 'utf8')) as Report;
} catch (e) {
  console.error(`FAIL: no test report at ${file} (${(e as Error).message})`);
  process.exit(1);
}
const skipped = report.testResults.flatMap((f) =>
  f.assertionResults.filter((a) => a.status !== 'passed' && a.status !== 'failed').map((a) => `${f.name}: ${a.fullName}`),
);
const siteFiles = report.testResults.filter((f) => f.name.includes('/tests/site/')).length;
const problems: string[] = [];
if (report.numTotalTests === 0) problems.push('no tests ran');
if (report.numFailedTests > 0 || !report.success) problems.push(`${report.numFailedTests} test(s) failed`);
if (skipped.length) problems.push(`${skipped.length} test(s) skipped:\n  ${skipped.join('\n  ')}`);
if (siteFiles === 0) problems.push('no built-site/browser test file ran');
if (problems.length) {
  console.error(`FAIL: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(
  `OK: ${report.numPassedTests} tests passed in ${report.testResults.length} files (${siteFiles} built-site/browser files), none skipped.`,
);
