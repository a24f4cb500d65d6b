/**
 * npm run check:data [-- --with fragment.json ...]
 *
 * Validates data/tongliao.json (schema, references, printed figures) and, when ../shared/sources is
 * present, that every cited figure is in the cited section of the article, and runs the semantic lint
 * (src/lib/data/semantic.ts: does each value's kind, scope and label match the sentence it comes from?
 * every finding must be fixed or carry a reviewed reason). With --with, the arrays in
 * each fragment file (indicators, projects, milestones, errata) are appended first, so a draft can be
 * checked before it is merged. Exit code 1 on any problem, with every problem listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATASET_FILE, DATASET_PATH, DatasetError, formatPath, lineOfPath, parseDataset } from '../src/lib/data/load.ts';
import { checkProvenance } from '../src/lib/data/provenance.ts';
import { semanticLint } from '../src/lib/data/semantic.ts';
import { SOURCES_DIR } from '../src/lib/data/sources-dir.ts';

const args = process.argv.slice(2);
const fragments: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--with' && args[i + 1]) fragments.push(resolve(args[++i] as string));
  else {
    console.error(`usage: npm run check:data [-- --with fragment.json ...]  (unexpected "${args[i]}")`);
    process.exit(2);
  }
}

const base = JSON.parse(readFileSync(DATASET_PATH, 'utf8')) as Record<string, unknown[]>;
for (const f of fragments) {
  const frag = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown[]>;
  for (const key of ['indicators', 'projects', 'milestones', 'errata']) {
    if (frag[key]) base[key] = [...(base[key] ?? []), ...(frag[key] as unknown[])];
  }
}
const text = fragments.length ? JSON.stringify(base, null, 2) : readFileSync(DATASET_PATH, 'utf8');
const label = fragments.length ? `data/tongliao.json + ${fragments.length} fragment(s)` : 'data/tongliao.json';

try {
  const ds = parseDataset(text, label);
  const counts = `${ds.indicators.length} indicators, ${ds.indicators.reduce((n, x) => n + x.observations.length, 0)} observations, ${ds.projects.length} projects, ${ds.milestones.length} milestones, ${ds.errata.length} errata`;
  if (!existsSync(SOURCES_DIR)) {
    console.log(`${label}: valid (${counts}). Provenance NOT checked: ${SOURCES_DIR} is absent.`);
    process.exit(0);
  }
  const read = (file: string) => {
    const p = resolve(SOURCES_DIR, file);
    return existsSync(p) ? readFileSync(p, 'utf8') : null;
  };
  const problems = checkProvenance(ds, read);
  if (problems.length) {
    console.error(`${label}: ${problems.length} citation(s) do not match the articles:`);
    for (const p of problems) console.error(`  ${formatPath(p.path)}: ${p.message}`);
    process.exit(1);
  }
  const lint = semanticLint({ dataset: ds, read });
  if (lint.open.length) {
    console.error(
      `${label}: the semantic lint has ${lint.open.length} open finding(s) (fix the value, or add reviewed: [{ rule, reason }] after checking the article):`,
    );
    for (const f of lint.open) {
      console.error(
        `  ${DATASET_FILE}:${lineOfPath(text, f.path) ?? '?'}  ${formatPath(f.path)} [${f.rule}] ${f.id}${f.period ? ` ${f.period}` : ''}: ${f.message}`,
      );
    }
    process.exit(1);
  }
  console.log(
    `${label}: valid (${counts}); every citation found in its article section; semantic lint: 0 open, ${lint.reviewed.length} reviewed and kept with a reason.`,
  );
} catch (e) {
  if (e instanceof DatasetError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
