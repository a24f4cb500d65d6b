import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from './compile-hints.ts';

type Chunk = { type: 'chunk'; facadeModuleId: string | null; code: string } | { type: 'asset'; source: string };

/**
 * Runs the plugin's generateBundle hook on a bundle of the given chunks, the modules being loaded with
 * `import()` by the importers given for them (`dynamicImporters`).
 */
function run(importer: string, bundle: Record<string, Chunk>, importers: Record<string, string[]>): Record<string, Chunk> {
  const hook = compileHints(importer).generateBundle as { handler: (this: unknown, o: unknown, b: unknown) => void };
  const context = { getModuleInfo: (id: string) => ({ dynamicImporters: importers[id] ?? [] }) };
  hook.handler.call(context, {}, bundle);
  return bundle;
}

describe('compileHints()', () => {
  const client = '/work/site/src/graphics/client.ts';
  it('puts the hint on the first line of the chunks the importer loads, above what Vite put on top, once', () => {
    const importers = {
      '/work/site/src/charts/enhance.ts': [client],
      '/work/site/src/scrolly/debug.ts': ['/work/site/src/scrolly/main.ts'],
      '/work/site/src/map/enhance.ts': ['/work/site/mysrc/graphics/client.ts'],
    };
    const bundle = run(
      'src/graphics/client.ts',
      {
        chart: { type: 'chunk', facadeModuleId: '/work/site/src/charts/enhance.ts', code: 'const __vite__mapDeps=1;\nexport{}' },
        other: { type: 'chunk', facadeModuleId: '/work/site/src/scrolly/debug.ts', code: 'export{}' },
        near: { type: 'chunk', facadeModuleId: '/work/site/src/map/enhance.ts', code: 'export{}' },
        shared: { type: 'chunk', facadeModuleId: null, code: 'export{}' },
        css: { type: 'asset', source: 'a{}' },
      },
      importers,
    );
    expect(bundle['chart']).toMatchObject({ code: `${COMPILE_HINT}\nconst __vite__mapDeps=1;\nexport{}` });
    // a module another file loads, one a look-alike folder's importer loads, a chunk without an entry, an asset: untouched
    expect(bundle['other']).toMatchObject({ code: 'export{}' });
    expect(bundle['near']).toMatchObject({ code: 'export{}' });
    expect(bundle['shared']).toMatchObject({ code: 'export{}' });
    expect(bundle['css']).toMatchObject({ source: 'a{}' });
    run('src/graphics/client.ts', bundle, importers);
    expect((bundle['chart'] as { code: string }).code.split(COMPILE_HINT).length, 'added twice').toBe(2);
  });

  it('matches Windows paths', () => {
    const bundle = run(
      'src/graphics/client.ts',
      { map: { type: 'chunk', facadeModuleId: 'C:\\site\\src\\map\\enhance.ts', code: 'x' } },
      { 'C:\\site\\src\\map\\enhance.ts': ['C:\\site\\src\\graphics\\client.ts'] },
    );
    expect(bundle['map']).toMatchObject({ code: `${COMPILE_HINT}\nx` });
  });
});
