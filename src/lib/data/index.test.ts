import { describe, expect, it } from 'vitest';
import { DataIndex, data, withScope } from './index.ts';
import type { Dataset } from './schema.ts';

const fixture = {
  id: 'fixture', title: 't', version: '1.0.0', released: '2026-01-01', description: 'd', license: 'l',
  sources: [{ id: 'goals-2025', headline: 'h', byline: [], file: '004_f80d7eaeb07b7d9b.txt', lines: [1, 92], date: '2025-03', dateNote: 'n', sections: [{ id: 's1', title: 't' }] }],
  regions: [{ id: '150581', code: '150581', name: '霍林郭勒市', short: '霍林郭勒市', nameEn: 'Holingol City', type: '县级市', seat: { name: 's', lon: 119.66, lat: 45.53 } }],
  indicators: [
    { id: 'va-growth', label: '增速', unit: '%', scope: 'city', topic: 'industry', observations: [
      { period: '2025', value: 7, kind: 'target', cite: [{ source: 'goals-2025', section: 's1', printed: '7%' }] },
      { period: '2020', value: -1.2, kind: 'growth', cite: [{ source: 'goals-2025', section: 's1', printed: '-1.2%' }] },
      { period: '2025Q1', value: 8.4, kind: 'growth', cite: [{ source: 'goals-2025', section: 's1', printed: '8.4%' }] },
      { period: '2025', value: 8, kind: 'growth', approx: 'about', cite: [{ source: 'goals-2025', section: 's1', printed: '8%' }] },
    ] },
    { id: 'projects', label: '项目', unit: '个', scope: '150581', topic: 'investment', observations: [
      { period: 'FYP14/', value: 1500, kind: 'actual', approx: 'over', cite: [{ source: 'goals-2025', section: 's1', printed: '超1500个' }] },
    ] },
  ],
  projects: [], milestones: [], errata: [],
} as unknown as Dataset;

const d = new DataIndex(fixture);

describe('DataIndex', () => {
  it('getIndicator() finds by id and suggests on a typo', () => {
    expect(d.getIndicator('va-growth').label).toBe('增速');
    expect(() => d.getIndicator('va-grwth')).toThrowErrorMatchingInlineSnapshot(`[UnknownIdError: unknown indicator 'va-grwth'; did you mean 'va-growth'?]`);
  });
  it('getRegion(), getSource(), getProject() throw with suggestions', () => {
    expect(d.getRegion('150581').short).toBe('霍林郭勒市');
    expect(() => d.getRegion('150518')).toThrowErrorMatchingInlineSnapshot(`[UnknownIdError: unknown region '150518'; did you mean '150581'?]`);
    expect(() => d.getSource('goals-2024')).toThrowErrorMatchingInlineSnapshot(`[UnknownIdError: unknown source 'goals-2024'; did you mean 'goals-2025'?]`);
    expect(() => d.getProject('longma')).toThrowErrorMatchingInlineSnapshot(`[UnknownIdError: unknown project 'longma']`);
  });
  it('getObservation() picks by period and kind', () => {
    expect(d.getObservation('va-growth', { period: '2020' }).value).toBe(-1.2);
    expect(d.getObservation('va-growth', { period: '2025', kind: 'target' }).value).toBe(7);
    expect(d.getObservation('projects').value).toBe(1500);
  });
  it('getObservation() explains ambiguity and absence', () => {
    expect(() => d.getObservation('va-growth', { period: '2025' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: indicator 'va-growth' has 2 values for 2025; say which with period="…" (and kind="…"): 2025 (target), 2020 (growth), 2025Q1 (growth), 2025 (growth)]`,
    );
    expect(() => d.getObservation('va-growth', { period: '2030' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: indicator 'va-growth' has no value for period 2030; it has: 2025 (target), 2020 (growth), 2025Q1 (growth), 2025 (growth)]`,
    );
  });
  it('series() orders by time', () => {
    expect(d.series('va-growth').map((s) => s.obs.period)).toEqual(['2020', '2025Q1', '2025', '2025']);
  });
  it('format() renders the value for prose', () => {
    expect(d.format('projects')).toBe('超1500个');
    expect(d.format('va-growth', { period: '2020' })).toBe('\u22121.2%');
    expect(d.format('va-growth', { period: '2025', kind: 'growth' })).toBe('约8%');
  });
  it('scopeName() names the city and regions', () => {
    expect(d.scopeName('city')).toBe('全市');
    expect(d.scopeName('150581')).toBe('霍林郭勒市');
  });
  it.each([
    ['全市', '地区生产总值', [], '全市地区生产总值'],
    ['全市', '全市贷款余额', [], '全市贷款余额'],
    ['全市', '通辽市常住人口', ['通辽市'], '通辽市常住人口'],
    ['全市', '全社会研发经费投入增速', [], '全市全社会研发经费投入增速'],
    ['霍林郭勒市', '霍林郭勒市重大项目节点责任单位', [], '霍林郭勒市重大项目节点责任单位'],
    ['科尔沁左翼后旗', '科左后旗审批事项', ['科左后旗'], '科左后旗审批事项'],
    ['科尔沁左翼后旗', '审批事项', ['科左后旗'], '科尔沁左翼后旗审批事项'],
  ])('withScope(%s, %s) never prints the scope twice', (scope, label, aliases, expected) => {
    expect(withScope(scope, label, aliases)).toBe(expected);
  });
  it('scopedLabel() puts the scope in front once, for the city and for a region', () => {
    expect(d.scopedLabel({ scope: 'city', label: '全市贷款余额' })).toBe('全市贷款余额');
    expect(d.scopedLabel({ scope: 'city', label: '贷款余额' })).toBe('全市贷款余额');
    expect(d.scopedLabel({ scope: '150581', label: '霍林郭勒市项目' })).toBe('霍林郭勒市项目');
    expect(d.scopedLabel(d.getIndicator('projects'))).toBe('霍林郭勒市项目');
  });
});

describe('data()', () => {
  it('loads and indexes the project dataset once', () => {
    expect(data()).toBe(data());
    expect(data().dataset.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
