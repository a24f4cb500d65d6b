/**
 * The chart controller's state change, on the counting fake DOM (src/scrolly/fake-dom.ts): marks that
 * are already in place are not moved (a node re-inserted is a mutation: style, layout and paint for it
 * in the scroll frame that changes the step); marks out of order, new and gone ones still are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeElement, installFakeDom, mutations } from '../scrolly/fake-dom.ts';

function chart(state: string, marks: [key: string, x: number][]): FakeElement {
  const svg = new FakeElement('svg', { 'data-layout': 'wide' });
  svg.append(...marks.map(([key, x]) => new FakeElement('rect', { 'data-key': key, x: String(x), y: '0', width: '10', height: '5' })));
  return new FakeElement('div', { class: 'chart', 'data-graphic': 'g', 'data-state': state }).append(svg);
}
const keys = (c: FakeElement) => (c.querySelector('svg')?.children ?? []).map((m) => m.getAttribute('data-key'));
const xs = (c: FakeElement) => (c.querySelector('svg')?.children ?? []).map((m) => m.getAttribute('x'));

describe('chart setState(): only marks out of place move', () => {
  let uninstall: () => void;
  beforeAll(() => {
    uninstall = installFakeDom();
  });
  afterAll(() => uninstall());

  it('the same marks in the same order: attributes change, no node is moved', async () => {
    const { mount } = await import('./enhance.ts');
    const live = chart('a', [
      ['k1', 1],
      ['k2', 2],
      ['k3', 3],
      ['k4', 4],
    ]);
    const layer = new FakeElement('div', { class: 'scrolly__layer' }).append(live);
    const figure = new FakeElement('div', { class: 'figure' }).append(
      chart('b', [
        ['k1', 10],
        ['k2', 20],
        ['k3', 30],
        ['k4', 40],
      ]),
    );
    const c = mount(layer as never, { reducedMotion: true });
    mutations.count = 0;
    c.setState('b', figure as never, { animate: false });
    expect(xs(live)).toEqual(['10', '20', '30', '40']);
    expect(mutations.count, 'nodes moved although every mark was in place').toBe(0);
  });

  it('positive control: a reordered, a new and a gone mark are moved, added and removed, in the source’s order', async () => {
    const { mount } = await import('./enhance.ts');
    const live = chart('a', [
      ['k1', 1],
      ['k2', 2],
      ['k3', 3],
    ]);
    const layer = new FakeElement('div', { class: 'scrolly__layer' }).append(live);
    const figure = new FakeElement('div', { class: 'figure' }).append(
      chart('b', [
        ['k2', 20],
        ['k1', 10],
        ['k4', 40],
      ]),
    );
    const c = mount(layer as never, { reducedMotion: true });
    mutations.count = 0;
    c.setState('b', figure as never, { animate: false });
    expect(keys(live)).toEqual(['k2', 'k1', 'k4']);
    expect(xs(live)).toEqual(['20', '10', '40']);
    expect(mutations.count).toBeGreaterThan(0);
  });
});
