/**
 * npm run release:data -- <major|minor|patch> "<what changed>"
 *
 * Releases a new version of data/tongliao.json:
 * 1. validates it (schema, references, printed figures) and checks every citation against the
 *    article captures (refuses when a value lost its provenance);
 * 2. runs the content check, so a value that a chapter cites cannot disappear silently (the check
 *    names the chapters that use it);
 * 3. compares with the last committed version: removing or changing a value needs a major bump;
 * 4. bumps `version`, sets `released` to today, adds the entry to data/CHANGELOG.md and regenerates
 *    data/tongliao.schema.json.
 * Nothing is written unless every step passes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset, DatasetError, DATASET_PATH, formatPath } from '../src/lib/data/load.ts';
import { checkProvenance } from '../src/lib/data/provenance.ts';
import { SOURCES_DIR } from '../src/lib/data/sources-dir.ts';
import { DataIndex } from '../src/lib/data/index.ts';
import { checkContent } from '../src/checks/index.ts';
import { formatReport } from '../src/checks/problem.ts';
import { jsonSchema } from '../src/lib/data/export.ts';
import { bumpVersion, diffDatasets, isBump, type Bump } from '../src/lib/data/release.ts';
import { ROOT } from '../src/lib/root.ts';

function fail(msg: string): never {
  console.error(`release:data refused: ${msg}`);
  process.exit(1);
}

const [bump, ...words] = process.argv.slice(2).filter((a) => a !== '--');
const message = words.join(' ').trim();
if (!bump || !isBump(bump) || !message) {
  console.error('usage: npm run release:data -- <major|minor|patch> "<what changed, in a sentence>"');
  process.exit(2);
}

const text = readFileSync(DATASET_PATH, 'utf8');
let ds;
try {
  ds = parseDataset(text);
} catch (e) {
  if (e instanceof DatasetError) fail(`the dataset is not valid.\n${e.message}`);
  throw e;
}

if (!existsSync(SOURCES_DIR)) fail(`the article captures are not at ${SOURCES_DIR} (set SOURCES_DIR): provenance cannot be checked`);
const lost = checkProvenance(ds, (f) => (existsSync(join(SOURCES_DIR, f)) ? readFileSync(join(SOURCES_DIR, f), 'utf8') : null));
if (lost.length)
  fail(`${lost.length} value(s) lost their provenance:\n${lost.map((p) => `  ${formatPath(p.path)}: ${p.message}`).join('\n')}`);

const problems = checkContent({ root: ROOT, data: new DataIndex(ds) });
if (problems.length) fail(`the stories do not build with this dataset.\n${formatReport(problems)}`);

let previous: string | null = null;
try {
  previous = execFileSync('git', ['show', 'HEAD:data/tongliao.json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
} catch {
  console.warn('note: no committed dataset to compare with (not a git checkout?); skipping the semver check');
}
if (previous !== null) {
  const old = parseDataset(previous, 'HEAD:data/tongliao.json');
  if (old.version !== ds.version) fail(`the version was edited by hand (${old.version} → ${ds.version}); leave it to this command`);
  const diff = diffDatasets(old, ds);
  if ((diff.removed.length || diff.changed.length) && bump !== 'major') {
    fail(
      `values were removed or changed, which needs a major release:\n${[...diff.removed.map((r) => `  removed ${r}`), ...diff.changed.map((c) => `  changed ${c}`)].join('\n')}`,
    );
  }
  console.log(
    `compared with the committed ${old.version}: ${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed`,
  );
}

const version = bumpVersion(ds.version, bump as Bump);
const today = new Date().toISOString().slice(0, 10);
const next = text
  .replace(/"version": "\d+\.\d+\.\d+"/, `"version": "${version}"`)
  .replace(/"released": "\d{4}-\d{2}-\d{2}"/, `"released": "${today}"`);
parseDataset(next); // still valid after the edit

const changelogPath = join(ROOT, 'data', 'CHANGELOG.md');
const changelog = readFileSync(changelogPath, 'utf8');
const firstEntry = changelog.search(/^## /m);
const entry = `## ${version} — ${today}\n\n- ${message}\n\n`;
const updated =
  firstEntry === -1 ? `${changelog.trimEnd()}\n\n${entry}` : changelog.slice(0, firstEntry) + entry + changelog.slice(firstEntry);

writeFileSync(DATASET_PATH, next);
writeFileSync(changelogPath, updated);
writeFileSync(join(ROOT, 'data', 'tongliao.schema.json'), jsonSchema());
console.log(
  `released dataset ${version} (${today}). Review and commit data/tongliao.json, data/CHANGELOG.md and data/tongliao.schema.json.`,
);
