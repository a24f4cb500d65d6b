import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  livePixelRatio,
  mapMode,
  MAX_PIXEL_RATIO,
  PROBE_TIMEOUT_MS,
  qualifies,
  resetProbe,
  webgl2RendererOffThread,
  type ProbeEnv,
} from './device.ts';

const GPU = 'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)';

describe('mapMode', () => {
  it('reads ?map=live and ?map=svg, anything else is auto', () => {
    expect(mapMode('?map=live')).toBe('live');
    expect(mapMode('?debug&map=svg')).toBe('svg');
    expect(mapMode('')).toBe('auto');
    expect(mapMode('?map=webgl')).toBe('auto');
  });
});

describe('livePixelRatio', () => {
  const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
  it('draws at the screen density on a GPU, capped', () => {
    expect(livePixelRatio(1, GPU)).toBe(1);
    expect(livePixelRatio(2, GPU)).toBe(2);
    expect(livePixelRatio(3, GPU)).toBe(MAX_PIXEL_RATIO);
    expect(livePixelRatio(0, GPU)).toBe(1);
  });
  it('draws at 1× on a software renderer (forced with ?map=live, or explore mode), whatever the screen', () => {
    expect(livePixelRatio(3, SWIFTSHADER)).toBe(1);
    expect(livePixelRatio(2, 'llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(1);
  });
});

describe('qualifies', () => {
  it('takes a hardware renderer with 4+ cores and 4+ GiB', () => {
    expect(qualifies({ deviceMemory: 8, cores: 8, renderer: GPU })).toBe(true);
    expect(qualifies({ deviceMemory: 4, cores: 4, renderer: 'Adreno (TM) 640' })).toBe(true);
  });
  it('does not count unknown memory against a device (Safari, Firefox)', () => {
    expect(qualifies({ deviceMemory: undefined, cores: 8, renderer: GPU })).toBe(true);
  });
  it('refuses software renderers whatever the hardware', () => {
    for (const r of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Google SwiftShader',
      'Microsoft Basic Render Driver',
    ]) {
      expect(qualifies({ deviceMemory: 8, cores: 16, renderer: r }), r).toBe(false);
    }
  });
  it('refuses small devices, unknown cores and missing WebGL2', () => {
    expect(qualifies({ deviceMemory: 2, cores: 8, renderer: GPU })).toBe(false);
    expect(qualifies({ deviceMemory: 8, cores: 2, renderer: GPU })).toBe(false);
    expect(qualifies({ deviceMemory: 8, cores: undefined, renderer: GPU })).toBe(false);
    expect(qualifies({ deviceMemory: 8, cores: 8, renderer: null })).toBe(false);
  });
});

describe('webgl2RendererOffThread', () => {
  /** A fake worker that answers `answer` (or fails, or stays silent), and counts main-thread probes. */
  function env(answer: string | null | 'error' | 'silent' | 'no-worker') {
    const calls = { here: 0, terminated: 0 };
    const e: ProbeEnv = {
      worker: () => {
        if (answer === 'no-worker') return null;
        const listeners: Record<string, ((ev: Event) => void)[]> = {};
        queueMicrotask(() => {
          if (answer === 'silent') return;
          if (answer === 'error') listeners['error']?.forEach((f) => f(new Event('error')));
          else listeners['message']?.forEach((f) => f(Object.assign(new Event('message'), { data: answer })));
        });
        return {
          terminate: () => void calls.terminated++,
          addEventListener: ((type: string, f: (ev: Event) => void) => (listeners[type] ??= []).push(f)) as Worker['addEventListener'],
        };
      },
      here: () => {
        calls.here++;
        return 'main-thread renderer';
      },
    };
    return { e, calls };
  }
  beforeEach(() => resetProbe());

  it('takes the worker’s answer: no WebGL context on the main thread', async () => {
    const { e, calls } = env(GPU);
    await expect(webgl2RendererOffThread(e)).resolves.toBe(GPU);
    expect(calls).toEqual({ here: 0, terminated: 1 });
    // cached: asked once per page
    await expect(webgl2RendererOffThread(env('error').e)).resolves.toBe(GPU);
  });
  it('asks on the main thread when the worker has no WebGL2, fails, or there is no worker', async () => {
    for (const answer of [null, 'error', 'no-worker'] as const) {
      resetProbe();
      const { e, calls } = env(answer);
      await expect(webgl2RendererOffThread(e), String(answer)).resolves.toBe('main-thread renderer');
      expect(calls.here, String(answer)).toBe(1);
    }
  });
  it('asks on the main thread when the worker does not answer in time', async () => {
    vi.useFakeTimers();
    try {
      const { e, calls } = env('silent');
      const p = webgl2RendererOffThread(e);
      await vi.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS);
      await expect(p).resolves.toBe('main-thread renderer');
      expect(calls).toEqual({ here: 1, terminated: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});
