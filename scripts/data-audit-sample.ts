/**
 * node scripts/data-audit-sample.ts [--seed N] [--n 40]
 *
 * Draws N observations of data/tongliao.json at random (seeded, so an audit can be repeated) and
 * prints each with its kind, scope, label and the sentence of every citation from the article
 * capture, for a person to check against the article: value, unit, period, kind, scope, label.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../src/lib/data/load.ts';
import { formatObservation } from '../src/lib/data/format.ts';
import { sectionText, squash } from '../src/lib/data/provenance.ts';
import { contextOf } from '../src/lib/data/semantic.ts';
import { SOURCES_DIR } from '../src/lib/data/sources-dir.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const seed = arg('seed', 14);
const n = arg('n', 40);

/** mulberry32: a small, well-known seeded PRNG. */
function rng(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ds = loadDataset();
const all = ds.indicators.flatMap((ind) => ind.observations.map((o) => ({ ind, o })));
const rand = rng(seed);
const picked = new Set<number>();
while (picked.size < Math.min(n, all.length)) picked.add(Math.floor(rand() * all.length));
const sources = new Map(ds.sources.map((s) => [s.id, s]));
console.log(`dataset ${ds.version}: ${all.length} observations; seed ${seed}; drawing ${picked.size}\n`);
let k = 0;
for (const i of [...picked].sort((a, b) => a - b)) {
  const { ind, o } = all[i]!;
  const scope =
    ind.scope === 'city' ? (ind.subject || ind.project ? '市内（旗县未写明）' : '全市') : ds.regions.find((r) => r.id === ind.scope)?.name;
  console.log(
    `#${++k} [${i}] ${ind.id} — ${ind.label} | ${scope}${ind.subject ? `·${ind.subject}` : ''} | ${o.period} | ${o.kind} | ${formatObservation(o, ind.unit)}`,
  );
  for (const c of o.cite) {
    const src = sources.get(c.source)!;
    const file = join(SOURCES_DIR, src.file);
    const text = existsSync(file) ? squash(sectionText(src, c.section, readFileSync(file, 'utf8'))) : '';
    const ctx = contextOf(text, squash(c.printed));
    console.log(
      `   ${c.source} § ${c.section} “${c.printed}”${c.derived ? ` (derived: ${c.derived})` : ''}\n   ${ctx?.sentence ?? '(sentence not found)'}`,
    );
  }
  if (o.note) console.log(`   note: ${o.note}`);
}
