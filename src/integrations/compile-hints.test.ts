import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from './compile-hints.ts';

type Chunk = { type: 'chunk'; facadeModuleId: string | null; code: string } | { type: 'asset'; source: string };

/** Runs the plugin's generateBundle hook on a bundle of the given chunks. */
function run(entries: string[], bundle: Record<string, Chunk>): Record<string, Chunk> {
  const hook = compileHints(entries).generateBundle as { handler: (o: unknown, b: unknown) => void };
  hook.handler({}, bundle);
  return bundle;
}

describe('compileHints()', () => {
  it('puts the hint on the first line of the entries’ chunks only, above what Vite put on top, once', () => {
    const bundle = run(['src/charts/enhance.ts'], {
      chart: { type: 'chunk', facadeModuleId: '/work/site/src/charts/enhance.ts', code: 'const __vite__mapDeps=1;\nexport{}' },
      other: { type: 'chunk', facadeModuleId: '/work/site/src/scrolly/enhance.ts', code: 'export{}' },
      near: { type: 'chunk', facadeModuleId: '/work/site/mysrc/charts/enhance.ts', code: 'export{}' },
      shared: { type: 'chunk', facadeModuleId: null, code: 'export{}' },
      css: { type: 'asset', source: 'a{}' },
    });
    expect(bundle['chart']).toMatchObject({ code: `${COMPILE_HINT}\nconst __vite__mapDeps=1;\nexport{}` });
    // a module of the same file name elsewhere or under a look-alike folder, a chunk without an entry, an asset: untouched
    expect(bundle['other']).toMatchObject({ code: 'export{}' });
    expect(bundle['near']).toMatchObject({ code: 'export{}' });
    expect(bundle['shared']).toMatchObject({ code: 'export{}' });
    expect(bundle['css']).toMatchObject({ source: 'a{}' });
    run(['src/charts/enhance.ts'], bundle);
    expect((bundle['chart'] as { code: string }).code.split(COMPILE_HINT).length, 'added twice').toBe(2);
  });

  it('matches Windows paths', () => {
    const bundle = run(['src/map/enhance.ts'], { map: { type: 'chunk', facadeModuleId: 'C:\\site\\src\\map\\enhance.ts', code: 'x' } });
    expect(bundle['map']).toMatchObject({ code: `${COMPILE_HINT}\nx` });
  });
});
