/**
 * npm run check:content — checks every story and chapter, prints every problem with file:line and a
 * hint, exits 1 if there is any. The same check runs before every build.
 */
import { fileURLToPath } from 'node:url';
import { data } from '../src/lib/data/index.ts';
import { DatasetError } from '../src/lib/data/load.ts';
import { checkContent } from '../src/checks/index.ts';
import { lintProjectCopy } from '../src/checks/lint/copy.ts';
import { contentHints } from '../src/checks/lint/hints.ts';
import { formatProblem, formatReport } from '../src/checks/problem.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  // The copy lint (src/checks/lint/copy.ts) runs here and in its test, not before each build.
  const problems = [...checkContent({ root, data: data() }), ...lintProjectCopy(root)];
  // Hints for the editors (src/checks/lint/hints.ts): printed, never failing.
  const hints = contentHints(root, data());
  if (hints.length) console.warn(`Editor hints (${hints.length}, not errors):\n\n${hints.map(formatProblem).join('\n')}\n`);
  if (problems.length) {
    console.error(formatReport(problems));
    process.exit(1);
  }
  console.log('Content check: no problems.');
} catch (e) {
  if (e instanceof DatasetError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
