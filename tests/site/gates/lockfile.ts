/**
 * The lockfile gate: `lockfile-lint` (its CLI, as CI would run it) over an npm lockfile — https only,
 * hosts only the npm registry, sha512 integrity, package names matching their URLs — plus what
 * lockfile-lint does not check: every installed package has an integrity hash.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function lockfileLint(path: string): Promise<{ ok: boolean; output: string }> {
  const args = [
    'node_modules/lockfile-lint/bin/lockfile-lint.js',
    '--path',
    path,
    '--type',
    'npm',
    '--allowed-hosts',
    'npm',
    '--validate-https',
    '--validate-integrity',
    '--validate-package-names',
    '--empty-hostname',
    'false',
    '--format',
    'plain',
  ];
  try {
    const r = await run(process.execPath, args);
    return { ok: true, output: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Packages without an integrity hash, or resolved somewhere other than https://registry.npmjs.org/. */
export function lockfileEntries(path: string): string[] {
  const lock = JSON.parse(readFileSync(path, 'utf8')) as {
    packages?: Record<string, { resolved?: string; integrity?: string; link?: boolean }>;
  };
  const problems: string[] = [];
  for (const [key, p] of Object.entries(lock.packages ?? {})) {
    if (key === '' || p.link) continue;
    if (!p.integrity) problems.push(`${key}: no integrity`);
    else if (!/^sha512-/.test(p.integrity)) problems.push(`${key}: integrity is not sha512`);
    if (p.resolved !== undefined && !p.resolved.startsWith('https://registry.npmjs.org/'))
      problems.push(`${key}: resolved outside https://registry.npmjs.org/: ${p.resolved}`);
  }
  return problems;
}
