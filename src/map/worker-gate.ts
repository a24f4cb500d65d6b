/**
 * MapLibre's worker answers (tiles, glyph requests) are handled on the main thread, and a tile's is a
 * long task (its buffers are deserialized and set up). An answer that arrives during a scroll gesture
 * would be a long frame in it: while the gate is held, messages from MapLibre's worker wait, in order,
 * and are handed over in the next pause, one per task. Browser side effect: `installWorkerGate` wraps
 * the global `Worker` so that only workers started from MapLibre's worker URL are gated.
 */

export interface MessageGate {
  /** True while messages must wait (a scroll gesture in progress). */
  held(): boolean;
  /** Resolves when they may be handled again. */
  whenFree(): Promise<void>;
  /** Called after each message has been handed over (a gate that grants one message per slice closes here). */
  delivered?(): void;
}

/**
 * `listener` behind `gate`: an event is handled at once when the gate is open and nothing waits,
 * else queued; the queue is handed over in order, one event per task (`nextTask`), each when the gate
 * is open. `gate()` is read per event (null: always open); its `delivered()` is called after each
 * event handed over (a gate can close itself there, to grant one event per slice).
 */
export function gatedListener<E>(listener: (e: E) => void, gate: () => MessageGate | null, nextTask: () => Promise<void>): (e: E) => void {
  const queue: E[] = [];
  let draining = false;
  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      while (queue.length > 0) {
        const g = gate();
        if (g?.held()) await g.whenFree();
        else {
          await nextTask();
          if (gate()?.held()) continue;
          listener(queue.shift() as E);
          gate()?.delivered?.();
        }
      }
    } finally {
      draining = false;
    }
  };
  return (e: E) => {
    if (queue.length === 0 && !gate()?.held()) {
      listener(e);
      gate()?.delivered?.();
      return;
    }
    queue.push(e);
    void drain();
  };
}

let current: MessageGate | null = null;

/** The gate the live map's workers' messages go through from now on (null: none). */
export function setMessageGate(g: MessageGate | null): void {
  current = g;
}

/** The gate set now (for tests). */
export const messageGate = (): MessageGate | null => current;

/**
 * Replaces the global `Worker` by a subclass whose instances started from `url` pass their `message`
 * listeners through the current gate. Once per page; a no-op where there are no workers.
 */
export function installWorkerGate(url: string, nextTask: () => Promise<void>): void {
  const g = globalThis as { Worker?: typeof Worker; __mapWorkerGate?: boolean };
  if (typeof g.Worker !== 'function' || g.__mapWorkerGate) return;
  g.__mapWorkerGate = true;
  const Native = g.Worker;
  g.Worker = class extends Native {
    constructor(u: string | URL, o?: WorkerOptions) {
      super(u, o);
      if (String(u) !== url) return;
      const wrapped = new WeakMap<object, EventListener>();
      const add = this.addEventListener.bind(this);
      const remove = this.removeEventListener.bind(this);
      this.addEventListener = ((type: string, l: EventListenerOrEventListenerObject, opts?: boolean | AddEventListenerOptions) => {
        if (type !== 'message' || typeof l !== 'function') return add(type, l, opts);
        const w = gatedListener<Event>(
          (e) => l.call(this, e),
          () => current,
          nextTask,
        );
        wrapped.set(l, w);
        return add(type, w, opts);
      }) as Worker['addEventListener'];
      this.removeEventListener = ((type: string, l: EventListenerOrEventListenerObject, opts?: boolean | EventListenerOptions) =>
        remove(type, (typeof l === 'function' && wrapped.get(l)) || l, opts)) as Worker['removeEventListener'];
    }
  };
}
