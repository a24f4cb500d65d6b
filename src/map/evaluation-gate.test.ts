/**
 * MapLibre's module evaluation waits for a reading pause: the live map's chunk starts with
 * evaluation-gate.ts, whose top-level await holds the rest of the chunk (MapLibre) until the gate that
 * enhance.ts set before the import opens.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const source = (f: string) => readFileSync(new URL(f, import.meta.url), 'utf8');

describe('the evaluation gate', () => {
  it('holds the import of evaluation-gate.ts until the gate opens', async () => {
    // (a fresh module registry: another test file may have evaluated both already)
    vi.resetModules();
    const { evaluationGate, setEvaluationGate } = await import('./loader.ts');
    let open: () => void = () => undefined;
    let asked = 0;
    setEvaluationGate(() => {
      asked++;
      return new Promise<void>((r) => (open = r));
    });
    let imported = false;
    const done = import('./evaluation-gate.ts').then(() => (imported = true));
    // once the module has asked the gate, it is still not evaluated to its end some tasks later
    await vi.waitFor(() => expect(asked).toBe(1));
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    expect(imported).toBe(false);
    open();
    await done;
    expect(imported).toBe(true);
    setEvaluationGate(() => Promise.resolve());
    await expect(evaluationGate()).resolves.toBeUndefined();
  });

  it('is the first import of map-controller.ts (before MapLibre), and set before enhance.ts imports it', () => {
    const imports = [...source('./map-controller.ts').matchAll(/^import\s(?:[^'"]*?from\s)?['"]([^'"]+)['"]/gms)].map((m) => m[1]);
    expect(imports[0]).toBe('./evaluation-gate.ts');
    expect(imports.indexOf('maplibre-gl')).toBeGreaterThan(0);
    expect(source('./evaluation-gate.ts')).toMatch(/^await evaluationGate\(\);$/m);
    const enhance = source('./enhance.ts');
    const set = enhance.indexOf('setEvaluationGate(gate)');
    expect(set).toBeGreaterThan(0);
    expect(set).toBeLessThan(enhance.indexOf("import('./map-controller.ts')"));
  });
});
