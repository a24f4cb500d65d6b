/**
 * `node bench/trace.ts FILE [--min 50]`: what the main thread did in the long frames of a Chrome trace
 * recorded by `npm run bench -- --trace DIR`. The renderer's main-thread tasks are grouped into busy
 * spans (tasks less than 4 ms apart, as a frame's input, script and rendering come in several tasks);
 * for each span of at least `--min` ms it prints when it started (ms from the first scroll event), how
 * long it took, its self time per kind of work (script by file and function, style recalculation with
 * the number of elements, layout with the dirty and total objects, paint, …) and whether a scroll
 * event was dispatched in it.
 *
 * `--loaf`: for a trace recorded with the long animation frames as `loaf` measures (run.ts does that
 * with `--trace`; `--trace-light` keeps the page's pace), each such frame from the first scroll on, with
 * what every thread did within it: the renderer's main thread, its compositor, its raster workers and
 * the GPU process's threads (self time per kind of event, clipped to the frame).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: {
    name?: string;
    data?: Record<string, unknown>;
    elementCount?: number;
    beginData?: Record<string, unknown>;
    endData?: Record<string, unknown>;
  };
}

interface Node {
  e: TraceEvent;
  start: number;
  end: number;
  children: Node[];
}

/** One event's label: script by source and function, style by elements, layout by objects. */
function label(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  switch (e.name) {
    case 'FunctionCall': {
      const url =
        String(d['url'] ?? '')
          .split('/')
          .pop() ?? '';
      return `script ${url || '?'}:${String(d['functionName'] || '(anonymous)')}`;
    }
    case 'EventDispatch':
      return `event ${String(d['type'] ?? '?')}`;
    case 'TimerFire':
      return 'timer';
    case 'FireAnimationFrame':
      return 'requestAnimationFrame';
    case 'FireIdleCallback':
      return 'idle callback';
    case 'EvaluateScript':
    case 'v8.compile':
    case 'v8.compileModule':
    case 'v8.evaluateModule':
      return `${e.name} ${
        String(d['url'] ?? '')
          .split('/')
          .pop() ?? ''
      }`;
    default:
      return e.name;
  }
}

export function analyse(events: TraceEvent[], min: number): string[] {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const mains = [...threads].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
  // The renderer whose main thread dispatched scroll events is the page's.
  const scrolls = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.['type'] === 'scroll');
  const main = mains.find((k) => scrolls.some((e) => `${e.pid}:${e.tid}` === k)) ?? mains[0];
  if (!main) return ['no renderer main thread in this trace'];
  const mine = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Nest complete events into trees (a child starts and ends within its parent).
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const e of mine) {
    const n: Node = { e, start: e.ts, end: e.ts + (e.dur ?? 0), children: [] };
    while (stack.length && (stack.at(-1) as Node).end <= n.start) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(n);
    else roots.push(n);
    stack.push(n);
  }
  const t0 = Math.min(...scrolls.map((e) => e.ts), Infinity);
  const origin = Number.isFinite(t0) ? t0 : (roots[0]?.start ?? 0);
  // Busy spans: top-level tasks less than 4 ms apart.
  const spans: Node[][] = [];
  for (const r of roots) {
    const last = spans.at(-1);
    if (last && r.start - (last.at(-1) as Node).end < 4000) last.push(r);
    else spans.push([r]);
  }
  const out: string[] = [];
  for (const span of spans) {
    const start = (span[0] as Node).start;
    const end = Math.max(...span.map((n) => n.end));
    const ms = (end - start) / 1000;
    if (ms < min || start < origin) continue;
    const self = new Map<string, number>();
    const notes = new Set<string>();
    let scrolled = false;
    const walk = (n: Node) => {
      const own = n.end - n.start - n.children.reduce((t, c) => t + (c.end - c.start), 0);
      const key = label(n.e);
      self.set(key, (self.get(key) ?? 0) + own);
      const d = n.e.args?.data ?? {};
      if (n.e.name === 'EventDispatch' && d['type'] === 'scroll') scrolled = true;
      if (n.e.name === 'UpdateLayoutTree' && (n.end - n.start) / 1000 >= 2)
        notes.add(
          `style ${((n.end - n.start) / 1000).toFixed(1)} ms on ${String(n.e.args?.elementCount ?? d['elementCount'] ?? '?')} elements`,
        );
      if (n.e.name === 'Layout' && (n.end - n.start) / 1000 >= 2) {
        const b = n.e.args?.beginData ?? {};
        notes.add(
          `layout ${((n.end - n.start) / 1000).toFixed(1)} ms: ${String(b['dirtyObjects'])} dirty of ${String(b['totalObjects'])}${b['partialLayout'] ? ' (partial)' : ''}`,
        );
      }
      for (const c of n.children) walk(c);
    };
    span.forEach(walk);
    const parts = [...self]
      .filter(([k, v]) => v >= 1000 && k !== 'RunTask' && k !== 'ThreadControllerImpl::RunTask')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
    out.push(
      `+${((start - origin) / 1000).toFixed(0)} ms: ${ms.toFixed(0)} ms${scrolled ? ' [scroll]' : ''} — ${parts.join(', ')}${notes.size ? `\n    ${[...notes].join('; ')}` : ''}`,
    );
  }
  return out;
}

