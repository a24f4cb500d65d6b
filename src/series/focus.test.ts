import { describe, expect, it } from 'vitest';
import { fixture } from '../map/test-fixture.ts';
import type { GraphicRef } from '../lib/graphic.ts';
import { storiesByCounty, storyFocus } from './focus.ts';

const map = (id: string, states: Record<string, unknown>): GraphicRef => ({
  id,
  file: `ch-${id}.mdx`,
  spec: { kind: 'map', title: '测试地图', states },
});
const chart: GraphicRef = { id: 'c', file: 'c.mdx', spec: { kind: 'bar', title: '测试图', states: { all: {} } } };

describe('storyFocus()', () => {
  it('collects highlighted, fitted and project regions of every map state, in dataset order', () => {
    const f = storyFocus(
      [
        chart,
        map('a', { one: { highlight: [150526] }, two: { camera: { fit: [150581] } } }),
        map('b', { three: { camera: 'city', projects: ['proj-e', 'proj-a'] } }),
      ],
      fixture,
    );
    expect(f).toEqual(['150502', '150526', '150581', 'etdz']);
  });

  it('expands projects: all (with its sector filter) and leaves out city-wide projects', () => {
    expect(storyFocus([map('a', { s: { projects: 'all', sectors: ['new-energy', 'infrastructure'] } })], fixture)).toEqual(['150526']);
  });

  it('is empty for a story whose graphics name no place', () => {
    expect(storyFocus([chart, map('a', { s: { camera: 'city' } })], fixture)).toEqual([]);
  });

  it('fails on a region the dataset does not know', () => {
    expect(() => storyFocus([map('a', { s: { highlight: ['150599'] } })], fixture)).toThrow(/150599/);
  });
});

describe('storiesByCounty()', () => {
  it('lists each county with the stories that look at it; the zone counts for its county', () => {
    const by = storiesByCounty([['150502', '150526'], ['etdz'], []], fixture);
    expect(by.get('150502')).toEqual([0, 1]);
    expect(by.get('150526')).toEqual([0]);
    expect(by.get('150581')).toEqual([]);
    expect(by.size).toBe(8);
  });
});
