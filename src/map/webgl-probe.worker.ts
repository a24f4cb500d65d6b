/**
 * The WebGL2 probe off the main thread (device.ts, `webgl2RendererOffThread`): creating a WebGL
 * context, even a 1×1 one, costs the thread that creates it tens of ms on a phone with a software
 * renderer (57 ms measured at 4× CPU in the bench), which on the main thread is a long animation
 * frame in the middle of the read-through. Answers with the renderer string, or null without WebGL2.
 */
import { rendererOf } from './gl-renderer.ts';

let renderer: string | null = null;
try {
  const gl = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('webgl2') : null;
  if (gl) renderer = rendererOf(gl);
} catch {
  renderer = null;
}
(globalThis as unknown as { postMessage(message: unknown): void }).postMessage(renderer);
