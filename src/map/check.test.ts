import { describe, expect, it } from 'vitest';
import { checkGraphic } from '../graphics/registry.ts';
import { fixture } from './test-fixture.ts';
import { checkMap } from './check.ts';
import { MapSpec } from './spec.ts';

const spec = (states: Record<string, unknown>) => ({ kind: 'map', title: '测试地图', states });
const problems = (states: Record<string, unknown>) => checkGraphic(spec(states), fixture).problems;

describe('map spec: shape', () => {
  it('accepts a complete definition, reading unquoted YAML codes as strings and defaulting the camera', () => {
    const parsed = MapSpec.parse(spec({ a: { highlight: [150502, 'etdz'], projects: 'all' } }));
    expect(parsed.states['a']?.highlight).toEqual(['150502', 'etdz']);
    expect(parsed.states['a']?.camera).toBe('city');
    expect(checkMap(parsed, fixture)).toEqual([]);
  });

  it('accepts all three camera forms', () => {
    expect(
      problems({
        a: { camera: 'city' },
        b: { camera: { fit: ['150502'] } },
        c: { camera: { center: [122.2, 43.6], zoom: 8.5 } },
        d: { camera: { center: [122.2, 43.6], zoom: 8.5, bearing: 0, pitch: 0 } },
      }),
    ).toEqual([]);
  });

  it('rejects unknown fields with their path', () => {
    const p = problems({ a: { hightlight: ['150502'] } });
    expect(p[0]?.path).toEqual(['states', 'a']);
    expect(p[0]?.message).toMatch(/hightlight/);
  });
});

describe('map spec: dataset checks', () => {
  it('an unknown region code fails with a hint and a precise path', () => {
    expect(problems({ a: { highlight: ['150502', '150520'] } })).toEqual([
      {
        path: ['states', 'a', 'highlight', 1],
        message: `unknown region '150520'; did you mean '150521' or '150522' or '150523'? (regions are the 6-digit county codes and "etdz")`,
      },
    ]);
    expect(problems({ a: { camera: { fit: ['etz'] } } })[0]).toMatchObject({
      path: ['states', 'a', 'camera', 'fit', 0],
      message: expect.stringMatching(/unknown region 'etz'; did you mean 'etdz'/),
    });
  });

  it('an unknown layer or view fails with "did you mean"', () => {
    expect(problems({ a: { layers: ['rivers', 'river'] } })).toEqual([
      { path: ['states', 'a', 'layers', 1], message: "unknown layer 'river'; did you mean 'rivers'? (layers: neighbours, rivers, labels)" },
    ]);
    expect(problems({ a: { camera: 'citty' } })[0]?.message).toMatch(/^unknown view 'citty'; did you mean 'city'\?/);
  });

  it('an unknown project, or one without a place, fails', () => {
    const p = problems({ a: { projects: ['proj-x', 'proj-f'] } });
    expect(p.map((x) => x.path)).toEqual([
      ['states', 'a', 'projects', 0],
      ['states', 'a', 'projects', 1],
    ]);
    expect(p[0]?.message).toMatch(/unknown project 'proj-x'; did you mean/);
    expect(p[1]?.message).toMatch(/no place on the map/);
  });

  it('an unknown sector fails, and sectors need `projects: all`', () => {
    expect(problems({ a: { projects: 'all', sectors: ['aluminum'] } })[0]).toMatchObject({
      path: ['states', 'a', 'sectors', 0],
      message: expect.stringMatching(/unknown sector 'aluminum'; did you mean 'aluminium'/),
    });
    expect(problems({ a: { projects: ['proj-a'], sectors: ['pharma'] } })[0]?.message).toMatch(/sectors filters `projects: all`/);
  });

  it('a choropleth needs one county indicator per county, in one unit, with the period', () => {
    expect(problems({ a: { choropleth: { indicators: ['gva-horqin', 'gva-kailu', 'gva-naiman'], period: '2024' } } })).toEqual([]);
    const p = problems({ a: { choropleth: { indicators: ['gva-horqin', 'gdp', 'gva-growth-kailu', 'gva-kailu'], period: '2030' } } });
    expect(p.map((x) => x.message)).toEqual([
      "indicator 'gva-horqin' has no value for period 2030; it has: 2024 (actual); set period (and kind) on the choropleth",
      'indicator \'gdp\' has scope "city", not a county; a choropleth needs one indicator per county (scope = a 6-digit code)',
      "indicator 'gva-growth-kailu' is in % but the others are in 亿元; a choropleth compares one unit",
      "indicator 'gva-growth-kailu' has no value for period 2030; it has: 2024 (actual); set period (and kind) on the choropleth",
      "indicators 'gva-growth-kailu' and 'gva-kailu' are both about 开鲁县; give one indicator per county",
      "indicator 'gva-kailu' has no value for period 2030; it has: 2024 (actual); set period (and kind) on the choropleth",
    ]);
    expect(p[1]?.path).toEqual(['states', 'a', 'choropleth', 'indicators', 1]);
  });

  it('a project choropleth with nothing to count fails', () => {
    expect(problems({ a: { choropleth: { projects: 'investment', sectors: ['water'] } } })[0]).toMatchObject({
      path: ['states', 'a', 'choropleth', 'projects'],
      message: expect.stringMatching(/map would be empty/),
    });
  });
});
