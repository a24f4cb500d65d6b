/**
 * The chart controller's state change, on the counting fake DOM (src/scrolly/fake-dom.ts): marks that
 * are already in place are not moved (a node re-inserted is a mutation: style, layout and paint for it
 * in the scroll frame that changes the step); marks out of order, new and gone ones still are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fake, FakeElement, installFakeDom, mutations } from '../scrolly/fake-dom.ts';

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

  it('marks with line breaks between them, as the build writes them: still no node is moved', async () => {
    const { mount } = await import('./enhance.ts');
    /** A chart whose SVG has a text node (a line break) after every mark. */
    const built = (state: string, marks: [string, number][]) => {
      const c = chart(state, marks);
      const svg = c.querySelector('svg') as FakeElement;
      for (const m of [...svg.children]) svg.insertBefore(new FakeElement('#text'), m.nextSibling);
      return c;
    };
    const live = built('a', [
      ['k1', 1],
      ['k2', 2],
      ['k3', 3],
    ]);
    const layer = new FakeElement('div', { class: 'scrolly__layer' }).append(live);
    const figure = new FakeElement('div', { class: 'figure' }).append(
      built('b', [
        ['k1', 10],
        ['k2', 20],
        ['k3', 30],
      ]),
    );
    const c = mount(layer as never, { reducedMotion: true });
    mutations.count = 0;
    c.setState('b', figure as never, { animate: false });
    expect(xs(live).filter(Boolean)).toEqual(['10', '20', '30']);
    expect(mutations.count, 'marks re-inserted because a line break followed them').toBe(0);
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

