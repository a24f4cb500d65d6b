/**
 * A small fake DOM for the scroll engine's unit tests (Node has none): just what engine.ts, reading.ts,
 * scroller.ts and scrollama call, with a layout model that counts. Every write (an attribute, a class,
 * a dataset or style property, tabIndex, text) marks the layout dirty; every layout read
 * (getBoundingClientRect, offsetHeight/offsetTop, clientWidth/clientHeight/clientTop, scrollY /
 * pageYOffset as Chromium computes them) is counted, and counted as *forced* when the layout is dirty;
 * `frame()` runs the animation callbacks and then "lays out" (clean again), as a browser's frame does.
 * Test-only: not imported by the site.
 */

type Listener = (e: { type: string; target?: unknown }) => void;

export interface LayoutLog {
  /** Layout reads since the last reset, by kind. */
  reads: string[];
  /** Reads made while the layout was dirty (each one is a forced style/layout in a browser). */
  forced: string[];
  dirty: boolean;
  reset(): void;
}

export const layout: LayoutLog = {
  reads: [],
  forced: [],
  dirty: false,
  reset() {
    this.reads = [];
    this.forced = [];
  },
};

function read(kind: string): void {
  layout.reads.push(kind);
  if (layout.dirty) layout.forced.push(kind);
}
function write(): void {
  layout.dirty = true;
}

class Events {
  private on = new Map<string, Set<Listener>>();
  addEventListener(type: string, f: Listener): void {
    if (!this.on.has(type)) this.on.set(type, new Set());
    this.on.get(type)?.add(f);
  }
  removeEventListener(type: string, f: Listener): void {
    this.on.get(type)?.delete(f);
  }
  dispatch(type: string): void {
    for (const f of [...(this.on.get(type) ?? [])]) f({ type, target: this });
  }
}

/**
 * A selector this fake understands: compounds of a tag, `.class`, `[attr]` and `[attr="v"]`, optionally
 * comma-separated; a leading `:scope > ` is handled by `querySelectorAll`. Others match nothing.
 */
function matches(el: FakeElement, selector: string): boolean {
  return selector.split(',').some((raw) => {
    const parts = raw.trim().match(/^[a-z]+|\.[\w-]+|\[[^\]]+\]/gi) ?? [];
    // Anything else (descendant combinators, `^=`) matches nothing: the tests' pages have no such parts.
    if (parts.join('') !== raw.trim()) return false;
    return parts.every((p) => {
      if (p.startsWith('.')) return el.classes.has(p.slice(1));
      if (p.startsWith('[')) {
        const m = /^\[([\w-]+)(?:=['"]?([^'"]*)['"]?)?\]$/.exec(p);
        if (!m) return false;
        return el.hasAttribute(m[1] as string) && (m[2] === undefined || el.getAttribute(m[1] as string) === m[2]);
      }
      return el.tagName.toLowerCase() === p.toLowerCase();
    });
  });
}

/** DOM mutations (insertions, moves, removals of nodes) since the last reset. */
export const mutations = { count: 0 };

export class FakeElement extends Events {
  readonly attrs = new Map<string, string>();
  readonly classes = new Set<string>();
  readonly children: FakeElement[] = [];
  parent: FakeElement | null = null;
  /** Document position: top and height, px. */
  top = 0;
  height = 0;
  private text = '';
  readonly dataset: Record<string, string>;
  readonly style: Record<string, string>;
  readonly classList = {
    add: (...c: string[]) => (c.forEach((x) => this.classes.add(x)), write()),
    remove: (...c: string[]) => (c.forEach((x) => this.classes.delete(x)), write()),
    toggle: (c: string, on?: boolean) => {
      const want = on ?? !this.classes.has(c);
      if (want) this.classes.add(c);
      else this.classes.delete(c);
      write();
      return want;
    },
    contains: (c: string) => this.classes.has(c),
    replace: (a: string, b: string) => {
      if (!this.classes.delete(a)) return false;
      this.classes.add(b);
      write();
      return true;
    },
  };
  /** The Web Animations started on this element (`animate()`), keyframes and options. */
  readonly animations: { keyframes: Record<string, unknown>[]; options: Record<string, unknown> }[] = [];

