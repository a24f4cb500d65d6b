/**
 * V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136+) on the graphic families'
 * enhancer chunks: V8 compiles all their functions while the chunk loads (off the main thread for a
 * streamed script), not each one on its first call. Their first calls come in the frame after a step
 * change, mid-gesture: on the built page at 4× CPU, industry-2025's first animated chart change took
 * 22–28 ms of script without the hint and 16–17 ms with it (3 runs each; the second change, with its
 * code compiled, 5–15 ms).
 * The chunks are loaded only when their section approaches and nearly all of their code runs then,
 * which is the case the hint is for. Other browsers read a comment.
 *
 * The comment must be the file's first line, so it is added to the finished chunk, after minification.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * A Vite plugin prepending the hint to the chunks of the modules that `importer` (a path from the project
 * root) loads with `import()`: for `src/graphics/client.ts`, the enhancers its `LOADERS` list, so a family
 * added there gets the hint without another list to keep in step.
 */
export function compileHints(importer: string): Plugin {
  // "/src/graphics/client.ts": whole path segments, so that "mysrc/graphics/client.ts" is not taken for it
  const wanted = `/${importer.replace(/^\.?\//, '')}`;
  const isImporter = (id: string) => id.replaceAll('\\', '/').endsWith(wanted);
  return {
    name: 'tongliao:compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // after Vite's own (its preload helper puts a `const __vite__mapDeps` line on top of a chunk)
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.facadeModuleId) continue;
          if (!this.getModuleInfo(chunk.facadeModuleId)?.dynamicImporters.some(isImporter)) continue;
          if (!chunk.code.startsWith(COMPILE_HINT)) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        }
      },
    },
  };
}
