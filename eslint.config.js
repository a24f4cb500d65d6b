/**
 * ESLint (npm run lint, and CI): typescript-eslint's recommended rules for .ts, eslint-plugin-astro's
 * for .astro, on top of ESLint's own. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.test-dist/',
      '.test-dist-server/',
      '.astro/',
      'node_modules/',
      'bench/results/',
      'test-results/',
      'tests/fixtures/',
      'src/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  // config files and scripts run in Node
  { files: ['*.mjs', '*.js', 'scripts/**', 'bench/**', 'tests/**'], languageOptions: { globals: { ...globals.node } } },
);
