import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { data } from '../lib/data/index.ts';
import { IDS_JSON, IDS_TS, idsJson, idsTypeScript, writeIds } from './ids.ts';

describe('generated id lists', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('writeIds() writes both lists into an untracked place and rewrites them only when they change', () => {
    root = mkdtempSync(join(tmpdir(), 'ids-'));
    expect(writeIds(root, data())).toEqual([IDS_TS, IDS_JSON]);
    expect(readFileSync(join(root, IDS_TS), 'utf8')).toBe(idsTypeScript(data()));
    expect(readFileSync(join(root, IDS_JSON), 'utf8')).toBe(idsJson(data()));
    expect(writeIds(root, data())).toEqual([]);
  });

  it('the generated lists are ignored by git, so a build never changes the checkout', () => {
    const ignore = readFileSync('.gitignore', 'utf8').split('\n');
    expect(ignore).toContain('src/generated/');
    expect(ignore).toContain(IDS_JSON);
  });

  it('lists every indicator with its periods', () => {
    const list = JSON.parse(idsJson(data())) as { indicators: { id: string; values: unknown[] }[] };
    expect(list.indicators.length).toBe(data().indicators.size);
    expect(list.indicators.every((i) => i.values.length > 0)).toBe(true);
  });
});
