import { describe, expect, it } from 'vitest';
import { mapMode, qualifies } from './device.ts';

const GPU = 'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)';

describe('mapMode', () => {
  it('reads ?map=live and ?map=svg, anything else is auto', () => {
    expect(mapMode('?map=live')).toBe('live');
    expect(mapMode('?debug&map=svg')).toBe('svg');
    expect(mapMode('')).toBe('auto');
    expect(mapMode('?map=webgl')).toBe('auto');
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