  readonly tagName: string;
  constructor(tagName: string, attrs: Record<string, string> = {}) {
    super();
    this.tagName = tagName;
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') v.split(/\s+/).forEach((c) => this.classes.add(c));
      else this.attrs.set(k, v);
    }
    const attrsOf = this.attrs;
    const setAttr = (k: string, v: string) => this.setAttribute(k, v);
    const removeAttr = (k: string) => this.removeAttribute(k);
    const key = (p: string) => `data-${p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    this.dataset = new Proxy({} as Record<string, string>, {
      get: (_, p: string) => attrsOf.get(key(p)),
      set: (_, p: string, v: string) => (setAttr(key(p), String(v)), true),
      deleteProperty: (_, p: string) => (removeAttr(key(p)), true),
      has: (_, p: string) => attrsOf.has(key(p)),
    });
    this.style = new Proxy({} as Record<string, string>, {
      set: (t, p: string, v: string) => ((t[p] = v), write(), true),
    });
  }

  append(...els: FakeElement[]): this {
    for (const e of els) this.insertBefore(e, null);
    return this;
  }
  insertBefore(el: FakeElement, ref: FakeElement | null): FakeElement {
    el.remove();
    const at = ref ? this.children.indexOf(ref) : -1;
    this.children.splice(at < 0 ? this.children.length : at, 0, el);
    el.parent = this;
    mutations.count++;
    write();
    return el;
  }
  before(el: FakeElement): void {
    this.parent?.insertBefore(el, this);
  }
  replaceWith(el: FakeElement): void {
    const parent = this.parent;
    if (!parent) return;
    parent.insertBefore(el, this);
    this.remove();
  }
  prepend(el: FakeElement): void {
    this.insertBefore(el, this.children[0] ?? null);
  }
  animate(keyframes: Record<string, unknown>[], options: Record<string, unknown>): object {
    this.animations.push({ keyframes, options });
    return {};
  }
  remove(): void {
    if (!this.parent) return;
    this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
    mutations.count++;
    write();
  }
  get parentNode(): FakeElement | null {
    return this.parent;
  }
  get nextSibling(): FakeElement | null {
    const sibs = this.parent?.children ?? [];
    return sibs[sibs.indexOf(this) + 1] ?? null;
  }
  /** The next sibling that is not a text node (`new FakeElement('#text')` stands for one). */
  get nextElementSibling(): FakeElement | null {
    const sibs = this.parent?.children ?? [];
    return sibs.slice(sibs.indexOf(this) + 1).find((s) => s.tagName !== '#text') ?? null;
  }
  get childNodes(): FakeElement[] {
    return [...this.children];
  }
  replaceChildren(...els: FakeElement[]): void {
    for (const c of [...this.children]) c.remove();
    this.append(...els);
  }
  cloneNode(deep = false): FakeElement {
    const copy = new FakeElement(this.tagName);
    for (const [k, v] of this.attrs) copy.attrs.set(k, v);
    for (const c of this.classes) copy.classes.add(c);
    copy.text = this.text;
    if (deep) for (const c of this.children) copy.children.push(Object.assign(c.cloneNode(true), { parent: copy }));
    return copy;
  }
  isEqualNode(other: FakeElement | null): boolean {
    if (!other || other.tagName !== this.tagName || other.text !== this.text) return false;
    if (other.attrs.size !== this.attrs.size || [...this.attrs].some(([k, v]) => other.attrs.get(k) !== v)) return false;
    if (other.classes.size !== this.classes.size || [...this.classes].some((c) => !other.classes.has(c))) return false;
    return other.children.length === this.children.length && this.children.every((c, i) => c.isEqualNode(other.children[i] ?? null));
  }
  getAttribute(k: string): string | null {
    return this.attrs.get(k) ?? null;
  }
  hasAttribute(k: string): boolean {
    return this.attrs.has(k);
  }
  setAttribute(k: string, v: string | number): void {
    this.attrs.set(k, String(v));
    write();
  }
  removeAttribute(k: string): void {
    this.attrs.delete(k);
    write();
  }
  set tabIndex(v: number) {
    this.setAttribute('tabindex', v);
  }
  get tabIndex(): number {
    return Number(this.attrs.get('tabindex') ?? -1);
  }
  set textContent(v: string) {
    this.text = v;
    write();
  }
  get textContent(): string {
    return this.text;
  }
  get id(): string {
    return this.attrs.get('id') ?? '';
  }
  private descendants(): FakeElement[] {
    return this.children.flatMap((c) => [c, ...c.descendants()]);
  }
  querySelectorAll(sel: string): FakeElement[] {
    const scoped = /^:scope\s*>\s*(.*)$/.exec(sel);
    if (scoped) return this.children.filter((e) => matches(e, scoped[1] as string));
    return this.descendants().filter((e) => matches(e, sel));
  }
  querySelector(sel: string): FakeElement | null {
    return this.querySelectorAll(sel)[0] ?? null;
  }
  closest(sel: string): FakeElement | null {
    if (matches(this, sel)) return this;
    return this.parent ? this.parent.closest(sel) : null;
  }
  matches(sel: string): boolean {
    return matches(this, sel);
  }
  focus(): void {}
  scrollIntoView(): void {
    win.scrollY = this.top - 100;
  }
  getBoundingClientRect() {
    read('getBoundingClientRect');
    const t = this.top - win.scrollY;
    return { top: t, bottom: t + this.height, left: 0, right: 390, width: 390, height: this.height, x: 0, y: t };
  }
  get offsetHeight(): number {
    read('offsetHeight');
    return this.height;
  }
  get offsetTop(): number {
    read('offsetTop');
    return this.top;
  }
  get clientWidth(): number {
    read('clientWidth');
    return 390;
  }
  get clientHeight(): number {
    read('clientHeight');
    return this.height;
  }
  get clientTop(): number {
    read('clientTop');
    return 0;
  }
}

/** A fixed element (the trigger-line probe): its viewport top does not move with the scroll. */
export class FixedElement extends FakeElement {
  override getBoundingClientRect() {
    read('getBoundingClientRect');
    return { top: this.top, bottom: this.top + this.height, left: 0, right: 390, width: 390, height: this.height, x: 0, y: this.top };
  }
}

export class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets = new Set<FakeElement>();
  readonly kind: 'intersection' | 'resize';
  /** An IntersectionObserver's options. */
  options: { rootMargin?: string } = {};
  readonly callback: (entries: { target: FakeElement; isIntersecting?: boolean }[]) => void;
  constructor(kind: FakeObserver['kind'], callback: FakeObserver['callback']) {
    this.kind = kind;
    this.callback = callback;
    FakeObserver.all.push(this);
  }
  observe(el: FakeElement): void {
    this.targets.add(el);
  }
  unobserve(el: FakeElement): void {
    this.targets.delete(el);
  }
  disconnect(): void {
    this.targets.clear();
  }
}

/** The animation callbacks waiting for the next frame, by id (cancelAnimationFrame removes one). */
let frames = new Map<number, (t: number) => void>();
let frameIds = 0;
let timers: { f: () => void; at: number; id?: number }[] = [];
let idleIds = 0;

const win = Object.assign(new Events(), {
  innerWidth: 390,
  innerHeight: 844,
  scrollYValue: 0,
  get scrollY(): number {
    read('scrollY');
    return this.scrollYValue;
  },
  set scrollY(v: number) {
    this.scrollYValue = v;
  },
  get pageYOffset(): number {
    return this.scrollY;
  },
  setTimeout: (f: () => void) => timers.push({ f, at: 0 }),
  clearTimeout: () => undefined,
});

export const fake = {
  window: win,
  document: Object.assign(new Events(), {
    body: new FakeElement('body'),
    documentElement: new FakeElement('html'),
    getElementById: (): null => null,
    querySelectorAll: (): FakeElement[] => [],
  }),
  /** Runs one frame: the animation callbacks (given `time`, ms), then layout (clean). */
  frame(time = 0): void {
    const run = [...frames.values()];
    frames = new Map();
    for (const f of run) f(time);
    layout.dirty = false;
  },
  /** Runs the queued timers (and the ones they queue), once. */
  tasks(): void {
    const run = timers;
    timers = [];
    for (const t of run) t.f();
  },
  /** The page scrolls to `y`: scroll events on the document and window (a browser dispatches them at a frame's start). */
  scrollTo(y: number): void {
    win.scrollY = y;
    fake.document.dispatch('scroll');
    win.dispatch('scroll');
  },
};

/** Installs the fake as the globals the engine uses; returns the uninstaller. */
export function installFakeDom(): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  const set = (k: string, v: unknown) => {
    saved.set(k, Object.getOwnPropertyDescriptor(g, k));
    Object.defineProperty(g, k, { value: v, configurable: true, writable: true });
  };
  frames = new Map();
  timers = [];
  FakeObserver.all = [];
  win.scrollY = 0;
  layout.dirty = false;
  layout.reset();
  set('window', win);
  set('document', fake.document);
  set('location', { hash: '', search: '' });
  set('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  set('requestAnimationFrame', (f: (t: number) => void) => {
    frames.set(++frameIds, f);
    return frameIds;
  });
  set('cancelAnimationFrame', (id: number) => frames.delete(id));
  set('requestIdleCallback', (f: () => void) => {
    const id = ++idleIds;
    timers.push({ f, at: 0, id });
    return id;
  });
  set('cancelIdleCallback', (id: number) => {
    timers = timers.filter((t) => t.id !== id);
  });
  set(
    'IntersectionObserver',
    class extends FakeObserver {
      constructor(cb: FakeObserver['callback'], options?: { rootMargin?: string }) {
        super('intersection', cb);
        this.options = options ?? {};
      }
    },
  );
  set(
    'ResizeObserver',
    class extends FakeObserver {
      constructor(cb: FakeObserver['callback']) {
        super('resize', cb);
      }
    },
  );
  // scrollama's selectAll() asks what it was given
  set('Element', FakeElement);
  set('NodeList', class {});
  set('CSS', { escape: (v: string) => v });
  set('getComputedStyle', () => ({ scrollPaddingTop: '0', scrollMarginTop: '0' }));
  return () => {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(g, k, d);
      else delete g[k];
    }
  };
}