/** Each `loaf` measure's frame, with every busy thread's self time per event name within it. */
export function loafThreads(events: TraceEvent[]): string[] {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const scrolls = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.['type'] === 'scroll');
  const origin = Math.min(...scrolls.map((e) => e.ts), Infinity);
  const renderer = scrolls[0]?.pid;
  const frames: [number, number, string][] = [];
  const open = new Map<string, number>();
  for (const e of events) {
    if (!e.name.startsWith('loaf ') || (e.ph !== 'b' && e.ph !== 'e')) continue;
    const id = `${e.name}:${String((e as unknown as { id2?: { local?: string }; id?: string }).id ?? JSON.stringify((e as unknown as { id2?: unknown }).id2))}`;
    if (e.ph === 'b') open.set(id, e.ts);
    else if (open.has(id)) {
      frames.push([open.get(id) as number, e.ts, e.name]);
      open.delete(id);
    }
  }
  frames.sort((a, b) => a[0] - b[0]);
  // Complete events per thread, nested, for self times.
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const k = `${e.pid}:${e.tid}`;
    const list = byThread.get(k) ?? [];
    list.push(e);
    byThread.set(k, list);
  }
  const out: string[] = [];
  for (const [a, b, name] of frames) {
    if (a < origin) continue;
    out.push(`+${((a - origin) / 1000).toFixed(0)} ms: ${name.slice(5)} ms`);
    for (const [k, list] of byThread) {
      const thread = names.get(k) ?? k;
      const pid = Number(k.split(':')[0]);
      if (pid !== renderer && !/Viz|Gpu|GPU/.test(thread)) continue;
      const self = new Map<string, number>();
      let busy = 0;
      const inside = list
        .filter((e) => e.ts < b && e.ts + (e.dur as number) > a)
        .sort((x, y) => x.ts - y.ts || (y.dur as number) - (x.dur as number));
      const stack: { e: TraceEvent; end: number; kids: number }[] = [];
      const clip = (s: number, t: number) => Math.max(0, Math.min(t, b) - Math.max(s, a));
      const close = (n: { e: TraceEvent; end: number; kids: number }) => {
        const own = clip(n.e.ts, n.end) - n.kids;
        self.set(n.e.name, (self.get(n.e.name) ?? 0) + Math.max(0, own));
      };
      for (const e of inside) {
        const end = e.ts + (e.dur as number);
        while (stack.length && (stack.at(-1) as { end: number }).end <= e.ts)
          close(stack.pop() as { e: TraceEvent; end: number; kids: number });
        const parent = stack.at(-1);
        if (parent) parent.kids += clip(e.ts, end);
        else busy += clip(e.ts, end);
        stack.push({ e, end, kids: 0 });
      }
      while (stack.length) close(stack.pop() as { e: TraceEvent; end: number; kids: number });
      if (busy < 2000) continue;
      const top = [...self]
        .filter(([n, v]) => v >= 1000 && !/RunTask$/.test(n))
        .sort((x, y) => y[1] - x[1])
        .slice(0, 7)
        .map(([n, v]) => `${n} ${(v / 1000).toFixed(1)}`);
      out.push(`    ${thread}: busy ${(busy / 1000).toFixed(0)} ms — ${top.join(', ')}`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { min: { type: 'string', default: '50' }, loaf: { type: 'boolean', default: false } },
  });
  for (const file of positionals) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
    console.log(`# ${file}`);
    for (const line of values.loaf ? loafThreads(events) : analyse(events, Number(values.min))) console.log(line);
  }
}
