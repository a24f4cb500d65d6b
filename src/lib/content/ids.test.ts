import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { data } from '../data/index.ts';
import { IDS_JSON, IDS_TS, idsJson, idsTypeScript } from './ids.ts';

describe('generated id lists', () => {
  it(`${IDS_TS} is up to date (run npm run ids)`, () => {
    expect(readFileSync(IDS_TS, 'utf8')).toBe(idsTypeScript(data()));
  });
  it(`${IDS_JSON} is up to date (run npm run ids)`, () => {
    expect(readFileSync(IDS_JSON, 'utf8')).toBe(idsJson(data()));
  });
  it('lists every indicator with its periods', () => {
    const list = JSON.parse(idsJson(data())) as { indicators: { id: string; values: unknown[] }[] };
    expect(list.indicators.length).toBe(data().indicators.size);
    expect(list.indicators.every((i) => i.values.length > 0)).toBe(true);
  });
});