describe('chart setState(): nothing on screen is redone for nothing', () => {
  let uninstall: () => void;
  beforeAll(() => {
    uninstall = installFakeDom();
  });
  afterAll(() => uninstall());

  /** A chart with a source line (the same in both states) and a note (different). */
  function withParts(state: string, note: string, x: number): FakeElement {
    const c = chart(state, [['k1', x]]);
    const source = new FakeElement('p', { 'data-sync': 'source' }).append(new FakeElement('cite'));
    (source.children[0] as FakeElement).textContent = '《同一篇报道》';
    const notes = new FakeElement('div', { 'data-sync': 'notes' }).append(new FakeElement('p'));
    (notes.children[0] as FakeElement).textContent = note;
    return c.append(source, notes);
  }

  it('a part the next state has unchanged (the source line) is not replaced; a changed one (the note) is', async () => {
    const { mount } = await import('./enhance.ts');
    const live = withParts('a', '注一', 1);
    const layer = new FakeElement('div', { class: 'scrolly__layer' }).append(live);
    const figure = new FakeElement('div', { class: 'figure' }).append(withParts('b', '注二', 2));
    const source = live.querySelector('[data-sync="source"]')?.children[0];
    const note = live.querySelector('[data-sync="notes"]')?.children[0];
    const c = mount(layer as never, { reducedMotion: true });
    c.setState('b', figure as never, { animate: false });
    expect(live.querySelector('[data-sync="source"]')?.children[0], 'the unchanged source line was replaced').toBe(source);
    // positive control: the changed part was replaced, with the next state's text
    expect(live.querySelector('[data-sync="notes"]')?.children[0]).not.toBe(note);
    expect(live.querySelector('[data-sync="notes"]')?.children[0]?.textContent).toBe('注二');
  });

  it('the layout SVG the container query hides switches at once; the one shown is tweened', async () => {
    const { FakeObserver } = await import('../scrolly/fake-dom.ts');
    const { mount } = await import('./enhance.ts');
    const two = (state: string, x: number) => {
      const c = chart(state, [['k1', x]]);
      const regular = new FakeElement('svg', { 'data-layout': 'regular' }).append(
        new FakeElement('rect', { 'data-key': 'k1', x: String(x), y: '0', width: '10', height: '5' }),
      );
      return c.append(regular);
    };
    const live = two('a', 1);
    const layer = new FakeElement('div', { class: 'scrolly__layer' }).append(live);
    const figure = new FakeElement('div', { class: 'figure' }).append(two('b', 50));
    const c = mount(layer as never, { reducedMotion: false });
    const [compact, regular] = live.querySelectorAll('svg[data-layout]') as FakeElement[];
    // the ResizeObserver's first report, after layout: the compact layout has a box, the regular one none
    const ro = FakeObserver.all.filter((o) => o.kind === 'resize' && o.targets.has(regular as FakeElement));
    expect(ro.length).toBe(1);
    for (const o of ro)
      o.callback([
        { target: compact, contentRect: { width: 390, height: 200 } },
        { target: regular, contentRect: { width: 0, height: 0 } },
      ] as never);
    c.setState('b', figure as never, { animate: true });
    fake.frame(); // an animated state change starts in the frame after the step's
    expect(compact?.children[0]?.getAttribute('x'), 'the shown layout is tweened (not there yet)').toBe('1');
    expect(regular?.children[0]?.getAttribute('x'), 'the hidden layout is switched in the step’s frame').toBe('1');
    fake.tasks(); // the page is idle
    expect(regular?.children[0]?.getAttribute('x'), 'the hidden layout is at the next state once the page is idle').toBe('50');
    // a hidden layout that gets a box before the page is idle (the phone turned) switches then, not at idle
    const back = two('c', 70);
    c.setState('c', new FakeElement('div', { class: 'figure' }).append(back) as never, { animate: true });
    fake.frame();
    expect(regular?.children[0]?.getAttribute('x'), 'still pending').toBe('50');
    for (const o of ro) o.callback([{ target: regular, contentRect: { width: 390, height: 200 } }] as never);
    expect(regular?.children[0]?.getAttribute('x'), 'switched when it got a box').toBe('70');
    fake.tasks();
    expect(regular?.children[0]?.getAttribute('x'), 'and not switched again at idle').toBe('70');
    c.destroy();
  });

  it('a layout switched without animation stops the tween it had: the tween cannot end on the old state', async () => {
    const { FakeObserver } = await import('../scrolly/fake-dom.ts');
    const { mount } = await import('./enhance.ts');
    const two = (state: string, x: number) =>
      chart(state, [['k1', x]]).append(
        new FakeElement('svg', { 'data-layout': 'regular' }).append(
          new FakeElement('rect', { 'data-key': 'k1', x: String(x), y: '0', width: '10', height: '5' }),
        ),
      );
    const live = two('a', 1);
    const layer = new FakeElement('div', { class: 'scrolly__layer' }).append(live);
    const c = mount(layer as never, { reducedMotion: false });
    const [compact, regular] = live.querySelectorAll('svg[data-layout]') as FakeElement[];
    const mark = regular?.children[0] as unknown as { __transition?: unknown; getAttribute(n: string): string | null };
    // before the ResizeObserver's first report both layouts count as shown: both are tweened
    c.setState('b', new FakeElement('div', { class: 'figure' }).append(two('b', 50)) as never, { animate: true });
    fake.frame();
    expect(mark.__transition, 'a tween runs on the regular layout').toBeDefined();
    for (const o of FakeObserver.all.filter((x) => x.kind === 'resize' && x.targets.has(regular as FakeElement)))
      o.callback([
        { target: compact, contentRect: { width: 390, height: 200 } },
        { target: regular, contentRect: { width: 0, height: 0 } },
      ] as never);
    c.setState('c', new FakeElement('div', { class: 'figure' }).append(two('c', 70)) as never, { animate: true });
    fake.frame();
    fake.tasks(); // idle: the hidden layout switches
    expect(mark.getAttribute('x')).toBe('70');
    expect(mark.__transition, 'the old tween is stopped (its end would settle x at 50)').toBeUndefined();
    c.destroy();
  });

  it('an animated change tweens only the marks that move; the others take their switched attributes at once', async () => {
    const { mount } = await import('./enhance.ts');
    const live = chart('a', [
      ['axis', 0],
      ['grid', 5],
      ['point', 1],
    ]);
    const next = chart('b', [
      ['axis', 0],
      ['grid', 5],
      ['point', 50],
    ]);
    // the grid line changes only an attribute that switches (no tween): it is dashed in the next state
    next.querySelector('[data-key="grid"]')?.setAttribute('stroke-dasharray', '2 2');
    const layer = new FakeElement('div', { class: 'scrolly__layer' }).append(live);
    const c = mount(layer as never, { reducedMotion: false });
    type Mark = { __transition?: unknown; getAttribute(n: string): string | null };
    const [axis, grid, point] = ['axis', 'grid', 'point'].map((k) => live.querySelector(`[data-key="${k}"]`) as unknown as Mark);
    c.setState('b', new FakeElement('div').append(next) as never, { animate: true });
    fake.frame();
    expect(point?.__transition, 'the mark that moves is tweened').toBeDefined();
    expect(point?.getAttribute('x'), 'and not there yet').toBe('1');
    expect(axis?.__transition, 'a mark that stays gets no transition').toBeUndefined();
    expect(grid?.__transition, 'nor one whose change only switches').toBeUndefined();
    expect(grid?.getAttribute('stroke-dasharray'), 'the switched attribute is there at once').toBe('2 2');
    c.destroy();
  });

  it('settling a mark writes only the attributes that differ', async () => {
    const { settle } = await import('./enhance.ts');
    const mark = new FakeElement('rect', { x: '1', y: '2', width: '3' });
    const writes: string[] = [];
    const set = mark.setAttribute.bind(mark);
    const remove = mark.removeAttribute.bind(mark);
    mark.setAttribute = (k: string, v: string | number) => (writes.push(k), set(k, v));
    mark.removeAttribute = (k: string) => (writes.push(`-${k}`), remove(k));
    settle(mark as never, [
      ['x', '1'],
      ['y', '5'],
      ['width', null],
      ['height', null],
    ]);
    expect(writes).toEqual(['y', '-width']);
    expect([mark.getAttribute('x'), mark.getAttribute('y'), mark.getAttribute('width')]).toEqual(['1', '5', null]);
  });
});

