/**
 * The WebGL2 renderer probe, off the main thread (device.ts decides with its answer): a WebGL2 context
 * on an OffscreenCanvas, its renderer string, released. Creating a context is tens of ms of the main
 * thread on a software renderer; here it costs the reader nothing. Posts `{ renderer }` (null without
 * WebGL2), or `{ unsupported: true }` where a worker has no OffscreenCanvas (the page probes itself then).
 */
let message: { renderer: string | null } | { unsupported: true };
try {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  let renderer: string | null = null;
  if (gl) {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  message = { renderer };
} catch {
  message = { unsupported: true };
}
postMessage(message);
