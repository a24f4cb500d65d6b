/**
 * The shape of src/ (issue 17): `src/lib/` is the bottom layer (it imports nothing else from src/),
 * and no two folders import each other, directly or round a longer loop. Read from the import
 * statements of every tracked source file (static, dynamic and type-only imports all count: a
 * type-only loop is still a loop a reader has to untangle). Tests and fixtures are left out.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const IMPORT =
  /(?:import|export)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|import\s+['"](\.{1,2}\/[^'"]+)['"]/g;

/** The unit a file belongs to: `lib/<name>` inside src/lib, else the top folder (or file) of src/. */
export function unitOf(file: string): string {
  const parts = file.split('/');
  if (parts[1] === 'lib') return `lib/${(parts[2] ?? '').replace(/\.ts$/, '')}`;
  return (parts[1] ?? '').replace(/\.(ts|astro)$/, '');
}

/** Edges between units, each with the file-level imports behind it. */
export function unitEdges(sources: Map<string, string>): Map<string, Map<string, string[]>> {
  const edges = new Map<string, Map<string, string[]>>();
  for (const [file, text] of sources) {
    for (const m of text.matchAll(IMPORT)) {
      const target = relative('.', resolve(dirname(file), (m[1] ?? m[2] ?? m[3]) as string));
      if (!target.startsWith('src/')) continue;
      const [a, b] = [unitOf(file), unitOf(target)];
      if (a === b) continue;
      const out = edges.get(a) ?? new Map<string, string[]>();
      out.set(b, [...(out.get(b) ?? []), `${file} → ${target}`]);
      edges.set(a, out);
    }
  }
  return edges;
}

/** Imports from src/lib to anything outside it. */
export function upwardFromLib(edges: Map<string, Map<string, string[]>>): string[] {
  const out: string[] = [];
  for (const [a, targets] of edges) if (a.startsWith('lib/')) for (const [b, via] of targets) if (!b.startsWith('lib/')) out.push(...via);
  return out;
}

/** Loops between units (each reported once, as the path round it). */
export function loops(edges: Map<string, Map<string, string[]>>): string[] {
  const found = new Set<string>();
  const visit = (start: string, at: string, path: string[]) => {
    for (const next of edges.get(at)?.keys() ?? []) {
      if (next === start) {
        // the same loop from another starting point is reported once
        const i = path.indexOf([...path].sort()[0] as string);
        found.add([...path.slice(i), ...path.slice(0, i), path[i]].join(' → '));
      } else if (!path.includes(next) && path.length < 6) {
        visit(start, next, [...path, next]);
      }
    }
  };
  for (const u of edges.keys()) visit(u, u, [u]);
  return [...found].sort();
}

function trackedSources(): Map<string, string> {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'src'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|astro)$/.test(f) && !/\.test\.ts$|test-fixture|test-helpers|^src\/generated\//.test(f));
  return new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
}

describe('layers of src/', () => {
  it('finds an upward import from lib and a loop in a small bad tree (the check can fail)', () => {
    const bad = new Map([
      ['src/lib/data/a.ts', "import { x } from '../../charts/b.ts';"],
      ['src/charts/b.ts', "import type { Y } from '../map/c.ts';"],
      ['src/map/c.ts', "export { z } from '../charts/d.ts';\nconst m = () => import('../lib/data/a.ts');"],
      ['src/components/e.astro', "---\nimport F from '../lib/graphic.ts';\n---"],
    ]);
    const edges = unitEdges(bad);
    expect(upwardFromLib(edges)).toEqual(['src/lib/data/a.ts → src/charts/b.ts']);
    expect(loops(edges)).toEqual(['charts → map → charts', 'charts → map → lib/data → charts']);
  });

  const edges = unitEdges(trackedSources());

  it('src/lib imports nothing from the rest of src/', () => {
    expect(upwardFromLib(edges)).toEqual([]);
  });

  it('no two folders of src/ import each other, directly or round a loop', () => {
    const found = loops(edges);
    const detail = found.map((l) => {
      const units = l.split(' → ');
      return `${l}\n${units
        .slice(0, -1)
        .map((u, i) => `    ${edges.get(u)?.get(units[i + 1] as string)?.[0]}`)
        .join('\n')}`;
    });
    expect(detail).toEqual([]);
  });
});
