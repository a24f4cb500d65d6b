/**
 * Small datasets for unit tests: the fields every dataset has, and its sources by id (the real
 * article files, so provenance reads the right capture). Each test module adds the regions,
 * indicators and projects it needs; none depends on the real dataset, which grows.
 */
import type { Dataset } from './schema.ts';

const SOURCES = {
  'goals-2025': { headline: '真抓实干开新局 锚定目标再出发', file: '004_f80d7eaeb07b7d9b.txt', lines: [1, 92], date: '2025-03' },
  'industry-2025': { headline: '8.4%增速背后的跃迁', file: '001_e0fa0e8b3e3041cd.txt', lines: [1, 114], date: '2025-04' },
  'services-2025': { headline: 'h', file: '000_ce78dc1b50aca64a.txt', lines: [1, 9], date: '2025-11' },
} as const;

export type TestSource = keyof typeof SOURCES;

/** A dataset of the given sources (one section `s1` each) and contents; shaped, not validated. */
export function testDataset(sources: TestSource[], contents: Partial<Record<keyof Dataset, unknown>>): Dataset {
  return {
    id: 'fixture',
    title: 't',
    version: '1.0.0',
    released: '2026-01-01',
    description: 'd',
    license: 'l',
    sources: sources.map((id) => ({ id, ...SOURCES[id], lines: [...SOURCES[id].lines], byline: [], dateNote: '推断', sections: [{ id: 's1', title: 't' }] })),
    regions: [],
    ...contents,
  } as unknown as Dataset;
}
