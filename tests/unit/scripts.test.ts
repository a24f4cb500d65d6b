/**
 * npm script names follow one rule (a verb, or `verb:object`), and each name of the last release is
 * an alias for one release: it says the new name on stderr and runs it, passing its arguments on.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

/** Old name → new name, kept for one release (remove with the release after 2.1). */
const RENAMED: Record<string, string> = {
  'data:check': 'check:data',
  'data:schema': 'build:schema',
  'data:release': 'release:data',
  geo: 'build:geo',
  ids: 'build:ids',
};
const VERBS = ['build', 'bench', 'check', 'dev', 'format', 'lint', 'new', 'preview', 'release', 'serve', 'test'];

describe('npm script names', () => {
  it('are a verb or verb:object', () => {
    const bad = Object.keys(scripts).filter((name) => !(name in RENAMED) && !new RegExp(`^(${VERBS.join('|')})(:[a-z]+)?$`).test(name));
    expect(bad).toEqual([]);
  });

  it.each(Object.entries(RENAMED))('the old name %s runs %s and says so', (old, now) => {
    expect(scripts[now], `${now} exists`).toBeDefined();
    const alias = scripts[old] ?? '';
    expect(alias).toMatch(new RegExp(`>&2 && npm run ${now} --$`));
    expect(alias).toContain(`is now npm run ${now}`);
  });

  it('an alias passes the arguments on to the new script (the usage error of check:data shows them)', () => {
    const r = spawnSync('npm', ['run', '--silent', 'data:check', '--', '--nonsense'], {
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    expect(r.stderr).toContain('npm run data:check is now npm run check:data');
    expect(r.stderr).toContain('unexpected "--nonsense"');
    expect(r.status).not.toBe(0);
  });
});
