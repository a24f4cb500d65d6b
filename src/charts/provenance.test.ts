import { describe, expect, it } from 'vitest';
import { resolveValue, type Datum } from './data.ts';
import { sourcesOf } from './provenance.ts';
import { fixtureData } from './test-fixture.ts';

const d = fixtureData();
const datum = (indicator: string, period?: string, kind?: Datum['kind']): Datum =>
  resolveValue(d, { indicator, period, kind }, []).datum as Datum;

describe('source line', () => {
  it('names each cited article once, oldest first, with its inferred month', () => {
    const plotted = [
      datum('industrial-va-growth', '2020'),
      datum('industrial-va-growth', '2025', 'target'),
      datum('industrial-va-growth', '2024'),
    ];
    expect(sourcesOf(plotted, d).map((s) => `《${s.headline}》（${s.date}）`)).toEqual([
      '《真抓实干开新局 锚定目标再出发》（约2025年3月）',
      '《8.4%增速背后的跃迁》（约2025年4月）',
    ]);
  });
  it('follows only the values plotted', () => {
    expect(sourcesOf([datum('industrial-va-growth', '2020')], d).map((s) => s.id)).toEqual(['industry-2025']);
  });
});
