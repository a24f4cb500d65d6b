/**
 * The renderer probe leaves the main thread: the WebGL context is created in a worker, and the page
 * creates one itself only when the worker cannot (no OffscreenCanvas there, an error, no answer).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./probe-worker.ts?worker&url', () => ({ default: '/probe-worker.js' }));

let contexts = 0;
let reply: unknown;
class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  constructor() {
    setTimeout(() => this.onmessage?.({ data: reply }), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('probeRenderer()', () => {
  const saved: Record<string, PropertyDescriptor | undefined> = {};
  const put = (k: string, v: unknown) => {
    saved[k] ??= Object.getOwnPropertyDescriptor(globalThis, k);
    Object.defineProperty(globalThis, k, { value: v, configurable: true, writable: true });
  };
  beforeEach(() => {
    vi.resetModules();
    contexts = 0;
    put('Worker', FakeWorker);
    put('OffscreenCanvas', class {});
    // The page's own probe: counts the contexts it creates on the main thread.
    put('document', {
      createElement: () => ({
        getContext: () => {
          contexts++;
          return { getExtension: () => null, getParameter: () => 'Main Thread GL', RENDERER: 1 };
        },
      }),
    });
  });
  afterEach(() => {
    for (const [k, d] of Object.entries(saved)) {
      if (d) Object.defineProperty(globalThis, k, d);
      else delete (globalThis as Record<string, unknown>)[k];
      delete saved[k];
    }
  });

  it('takes the worker’s answer: no WebGL context on the main thread', async () => {
    reply = { renderer: 'ANGLE (Worker GL)' };
    const { probeRenderer } = await import('./probe.ts');
    expect(await probeRenderer()).toBe('ANGLE (Worker GL)');
    expect(await probeRenderer()).toBe('ANGLE (Worker GL)');
    expect(contexts).toBe(0);
  });

  it('a worker without WebGL2 answers null, and the page does not probe again', async () => {
    reply = { renderer: null };
    const { probeRenderer } = await import('./probe.ts');
    expect(await probeRenderer()).toBeNull();
    expect(contexts).toBe(0);
  });

  it('positive control: a worker without OffscreenCanvas, and a browser without, fall back to the page’s own probe', async () => {
    reply = { unsupported: true };
    const { probeRenderer } = await import('./probe.ts');
    expect(await probeRenderer()).toBe('Main Thread GL');
    expect(contexts).toBe(1);
    vi.resetModules();
    put('OffscreenCanvas', undefined);
    const again = await import('./probe.ts');
    const device = await import('./device.ts');
    expect(await again.probeRenderer()).toBe(device.webgl2Renderer());
  });
});
