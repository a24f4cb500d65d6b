import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvField, indicatorsCsv, jsonSchema, publishedFiles, sha256, toCsv } from './export.ts';
import { DATASET_PATH, loadDataset, loadReleases } from './load.ts';

describe('csvField()', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-1.2%', "'-1.2%"],
    [1686, '1686'],
    [-1.2, '-1.2'],
    [undefined, ''],
  ] as const)('%j → %j', (input, out) => expect(csvField(input)).toBe(out));
});

describe('toCsv()', () => {
  it('starts with a BOM and ends rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\ufeffa,b\r\n1,x\r\n');
  });
});

/** sha256 of data/tongliao.json at version 1.1.0 (git show <1.1.0 commit>:data/tongliao.json | sha256sum). */
const RELEASED_1_1_0_SHA256 = 'bf03652ba30fb4a2761c254540a018cf683d75d276b7cc475bd22c2f2bf634a6';

describe('published files', () => {
  const ds = loadDataset();
  const text = readFileSync(DATASET_PATH, 'utf8');
  const files = publishedFiles(ds, text, loadReleases());

  it('serve the dataset byte for byte under its version', () => {
    const f = files.find((x) => x.name === `tongliao-${ds.version}.json`);
    expect(f?.body).toBe(text);
  });

  it('keep publishing 1.1.0 at its versioned URL, byte for byte as released', () => {
    const f = files.find((x) => x.name === 'tongliao-1.1.0.json');
    expect(f?.body).toBe(readFileSync('data/releases/tongliao-1.1.0.json', 'utf8'));
    expect(JSON.parse(f!.body).version).toBe('1.1.0');
    // The checksum of 1.1.0 as published by the 1.1.0 build (dist/data/SHA256SUMS of that release).
    expect(sha256(f!.body)).toBe(RELEASED_1_1_0_SHA256);
  });

  it('have one CSV row per observation', () => {
    const rows = indicatorsCsv(ds).trim().split('\r\n');
    expect(rows.length - 1).toBe(ds.indicators.reduce((n, i) => n + i.observations.length, 0));
  });

  it('list a correct checksum for every other file', () => {
    const sums = files.find((f) => f.name === 'SHA256SUMS')!.body.trim().split('\n');
    expect(sums).toHaveLength(files.length - 1);
    for (const line of sums) {
      const [sum, name] = line.split(/\s+/);
      expect(sha256(files.find((f) => f.name === name)!.body)).toBe(sum);
    }
  });

  it('include a JSON Schema identical to the committed data/tongliao.schema.json (run npm run build:schema)', () => {
    expect(readFileSync('data/tongliao.schema.json', 'utf8')).toBe(jsonSchema());
  });
});
