/**
 * `probeRenderer()`: the WebGL2 renderer string (null without WebGL2), probed in a worker
 * (probe-worker.ts) so that the WebGL context it takes to ask is created off the main thread; where
 * that cannot work (no module workers, no OffscreenCanvas in workers, a worker that fails or does not
 * answer in time) the page probes itself (device.ts `webgl2Renderer()`). One probe per page.
 */
import workerUrl from './probe-worker.ts?worker&url';
import { webgl2Renderer } from './device.ts';

/** A worker that has not answered by then is given up and the page probes itself. */
const PROBE_TIMEOUT_MS = 5000;

let answer: Promise<string | null> | null = null;

export function probeRenderer(): Promise<string | null> {
  answer ??= new Promise((resolve) => {
    if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') return resolve(webgl2Renderer());
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { type: 'module' });
    } catch {
      return resolve(webgl2Renderer());
    }
    const done = (data: unknown) => {
      clearTimeout(timer);
      worker.terminate();
      const d = data as { renderer?: string | null; unsupported?: boolean } | undefined;
      resolve(d && !d.unsupported && d.renderer !== undefined ? d.renderer : webgl2Renderer());
    };
    const timer = setTimeout(() => done(undefined), PROBE_TIMEOUT_MS);
    worker.onmessage = (e: MessageEvent) => done(e.data);
    worker.onerror = () => done(undefined);
  });
  return answer;
}
