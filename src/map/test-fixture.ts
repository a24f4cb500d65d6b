/**
 * A small dataset for the map's unit tests: the real regions (they mirror the committed geometry)
 * plus made-up county indicators and projects. Tests must not depend on the real dataset's figures.
 */
import { readFileSync } from 'node:fs';
import { DataIndex } from '../lib/data/index.ts';
import { testDataset } from '../lib/data/test-dataset.ts';
import type { Region } from '../lib/data/schema.ts';
import { MapSpec } from './spec.ts';

const regions = (JSON.parse(readFileSync(new URL('../../data/tongliao.json', import.meta.url), 'utf8')) as { regions: Region[] }).regions;
const cite = [{ source: 'goals-2025', section: 's1', printed: 'x' }];

const countyIndicator = (id: string, scope: string, value: number, unit = '亿元') => ({
  id,
  label: `测试指标${scope}`,
  unit,
  scope,
  topic: 'economy',
  observations: [{ period: '2024', value, kind: 'actual', cite }],
});

const project = (id: string, region: string, sector: string, investment?: number) => ({
  id,
  name: `测试项目${id.slice(-1)}`,
  region,
  precision: region === 'city' ? 'city' : 'county',
  sector,
  capacity: [],
  mentions: [],
  ...(investment === undefined ? {} : { investment: { value: investment, unit: '亿元', cite } }),
});

export const fixtureDataset = testDataset(['goals-2025'], {
  regions,
  indicators: [
    countyIndicator('gva-horqin', '150502', 700),
    countyIndicator('gva-kailu', '150523', 200),
    countyIndicator('gva-naiman', '150525', 150),
    countyIndicator('gva-growth-kailu', '150523', 5, '%'),
    { ...countyIndicator('gdp', 'city', 1686) },
  ],
  projects: [
    project('proj-a', '150502', 'aluminium', 120),
    project('proj-b', '150502', 'pharma', 15),
    project('proj-c', '150502', 'agrifood'),
    project('proj-d', '150526', 'new-energy', 60),
    project('proj-e', 'etdz', 'corn-bio', 30),
    project('proj-f', 'city', 'infrastructure', 80),
  ],
  milestones: [],
  errata: [],
});

export const fixture = new DataIndex(fixtureDataset);

/** A map over the fixture with one state of each sort (the map's unit tests share it). */
export const fixtureSpec = MapSpec.parse({
  kind: 'map',
  title: '测试地图',
  states: {
    city: { projects: 'all' },
    horqin: { camera: { fit: ['150502', 'etdz'] }, highlight: ['150502', 'etdz'], projects: ['proj-a', 'proj-b', 'proj-c'] },
    money: { choropleth: { projects: 'investment' } },
    gva: { choropleth: { indicators: ['gva-horqin', 'gva-kailu', 'gva-naiman'], period: '2024' }, layers: ['labels'] },
    bare: { layers: ['labels'] },
    bare2: { layers: ['labels'] },
    plain: { layers: [] },
  },
});
