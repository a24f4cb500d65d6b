/**
 * The scaffolds create valid content: a new story with a first chapter, then a second chapter, in a
 * throwaway copy of the project, pass the content check (which is what stops a build).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/checks/index.ts';
import { DataIndex } from '../src/lib/data/index.ts';
import { loadDataset } from '../src/lib/data/load.ts';

let dir: string;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/new-content.ts', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

// Each case spawns the generator and the content check: seconds alone, far more on a loaded machine.
// One copy of the project for the whole sequence (each case builds on the story the first one created).
describe('npm run new:story / new:chapter', { timeout: 60_000 }, () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scaffold-'));
    for (const f of ['package.json', 'data', 'content', 'src', 'scripts']) cpSync(f, join(dir, f), { recursive: true });
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a story with a first chapter that passes the content check', () => {
    const r = run('story', 'new-test-story', 'goals-2025');
    expect(r.code, r.out).toBe(0);
    expect(existsSync(join(dir, 'content/new-test-story/story.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'content/new-test-story/01-opening.mdx'), 'utf8')).toContain('<Scrolly');
  });

  it('adds the next numbered chapter, with its own graphic and step ids', () => {
    const r = run('chapter', 'new-test-story', 'second');
    expect(r.code, r.out).toBe(0);
    const text = readFileSync(join(dir, 'content/new-test-story/02-second.mdx'), 'utf8');
    expect(text).toContain('second-growth:');
    expect(text).toContain('id="second-map-city"');
    const problems = checkContent({ root: dir, data: new DataIndex(loadDataset()) });
    expect(problems.filter((p) => p.file.includes('new-test-story'))).toEqual([]);
  });

  it.each([
    [['chapter', 'no-such-story', 'x'], 'there is no story "no-such-story"'],
    [['chapter', 'new-test-story', 'second'], 'already has a chapter "second"'],
    [['chapter', 'new-test-story', 'Bad Name'], 'give the story slug and a chapter slug'],
    [['story', 'another', 'goals-2052'], "unknown source 'goals-2052'; did you mean 'goals-2025'?"],
    [['story', 'new-test-story', 'goals-2025'], 'content/new-test-story already exists'],
  ])('refuses %j with a clear message', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.out).toContain(message);
  });
});