describe('chart setState(): a label whose text stays is not rewritten', () => {
  let uninstall: () => void;
  beforeAll(() => {
    uninstall = installFakeDom();
  });
  afterAll(() => uninstall());

  /** A chart with one text mark (a label) and counts of the writes to its text. */
  function labelled(state: string, text: string, x: number): FakeElement {
    const c = chart(state, []);
    const label = new FakeElement('text', { 'data-key': 'label', x: String(x) });
    label.textContent = text;
    c.querySelector('svg')?.append(label);
    return c;
  }
  const textWrites = (el: FakeElement) => {
    let n = 0;
    const d = Object.getOwnPropertyDescriptor(FakeElement.prototype, 'textContent') as PropertyDescriptor;
    Object.defineProperty(el, 'textContent', {
      get: () => d.get?.call(el) as string,
      set: (v: string) => (n++, d.set?.call(el, v)),
    });
    return () => n;
  };

  it.each([false, true])('same text (animate: %s): no write; other text: one write', async (animate) => {
    const { mount } = await import('./enhance.ts');
    const live = labelled('a', '−1.2%', 1);
    const label = live.querySelector('[data-key="label"]') as FakeElement;
    const writes = textWrites(label);
    const layer = new FakeElement('div', { class: 'scrolly__layer' }).append(live);
    const c = mount(layer as never, { reducedMotion: false });
    c.setState('b', new FakeElement('div').append(labelled('b', '−1.2%', 5)) as never, { animate });
    fake.frame();
    expect(writes(), 'the same text was written again').toBe(0);
    // positive control: a changed text is written
    c.setState('c', new FakeElement('div').append(labelled('c', '8.4%', 5)) as never, { animate });
    fake.frame();
    expect(writes()).toBe(1);
    expect(label.textContent).toBe('8.4%');
  });

  it('an animated state change waits for the next frame; one without animation in between replaces it', async () => {
    const { mount } = await import('./enhance.ts');
    const live = chart('a', [['k1', 1]]);
    const layer = new FakeElement('div', { class: 'scrolly__layer' }).append(live);
    const c = mount(layer as never, { reducedMotion: false });
    const mark = live.querySelector('[data-key="k1"]') as unknown as { __transition?: unknown; getAttribute(n: string): string | null };
    c.setState('b', new FakeElement('div').append(chart('b', [['k1', 50]])) as never, { animate: true });
    expect(mark.__transition, 'nothing starts in the step change’s frame').toBeUndefined();
    expect(live.dataset['state']).toBe('a');
    fake.frame();
    expect(mark.__transition, 'the tween starts in the next frame').toBeDefined();
    expect(live.dataset['state']).toBe('b');
    // A jump before the next frame: the instant change is shown at once and the waiting one never runs.
    c.setState('a', new FakeElement('div').append(chart('a', [['k1', 1]])) as never, { animate: true });
    c.setState('c', new FakeElement('div').append(chart('c', [['k1', 70]])) as never, { animate: false });
    expect(mark.getAttribute('x')).toBe('70');
    fake.frame();
    expect(live.dataset['state']).toBe('c');
    expect(mark.getAttribute('x')).toBe('70');
    c.destroy();
  });
});
